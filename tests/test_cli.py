"""The `talonario` command, run as a user runs it: a subprocess against the test database."""

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.fixtures.factories import invoice_body

TALONARIO = Path(sys.executable).parent / "talonario"


Runs = dict[str, subprocess.CompletedProcess[str]]


def start(database_url: str, *args: str) -> subprocess.Popen[str]:
    env = os.environ | {"TALONARIO_DATABASE_URL": database_url}
    return subprocess.Popen(
        [str(TALONARIO), *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(started: dict[str, subprocess.Popen[str]]) -> Runs:
    done: Runs = {}
    for name, proc in started.items():
        out, err = proc.communicate(timeout=60)
        done[name] = subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
    return done


def one_json_object(stdout: str) -> dict[str, Any]:
    lines = [line for line in stdout.splitlines() if line.strip()]
    assert len(lines) == 1, stdout
    value = json.loads(lines[0])
    assert isinstance(value, dict)
    return value


@pytest.fixture(scope="module")
def cli(database_url: str) -> Runs:
    """Every command of this module, started side by side: each costs a second or two of
    Python start-up, so they run at once rather than one per test."""
    done = finish(
        {
            "company": start(
                database_url, "company", "create", "--legal-name", "CLI Test SL",
                "--nif", "b12345674", "--json",
            ),
            "addressed": start(
                database_url, "company", "create", "--legal-name", "Con Dirección SL",
                "--nif", "A58818501", "--street", "Calle Mayor 1", "--postal-code", "28013",
                "--city", "Madrid", "--json",
            ),
            "bad_nif": start(
                database_url, "company", "create", "--legal-name", "Mal SL",
                "--nif", "B12345675", "--json",
            ),
            "upgrade": start(database_url, "db", "upgrade"),
            "account": start(database_url, "account", "create", "--name", "Gestoría", "--json"),
        }
    )  # fmt: skip
    if done["account"].returncode == 0:
        account_id = one_json_object(done["account"].stdout)["account"]["id"]
        done |= finish(
            {
                "in_account": start(
                    database_url, "company", "create", "--legal-name", "Cliente de Gestoría SL",
                    "--nif", "B86561412", "--account", account_id, "--json",
                ),
                "account_key": start(
                    database_url, "apikey", "create", "--account", account_id,
                    "--scope", "companies:read", "--json",
                ),
            }
        )  # fmt: skip
    if done["company"].returncode == 0:
        company_id = one_json_object(done["company"].stdout)["company"]["id"]
        done |= finish(
            {
                "apikey": start(
                    database_url, "apikey", "create", "--company", company_id,
                    "--scope", "clients:read", "--json",
                )
            }
        )  # fmt: skip
    return done


@pytest.fixture(scope="module")
def cli_company(cli: Runs) -> dict[str, Any]:
    done = cli["company"]
    assert done.returncode == 0, done.stderr
    return one_json_object(done.stdout)


def test_cli_is_installed_beside_python() -> None:
    assert TALONARIO.exists(), TALONARIO


def test_company_create_prints_the_company_and_a_working_key(
    cli_company: dict[str, Any], app_client: TestClient
) -> None:
    assert set(cli_company) == {"company", "api_key"}
    company = cli_company["company"]
    assert company["nif"] == "B12345674"
    assert company["legal_name"] == "CLI Test SL"
    assert len(company["id"]) == 36
    r = app_client.get("/v1/company", headers={"Authorization": f"Bearer {cli_company['api_key']}"})
    assert r.status_code == 200, r.text
    assert r.json()["id"] == company["id"]
    series = app_client.get(
        "/v1/series", headers={"Authorization": f"Bearer {cli_company['api_key']}"}
    ).json()["data"]
    assert sorted(s["code"] for s in series) == ["F", "R", "S"]


def test_company_create_takes_the_address_a_complete_invoice_needs(
    cli: Runs, cli_company: dict[str, Any], app_client: TestClient
) -> None:
    done = cli["addressed"]
    assert done.returncode == 0, done.stderr
    addressed = one_json_object(done.stdout)
    assert addressed["company"]["address"] == {
        "street": "Calle Mayor 1",
        "postal_code": "28013",
        "city": "Madrid",
        "province": None,
        "country": "ES",
    }
    f1 = invoice_body(issue=True)
    for payload, status in ((addressed, 201), (cli_company, 422)):
        headers = {"Authorization": f"Bearer {payload['api_key']}"}
        r = app_client.post("/v1/invoices", json=f1, headers=headers)
        assert r.status_code == status, r.text
    assert r.json()["error"]["param"] == "issuer.address"


def test_company_create_with_a_bad_nif_fails(cli: Runs) -> None:
    done = cli["bad_nif"]
    assert done.returncode != 0
    assert done.stdout.strip() == ""
    assert "nif" in done.stderr.lower()


def test_apikey_create_makes_a_key_with_the_given_scope(
    cli: Runs, cli_company: dict[str, Any], app_client: TestClient
) -> None:
    company_id = cli_company["company"]["id"]
    done = cli["apikey"]
    assert done.returncode == 0, done.stderr
    payload = one_json_object(done.stdout)
    assert payload["company"] == company_id
    assert payload["scopes"] == ["clients:read"]
    headers = {"Authorization": f"Bearer {payload['api_key']}"}
    assert app_client.get("/v1/clients", headers=headers).status_code == 200
    r = app_client.post("/v1/clients", json={"name": "x"}, headers=headers)
    assert r.status_code == 403
    assert r.json()["error"]["code"] == "insufficient_scope"
    admin = {"Authorization": f"Bearer {cli_company['api_key']}"}
    listed = app_client.get("/v1/api-keys", headers=admin).json()["data"]
    assert payload["id"] in [k["id"] for k in listed]


def test_db_upgrade_on_a_migrated_database_succeeds(cli: Runs) -> None:
    done = cli["upgrade"]
    assert done.returncode == 0, done.stderr
    assert "head" in done.stdout


def test_account_create_prints_an_account_key_that_manages_its_companies(
    cli: Runs, app_client: TestClient
) -> None:
    done = cli["account"]
    assert done.returncode == 0, done.stderr
    account = one_json_object(done.stdout)
    assert account["api_key"].startswith("tal_acct_")
    in_account = cli["in_account"]
    assert in_account.returncode == 0, in_account.stderr
    company = one_json_object(in_account.stdout)["company"]
    assert company["account"] == account["account"]["id"]
    headers = {"Authorization": f"Bearer {account['api_key']}"}
    listed = app_client.get("/v1/companies", headers=headers).json()["data"]
    assert [c["id"] for c in listed] == [company["id"]]
    # A key minted for the account by `apikey create --account`, with the scope asked for.
    narrow = one_json_object(cli["account_key"].stdout)
    assert narrow["api_key"].startswith("tal_acct_") and narrow["company"] is None
    narrow_headers = {"Authorization": f"Bearer {narrow['api_key']}"}
    assert app_client.get("/v1/companies", headers=narrow_headers).status_code == 200
    r = app_client.post(
        "/v1/companies", json={"legal_name": "X", "nif": "A08001851"}, headers=narrow_headers
    )
    assert r.status_code == 403, r.text

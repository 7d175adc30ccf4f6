"""Where the sandbox is served, as a user starts it: not at all under a plain `talonario serve`,
with a control token printed at start-up under `serve --demo` and `talonario sandbox`."""

import os
import re
import subprocess
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from talonario.config import Settings
from talonario.db import create_database
from tests.aeat_sandbox.helpers import Taxpayer
from tests.fixtures.database import migrated_database
from tests.fixtures.factories import create_company, invoice_body
from tests.fixtures.servers import HOST, health_answers, launched, running_server, talonario_command

pytestmark = pytest.mark.xdist_group("servers")

TOKEN_LINE = re.compile(r"AEAT sandbox control token \(shown once, keep it\): (\S+)")
KEY_LINE = re.compile(r"API key \(shown once, keep it\): (\S+)")
UNSET = ("TALONARIO_SANDBOX", "TALONARIO_SANDBOX_CONTROL_TOKEN", "TALONARIO_DEMO_COMPANY")


def kind_of(database_url: str) -> str:
    return "sqlite" if database_url.startswith("sqlite") else "postgresql"


def plain_env(database_url: str) -> dict[str, str]:
    """The environment of a user who set only the database."""
    env = {k: v for k, v in os.environ.items() if k not in UNSET and k != "TALONARIO_REDIS_URL"}
    return env | {"TALONARIO_DATABASE_URL": database_url, "TALONARIO_RATE_LIMIT_PER_MINUTE": "0"}


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


def test_serve_without_the_setting_has_no_sandbox(database_url: str, tmp_path: Path) -> None:
    with running_server(database_url, tmp_path / "server.log", sandbox=False) as server:
        taxpayer = Taxpayer()
        soap = taxpayer.envelope(taxpayer.alta("F-0001"))
        answers = [
            httpx.get(f"{server.url}/aeat-sandbox/health"),
            httpx.post(f"{server.url}/aeat-sandbox/VerifactuSOAP", content=soap),
            httpx.get(f"{server.url}/aeat-sandbox/control/records", params={"nif": "B12345674"}),
            httpx.post(f"{server.url}/aeat-sandbox/control/faults", json={"kind": "http_500"}),
        ]
        assert httpx.get(f"{server.url}/health").status_code == 200
    assert [a.status_code for a in answers] == [404, 404, 404, 404]


def test_without_a_sandbox_a_sandbox_company_gets_a_permanent_error_naming_the_settings(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TALONARIO_RUN_WORKER", "true")
    monkeypatch.setenv("TALONARIO_WORKER_POLL_SECONDS", "0.2")
    monkeypatch.delenv("TALONARIO_AEAT_SANDBOX_URL", raising=False)
    with migrated_database(kind_of(database_url), tmp_path) as url:
        db = create_database(Settings(database_url=url))
        try:
            _, key = create_company(db)
        finally:
            db.dispose()
        with (
            running_server(url, tmp_path / "server.log", sandbox=False) as server,
            httpx.Client(base_url=server.url, headers=bearer(key), timeout=10) as api,
        ):
            issued = api.post("/v1/invoices", json=invoice_body(issue=True))
            assert issued.status_code == 201, issued.text
            status = wait_for(lambda: api.get("/v1/verifactu/status").json(), _failed)

    assert status["last_submission"]["status"] == "permanent_error"
    error = status["incident"]["last_error"]
    assert "TALONARIO_SANDBOX" in error and "TALONARIO_AEAT_SANDBOX_URL" in error
    assert status["pending"] == 1


def _failed(status: dict[str, Any]) -> bool:
    return bool(status["incident"]["last_error"])


def wait_for(read: Any, done: Any, limit: float = 60.0) -> Any:
    """`read()` once `done` of it holds; the limit only keeps a broken run from hanging."""
    deadline = time.monotonic() + limit
    while True:
        value = read()
        if done(value) or time.monotonic() > deadline:
            return value
        time.sleep(0.2)


def test_serve_demo_mounts_the_sandbox_and_prints_its_control_token(
    database_url: str, tmp_path: Path
) -> None:
    with migrated_database(kind_of(database_url), tmp_path) as url:
        command = [talonario_command(), "serve", "--demo", "--workers", "2", "--host", HOST]
        log = tmp_path / "demo.log"
        with launched(
            lambda port: [*command, "--port", str(port)],
            plain_env(url),
            log,
            lambda port: health_answers(f"http://{HOST}:{port}"),
        ) as (_, port):
            printed = log.read_text()
            token, key = TOKEN_LINE.search(printed), KEY_LINE.search(printed)
            assert token is not None and key is not None, printed
            base = f"http://{HOST}:{port}/aeat-sandbox"
            # Eight requests on new connections, which the two processes share (SO_REUSEPORT; the
            # spread is shown in test_serving): whichever answers knows the stored token.
            with_token = [
                httpx.get(f"{base}/control/faults", headers=bearer(token[1])).status_code
                for _ in range(8)
            ]
            anonymous = httpx.get(f"{base}/control/faults").status_code
            own = httpx.get(f"{base}/control/records", headers=bearer(key[1]))

    assert with_token == [200] * 8
    assert anonymous == 401
    assert own.status_code == 200 and own.json() == {"data": []}


def test_talonario_sandbox_alone_generates_and_prints_a_control_token(
    database_url: str, tmp_path: Path
) -> None:
    with migrated_database(kind_of(database_url), tmp_path) as url:
        command = [talonario_command(), "sandbox", "--no-migrate", "--host", HOST]
        log = tmp_path / "sandbox.log"
        with launched(
            lambda port: [*command, "--port", str(port)],
            plain_env(url),
            log,
            lambda port: health_answers(f"http://{HOST}:{port}"),
        ) as (_, port):
            token = TOKEN_LINE.search(log.read_text())
            assert token is not None, log.read_text()
            faults = f"http://{HOST}:{port}/control/faults"
            with_token = httpx.get(faults, headers=bearer(token[1])).status_code
            anonymous = httpx.get(faults).status_code

    assert (with_token, anonymous) == (200, 401)


def test_sandbox_token_replaces_the_stored_token_the_sandbox_honours(
    database_url: str, tmp_path: Path
) -> None:
    with migrated_database(kind_of(database_url), tmp_path) as url:
        env = plain_env(url)
        made = subprocess.run(
            [talonario_command(), "sandbox-token"], env=env, capture_output=True, text=True
        )
        named = subprocess.run(
            [talonario_command(), "sandbox-token"],
            env=env | {"TALONARIO_SANDBOX_CONTROL_TOKEN": "sbx_a-token-set-by-the-operator"},
            capture_output=True,
            text=True,
        )
        token = TOKEN_LINE.search(made.stdout)
        assert made.returncode == 0 and token is not None, made.stderr
        command = [talonario_command(), "sandbox", "--no-migrate", "--host", HOST]
        log = tmp_path / "sandbox.log"
        with launched(
            lambda port: [*command, "--port", str(port)],
            env,
            log,
            lambda port: health_answers(f"http://{HOST}:{port}"),
        ) as (_, port):
            faults = f"http://{HOST}:{port}/control/faults"
            status = httpx.get(faults, headers=bearer(token[1])).status_code
            printed = log.read_text()

    assert status == 200
    assert TOKEN_LINE.search(printed) is None  # one was held: nothing new to show
    assert named.returncode == 2 and "TALONARIO_SANDBOX_CONTROL_TOKEN" in named.stderr

"""`talonario invoices create|list|pdf` as a shell script runs them, against a running
`talonario serve` over HTTP (the commands run in-process, through typer's runner)."""

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner, Result

from talonario.cli import app
from tests.documents.helpers import pdf_text
from tests.fixtures.factories import client_body, invoice_body
from tests.sdk.conftest import Company

pytestmark = pytest.mark.xdist_group("servers")

# The walkthrough's invoice with its amounts as JSON numbers, as a script would write them.
INVOICE = json.dumps(invoice_body()).replace('"100.00"', "100.00").replace('"10.50"', "10.50")


def talonario(company: Company, *args: str, stdin: str | None = None, **env: str) -> Result:
    variables = {"TALONARIO_URL": company.url, "TALONARIO_API_KEY": company.key} | env
    return CliRunner().invoke(app, ["invoices", *args], env=variables, input=stdin)


def json_lines(result: Result) -> list[dict[str, Any]]:
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_a_script_creates_issues_lists_and_downloads_an_invoice(
    company: Company, tmp_path: Path
) -> None:
    source = tmp_path / "invoice.json"
    source.write_text(INVOICE)
    made = talonario(company, "create", str(source), "--issue", "--idempotency-key", "cli-1")
    assert made.exit_code == 0, made.output
    invoice = json.loads(made.stdout)
    assert invoice["status"] == "issued" and '"total":386.73' in made.stdout
    again = talonario(company, "create", str(source), "--issue", "--idempotency-key", "cli-1")
    assert json.loads(again.stdout)["id"] == invoice["id"]

    [listed] = json_lines(talonario(company, "list", "--json", "--status", "issued"))
    assert listed["id"] == invoice["id"] and listed["number"] == invoice["number"]
    raw = talonario(company, "list", "--json").stdout
    assert '"subtotal":326.00' in raw and '"unit_price":10.50' in raw  # the digits, as sent
    table = talonario(company, "list").stdout.splitlines()
    assert table[0].split() == ["NUMBER", "STATUS", "ISSUED", "TOTAL", "CLIENT", "ID"]
    assert table[1].split()[:4] == [invoice["number"], "issued", invoice["issued_on"], "386.73"]

    target = tmp_path / "out.pdf"
    saved = talonario(company, "pdf", invoice["number"], "-o", str(target))
    assert saved.exit_code == 0, saved.output
    assert saved.stdout.strip() == str(target)
    assert invoice["number"] in pdf_text(target.read_bytes(), tmp_path)
    piped = talonario(company, "pdf", invoice["id"], "-o", "-")
    assert piped.stdout_bytes == target.read_bytes()


def test_list_filters_and_all_follows_the_cursor(company: Company) -> None:
    with httpx.Client(
        base_url=company.url, headers={"Authorization": f"Bearer {company.key}"}
    ) as api:
        saved = api.post("/v1/clients", json=client_body(external_id="cli-client"))
        assert saved.status_code == 201, saved.text
    ids = [
        json.loads(talonario(company, "create", "-", "--issue", stdin=INVOICE).stdout)["id"]
        for _ in range(2)
    ]
    body = json.dumps(invoice_body(client="cli-client"))
    ids.append(json.loads(talonario(company, "create", "-", "--issue", stdin=body).stdout)["id"])

    first = talonario(company, "list", "--json", "--limit", "1")
    assert [i["id"] for i in json_lines(first)] == [ids[2]]
    assert "--all" in first.stderr
    every = json_lines(talonario(company, "list", "--json", "--limit", "1", "--all"))
    assert [i["id"] for i in every] == ids[::-1]

    [theirs] = json_lines(talonario(company, "list", "--json", "--client", "cli-client"))
    assert theirs["id"] == ids[2]
    issued_on = every[0]["issued_on"]
    day_before = (date.fromisoformat(issued_on) - timedelta(days=1)).isoformat()
    assert len(json_lines(talonario(company, "list", "--json", "--from", issued_on))) == 3
    assert json_lines(talonario(company, "list", "--json", "--to", day_before)) == []


def test_a_refusal_prints_the_api_error_and_its_field_and_fails(company: Company) -> None:
    refused = talonario(company, "create", "-", stdin='{"lines": []}')
    assert refused.exit_code == 1 and refused.stdout == ""
    assert "(param: lines)" in refused.stderr and "invalid_parameter" in refused.stderr

    missing = talonario(company, "pdf", "F-NO-SUCH-NUMBER", "-o", "-")
    assert missing.exit_code == 1 and "invoice_not_found" in missing.stderr

    keyless = talonario(company, "list", TALONARIO_API_KEY="")
    assert keyless.exit_code == 2 and "TALONARIO_API_KEY" in keyless.stderr
    unread = talonario(company, "create", "/no/such/invoice.json")
    assert unread.exit_code == 2 and "cannot read" in unread.stderr

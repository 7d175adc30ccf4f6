"""The README's walk-through, run against the demo company `make run` creates: what a new user
types first must work (a complete invoice needs both addresses, RD 1619/2012 art. 6.1.e)."""

import json
import re
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from talonario.cli import DEMO
from talonario.companies import service as companies
from talonario.runtime import Runtime
from tests.conftest import Api

README = Path(__file__).resolve().parents[1] / "README.md"


def walkthrough_bodies() -> list[dict[str, Any]]:
    """The JSON bodies (`-d '…'`) of the walk-through's curl commands, in order."""
    section = README.read_text().split("## A walk through the API", 1)[1].split("\n## ", 1)[0]
    return [json.loads(body) for body in re.findall(r"-d '(\{.*?\})'", section, re.DOTALL)]


def test_readme_walkthrough_issues_its_f1_for_the_demo_company(
    app_client: TestClient, runtime: Runtime
) -> None:
    with runtime.db.write_session() as session:
        company, _, key = companies.create_company(session, DEMO)
        session.commit()
    api = Api(app_client, company.id, key)
    client_body, invoice_body, payment_body = walkthrough_bodies()

    client = api.post("/v1/clients", client_body)
    assert client.status_code == 201, client.text
    invoice_body["client"] = client.json()["id"]
    invoice = api.post("/v1/invoices", invoice_body)
    assert invoice.status_code == 201, invoice.text
    assert invoice.json()["type"] == "F1" and invoice.json()["status"] == "issued"
    assert invoice.json()["total"] == 386.73
    payment = api.post(f"/v1/invoices/{invoice_body['external_id']}/payments", payment_body)
    assert payment.status_code == 201, payment.text

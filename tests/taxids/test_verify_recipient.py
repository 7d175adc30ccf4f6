"""Issuing with `verify_recipient` through a real server: a recipient the census or VIES does not
know is refused before anything is numbered, one it knows is issued, and the day's answers are
reused."""

from typing import Any

import pytest

from tests.fixtures.factories import CLIENT_ADDRESS, invoice_body
from tests.taxids.conftest import Company

pytestmark = pytest.mark.xdist_group("servers")

GERMAN_CLIENT = {
    "name": "Kunde GmbH",
    "foreign_id": {"id_type": "02", "id": "DE100000008"},  # VIES: not valid
    "address": {"street": "Hauptstraße 1", "city": "Berlin", "country": "DE"},
}


def issue(company: Company, client: Any, **fields: Any) -> Any:
    body = invoice_body(client=client, issue=True, verify_recipient=True) | fields
    return company.http.post("/v1/invoices", json=body)


def recipient(nif: str, name: str = "Cliente Ejemplo SL") -> dict[str, Any]:
    return {"name": name, "nif": nif, "address": CLIENT_ADDRESS}


def numbered(company: Company) -> list[str]:
    r = company.http.get("/v1/invoices", params={"status": "issued"})
    assert r.status_code == 200, r.text
    return [invoice["number"] for invoice in r.json()["data"]]


def test_a_recipient_the_census_does_not_know_is_refused_and_nothing_is_issued(
    company: Company,
) -> None:
    r = issue(company, recipient("00000001R"))

    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert (error["code"], error["param"]) == ("recipient_not_identified", "client.nif")
    assert "00000001R" in error["message"] and "NO IDENTIFICADO" in error["message"]
    assert numbered(company) == []
    # Without asking, the same invoice is issued: the check is the caller's choice.
    unchecked = company.http.post(
        "/v1/invoices", json=invoice_body(client=recipient("00000001R"), issue=True)
    )
    assert unchecked.status_code == 201, unchecked.text


def test_a_recipient_the_census_knows_is_issued(company: Company) -> None:
    r = issue(company, recipient("B65410011"))
    assert r.status_code == 201, r.text
    assert r.json()["status"] == "issued" and r.json()["number"]
    # The answer was kept: the check endpoint answers the same question from it.
    kept = company.check(nif="B65410011", name="Cliente Ejemplo SL").json()
    assert kept["cached"] is True and kept["result"] == "identified"


@pytest.mark.parametrize(
    ("nif", "status", "said"),
    [
        ("00000002W", 422, "ESPAÑOL ESPAÑOL JUAN"),  # another name: AEAT's is in the message
        ("00000004G", 422, "IDENTIFICADO-REVOCADO"),  # a revoked NIF identifies no one
        ("00000003A", 201, None),  # deregistered, but in the census
    ],
)
def test_what_the_census_answers_decides_the_issue(
    company: Company, nif: str, status: int, said: str | None
) -> None:
    r = issue(company, recipient(nif, "Garcia Perez Ana"))
    assert r.status_code == status, r.text
    if said is not None:
        assert r.json()["error"]["code"] == "recipient_not_identified"
        assert said in r.json()["error"]["message"]


def test_a_stored_client_s_eu_vat_number_is_checked_with_vies(company: Company) -> None:
    client = company.http.post("/v1/clients", json=GERMAN_CLIENT)
    assert client.status_code == 201, client.text

    r = issue(company, client.json()["id"])

    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert (error["code"], error["param"]) == ("recipient_not_identified", "client.foreign_id.id")
    assert "DE100000008" in error["message"] and "VIES" in error["message"]
    valid = GERMAN_CLIENT | {"foreign_id": {"id_type": "02", "id": "DE100000032"}}
    assert issue(company, valid).status_code == 201


def test_a_recipient_no_register_knows_is_not_checked(company: Company) -> None:
    passport = {
        "name": "John Smith",
        "foreign_id": {"country": "US", "id_type": "03", "id": "X1234567"},
        "address": {"street": "1 Main St", "city": "Boston", "country": "US"},
    }
    company.switch("census_unavailable", count=5)
    company.switch("vies_unavailable", count=5)
    assert issue(company, passport).status_code == 201


def test_issuing_a_draft_verifies_its_recipient_when_asked(company: Company) -> None:
    made = company.http.post(
        "/v1/clients", json=recipient("00000002W", "Espanol Juan") | {"external_id": "juan"}
    )
    assert made.status_code == 201, made.text
    draft = company.http.post("/v1/invoices", json=invoice_body(client="juan"))
    assert draft.status_code == 201, draft.text
    path = f"/v1/invoices/{draft.json()['id']}/issue"

    refused = company.http.post(path, json={"verify_recipient": True})
    assert refused.status_code == 422, refused.text
    assert refused.json()["error"]["param"] == "client.nif"
    assert "ESPAÑOL ESPAÑOL JUAN" in refused.json()["error"]["message"]
    assert company.http.get(path.removesuffix("/issue")).json()["status"] == "draft"

    # The client's name corrected as the census holds it: the draft takes it when issued.
    fixed = company.http.patch("/v1/clients/juan", json={"name": "Español Español Juan"})
    assert fixed.status_code == 200, fixed.text
    issued = company.http.post(path, json={"verify_recipient": True})
    assert issued.status_code == 200, issued.text
    assert issued.json()["status"] == "issued"
    assert issued.json()["client"]["name"] == "Español Español Juan"


def test_issuing_a_draft_without_a_body_does_not_ask(company: Company) -> None:
    draft = company.http.post("/v1/invoices", json=invoice_body(client=recipient("00000001R")))
    company.switch("census_unavailable")
    r = company.http.post(f"/v1/invoices/{draft.json()['id']}/issue")
    assert r.status_code == 200, r.text


def test_a_census_that_does_not_answer_leaves_the_invoice_unissued(company: Company) -> None:
    company.switch("census_unavailable")
    r = issue(company, recipient("A28017895", "Otra Empresa SA"))
    assert r.status_code == 503, r.text
    assert r.json()["error"]["code"] == "census_unavailable"
    assert numbered(company) == []
    # Nothing was kept of the failure: the same issue asks again, and goes through.
    assert issue(company, recipient("A28017895", "Otra Empresa SA")).status_code == 201


def test_the_day_s_answer_is_used_when_issuing(company: Company) -> None:
    assert company.check(nif="A28017895", name="Otra Empresa SA").json()["cached"] is False
    company.switch("census_unavailable", count=5)
    r = issue(company, recipient("A28017895", "OTRA EMPRESA SA"))
    assert r.status_code == 201, r.text

"""Text that AEAT's XML cannot carry is refused where it is typed, naming the field.

Found by `make fuzz`: PATCH /v1/company with a legal_name holding U+001C was a 200, and every
invoice the company issued after it was a 500 (ValueError writing NombreRazonEmisor)."""

import re

import pytest
from fastapi.testclient import TestClient

from tests.conftest import Api
from tests.fixtures.factories import invoice_body


def test_a_control_character_in_the_company_name_is_a_422_and_issuing_still_works(
    api: Api,
) -> None:
    r = api.patch("/v1/company", {"legal_name": "Demo\x1cSL"})
    assert r.status_code == 422, r.text
    assert r.json()["error"]["param"] == "legal_name"
    assert "U+001C" in r.json()["error"]["message"]
    assert api.get("/v1/company").json()["legal_name"] != "Demo\x1cSL"
    r = api.post("/v1/invoices", invoice_body(issue=True))
    assert r.status_code == 201, r.text


@pytest.mark.parametrize(
    ("path", "body", "param"),
    [
        ("/v1/clients", {"name": "Cliente\x00SL"}, "name"),
        ("/v1/clients", {"name": "C", "address": {"city": "Ma\x0bdrid"}}, "address.city"),
        (
            "/v1/invoices",
            invoice_body(lines=[{"description": "a\x07", "unit_price": "1", "tax": {"rate": 21}}]),
            "lines.0.description",
        ),
    ],
)
def test_text_with_a_control_character_is_refused_naming_the_field(
    api: Api, path: str, body: dict[str, object], param: str
) -> None:
    r = api.post(path, body)
    assert r.status_code == 422, r.text
    assert r.json()["error"]["param"] == param


def test_a_lone_surrogate_escaped_in_json_is_refused(api: Api) -> None:
    body = '{"name": "Cliente \\ud800 SL"}'  # valid JSON, not valid text
    r = api.client.post(
        "/v1/clients", content=body, headers=api.headers | {"Content-Type": "application/json"}
    )
    assert r.status_code == 422, r.text
    assert r.json()["error"]["param"] == "name"


def test_tabs_and_newlines_are_text(api: Api) -> None:
    r = api.post("/v1/invoices", invoice_body(notes="Primera línea\n\tsegunda"))
    assert r.status_code == 201, r.text


def test_the_schema_publishes_the_text_rule(app_client: TestClient) -> None:
    doc = app_client.get("/openapi.json").json()
    name = doc["components"]["schemas"]["ClientCreate"]["properties"]["name"]["pattern"]
    assert re.match(name, "Cliente SL") and not re.match(name, "Cliente\x1cSL")
    assert not re.match(name, "   ")

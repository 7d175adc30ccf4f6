"""/openapi.json publishes what the server enforces, so a client generated from it does not send
what the server refuses; and links lead from an object's creation to what can be done with it.

Each published rule is checked both ways: a value the schema refuses is refused by the API."""

import re
from typing import Any

import jsonschema_rs
import pytest
from fastapi.testclient import TestClient

from tests.conftest import Api


@pytest.fixture(scope="module")
def doc(app_client: TestClient) -> dict[str, Any]:
    return app_client.get("/openapi.json").json()  # type: ignore[no-any-return]


def _schema(doc: dict[str, Any], name: str) -> dict[str, Any]:
    return doc["components"]["schemas"][name]  # type: ignore[no-any-return]


def _branch(prop: dict[str, Any], kind: str) -> dict[str, Any]:
    return next(b for b in prop.get("anyOf", [prop]) if b.get("type") == kind)


def test_patch_fields_that_cannot_be_empty_are_published_without_null(
    doc: dict[str, Any],
) -> None:
    series = _schema(doc, "SeriesUpdate")["properties"]
    for field in ("format", "next_number", "default", "reset_yearly"):
        assert "anyOf" not in series[field] and "default" not in series[field], field
    assert series["next_number"]["type"] == "integer"
    assert _schema(doc, "WebhookEndpointUpdate")["properties"]["enabled"]["type"] == "boolean"
    # A field that may be cleared still says null.
    assert {"type": "null"} in _schema(doc, "ClientUpdate")["properties"]["email"]["anyOf"]


def test_decimal_inputs_publish_places_bounds_and_the_string_form(
    doc: dict[str, Any], api: Api
) -> None:
    amount = _schema(doc, "PaymentCreate")["properties"]["amount"]
    number, text = _branch(amount, "number"), _branch(amount, "string")
    assert number["multipleOf"] == 0.01 and number["exclusiveMinimum"] == 0
    assert number["exclusiveMaximum"] == 10**13
    assert re.match(text["pattern"], "12.50") and not re.match(text["pattern"], "")
    assert not re.match(text["pattern"], "0") and not re.match(text["pattern"], "1.234")
    line = {"description": "x", "unit_price": "", "tax": {"rate": 21}}
    r = api.post("/v1/invoices", {"lines": [line]})
    assert r.status_code == 422 and r.json()["error"]["param"] == "lines.0.unit_price"
    price = _branch(_schema(doc, "LineIn")["properties"]["unit_price"], "string")["pattern"]
    assert not re.match(price, "")


def test_nif_country_and_foreign_id_rules_are_published(doc: dict[str, Any], api: Api) -> None:
    nif = _branch(_schema(doc, "ClientCreate")["properties"]["nif"], "string")["pattern"]
    assert re.match(nif, "B65410011") and re.match(nif, "X1234567L")
    assert not re.match(nif, "0") and not re.match(nif, "B6541001")
    assert "nif" in api.post("/v1/clients", {"name": "A", "nif": "0"}).json()["error"]["param"]
    country = _schema(doc, "Address")["properties"]["country"]
    assert "ES" in country["enum"] and "ZZ" not in country["enum"]
    r = api.post("/v1/clients", {"name": "A", "address": {"country": "ZZ"}})
    assert r.status_code == 422 and r.json()["error"]["param"] == "address.country"
    rules = _schema(doc, "ForeignId")["anyOf"]
    with_07 = next(b for b in rules if b["properties"]["id_type"].get("const") == "07")
    assert with_07["properties"]["country"] == {"const": "ES"}
    assert _schema(doc, "ClientCreate")["not"]["required"] == ["nif", "foreign_id"]


def test_line_product_or_description_and_price_is_published(doc: dict[str, Any]) -> None:
    required = [set(b["required"]) for b in _schema(doc, "LineIn")["anyOf"]]
    assert required == [{"product"}, {"description", "unit_price"}]


def test_formats_urls_scopes_dates_and_pkcs12_are_published(doc: dict[str, Any], api: Api) -> None:
    fmt = _schema(doc, "SeriesCreate")["properties"]["format"]["pattern"]
    assert re.match(fmt, "{code}{year}-{number:05}") and not re.match(fmt, "{code}{year}")
    r = api.post("/v1/series", {"code": "Z", "format": "{code}{year}"})
    assert r.status_code == 422 and r.json()["error"]["param"] == "format"
    url = _schema(doc, "WebhookEndpointCreate")["properties"]["url"]["pattern"]
    assert re.match(url, "https://hooks.example.com/in?x=1") and not re.match(url, "ftp://x")
    r = api.post("/v1/webhook-endpoints", {"url": "ftp://x", "events": ["invoice.paid"]})
    assert r.status_code == 422 and r.json()["error"]["param"] == "url"
    scopes = _schema(doc, "ApiKeyCreate")["properties"]["scopes"]["items"]["enum"]
    assert "invoices:write" in scopes and "*" in scopes
    issued_on = _branch(_schema(doc, "InvoiceCreate")["properties"]["issued_on"], "string")
    assert re.match(issued_on["pattern"], "2024-10-28")
    assert not re.match(issued_on["pattern"], "2024-10-27")
    pkcs12 = _schema(doc, "CertificateUpload")["properties"]["pkcs12"]
    assert pkcs12["contentEncoding"] == "base64" and not re.match(pkcs12["pattern"], "0")
    r = api.post("/v1/company/certificate", {"pkcs12": "0", "password": ""})
    assert r.status_code == 422 and r.json()["error"]["param"] == "pkcs12"
    name = _schema(doc, "ClientCreate")["properties"]["name"]["pattern"]
    assert re.match(name, "Cliente") and not re.match(name, "  ")
    r = api.post("/v1/clients", {"name": "  "})
    assert r.status_code == 422 and r.json()["error"]["param"] == "name"


def test_links_lead_from_a_creation_to_the_operations_on_it(doc: dict[str, Any]) -> None:
    created = doc["paths"]["/v1/invoices"]["post"]["responses"]["201"]["links"]
    issue = doc["paths"]["/v1/invoices/{ref}/issue"]["post"]["operationId"]
    assert created[issue]["parameters"] == {"ref": "$response.body#/id"}
    issued = doc["paths"]["/v1/invoices/{ref}/issue"]["post"]["responses"]["200"]["links"]
    rectify = doc["paths"]["/v1/invoices/{ref}/rectify"]["post"]["operationId"]
    assert rectify in issued
    paid = doc["paths"]["/v1/invoices/{ref}/payments"]["post"]["responses"]["201"]["links"]
    [link] = paid.values()
    assert link["parameters"] == {"ref": "$request.path.ref", "payment_id": "$response.body#/id"}
    records = doc["paths"]["/v1/verifactu/records"]["get"]["responses"]["200"]["links"]
    [link] = records.values()
    assert link["parameters"] == {"record_id": "$response.body#/data/0/id"}
    operation_ids = {
        op["operationId"]
        for ops in doc["paths"].values()
        for op in ops.values()
        if "operationId" in op
    }
    every_link = [
        link["operationId"]
        for ops in doc["paths"].values()
        for op in ops.values()
        for response in op.get("responses", {}).values()
        for link in response.get("links", {}).values()
    ]
    assert every_link and set(every_link) <= operation_ids


def test_tax_rules_and_new_invoice_types_are_published(doc: dict[str, Any], api: Api) -> None:
    tax = dict(_schema(doc, "TaxIn"), components=doc["components"])
    valid = jsonschema_rs.validator_for(tax).is_valid
    assert valid({"rate": 21}) and valid({"rate": "10"}) and valid({"exemption": "E1"})
    assert valid({"rate": 21, "surcharge_rate": 5.2}) and valid({"reverse_charge": True})
    refused = [
        {},
        {"exemption": "E1", "rate": 21},
        {"exemption": "E1", "not_subject": "N1"},
        {"rate": 21, "surcharge_rate": 1.4},
        {"rate": 100},
        {"type": "IPSI", "rate": 4, "regime": "02"},
    ]
    for body in refused:
        assert not valid(body), body
        line = {"description": "x", "unit_price": "1", "tax": body}
        r = api.post("/v1/invoices", {"lines": [line]})
        assert r.status_code == 422, (body, r.text)
        assert r.json()["error"]["param"].startswith("lines.0.tax"), (body, r.text)
    assert _schema(doc, "InvoiceCreate")["properties"]["type"]["enum"] == ["F1", "F2", "F3"]
    r = api.post("/v1/invoices", {"type": "R1", "lines": [{"description": "x", "unit_price": 1}]})
    assert r.status_code == 422 and r.json()["error"]["param"] == "type"

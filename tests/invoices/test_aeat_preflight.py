"""What AEAT (or the ROF) would reject is refused before issuing: a 422 naming the field, and
nothing written. tests/aeat_sandbox/test_record_rules.py sends the same records straight to
the sandbox and gets AEAT's code."""

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select, update

from talonario.models import Invoice, VerifactuRecord
from talonario.runtime import Runtime
from tests.conftest import Api
from tests.fixtures.factories import CLIENT_ADDRESS, client_body, create_company, invoice_body

GERMAN_BUYER = {
    "name": "Käufer GmbH",
    "foreign_id": {"id_type": "02", "id": "DE136695976"},
    "address": {"street": "Hauptstraße 1", "city": "Berlin", "country": "DE"},
}


def line(**tax: Any) -> list[dict[str, Any]]:
    return [{"description": "Artículo", "quantity": 1, "unit_price": "100.00", "tax": tax}]


def written(runtime: Runtime, company_id: str) -> tuple[int, int]:
    """(invoices, VERI*FACTU records) the company has."""
    with runtime.db.read_session() as s:
        invoices = s.scalar(select(func.count()).where(Invoice.company_id == company_id))
        records = s.scalar(select(func.count()).where(VerifactuRecord.company_id == company_id))
        return invoices or 0, records or 0


def refused(api: Api, runtime: Runtime, body: dict[str, Any], param: str) -> dict[str, Any]:
    before = written(runtime, api.company_id)
    r = api.post("/v1/invoices", body)
    assert r.status_code == 422, r.text
    assert r.json()["error"]["param"] == param, r.text
    assert written(runtime, api.company_id) == before
    return r.json()["error"]


# --- simplified invoices ------------------------------------------------------------------------


def test_f2_with_irpf_withholding_is_refused(api: Api, runtime: Runtime) -> None:
    body = {"type": "F2", "issue": True, "lines": line(rate=21), "withholding": {"rate": 15}}
    error = refused(api, runtime, body, "withholding")
    assert "F1" in error["message"]


def test_f2_with_recargo_de_equivalencia_is_refused(api: Api, runtime: Runtime) -> None:
    body = {"type": "F2", "issue": True, "lines": line(rate=21, surcharge_rate="5.2")}
    refused(api, runtime, body, "lines.0.tax.surcharge_rate")


def test_f1_may_carry_withholding_and_recargo(api: Api) -> None:
    body = invoice_body(issue=True, lines=line(rate=21, surcharge_rate="5.2"))
    body["withholding"] = {"rate": 15}
    r = api.post("/v1/invoices", body)
    assert r.status_code == 201, r.text


# --- addresses (RD 1619/2012 art. 6.1.e) --------------------------------------------------------


def test_f1_to_a_client_without_address_is_refused(api: Api, runtime: Runtime) -> None:
    client = api.post("/v1/clients", {"name": "Sin Dirección SL", "nif": "B65410011"}).json()
    refused(api, runtime, invoice_body(client=client["id"], issue=True), "client.address")
    inline = {"name": "Sin Dirección SL", "nif": "B65410011", "address": None}
    refused(api, runtime, invoice_body(client=inline, issue=True), "client.address")


def test_an_incomplete_address_names_the_missing_part(api: Api, runtime: Runtime) -> None:
    partial = {"name": "A Medias SL", "nif": "B65410011", "address": {"city": "Madrid"}}
    refused(api, runtime, invoice_body(client=partial, issue=True), "client.address.street")
    no_postcode = CLIENT_ADDRESS | {"postal_code": None}
    partial["address"] = no_postcode
    refused(api, runtime, invoice_body(client=partial, issue=True), "client.address.postal_code")


def test_a_foreign_address_needs_no_postal_code(api: Api) -> None:
    r = api.post("/v1/invoices", invoice_body(client=GERMAN_BUYER, issue=True))
    assert r.status_code == 201, r.text


def test_a_stored_draft_is_checked_again_when_issued(api: Api, runtime: Runtime) -> None:
    client = api.post("/v1/clients", client_body()).json()
    draft = api.post("/v1/invoices", invoice_body(client=client["id"])).json()
    api.patch(f"/v1/clients/{client['id']}", {"address": None})
    r = api.post(f"/v1/invoices/{draft['id']}/issue")
    assert r.status_code == 422, r.text
    assert r.json()["error"]["param"] == "client.address"


def test_company_without_address_cannot_issue_complete_invoices(
    app_client: TestClient, runtime: Runtime
) -> None:
    company_id, key = create_company(runtime.db, address=None)
    api = Api(app_client, company_id, key)
    for kind in ("F1", "F3"):
        error = refused(api, runtime, invoice_body(type=kind, issue=True), "issuer.address")
        assert error["code"] == "address_required"
    # A simplified invoice shows no addresses (art. 7).
    r = api.post("/v1/invoices", {"type": "F2", "issue": True, "lines": line(rate=21)})
    assert r.status_code == 201, r.text
    api.patch("/v1/company", {"address": CLIENT_ADDRESS})
    assert api.post("/v1/invoices", invoice_body(issue=True)).status_code == 201


def test_rectifying_needs_the_recipient_address_too(api: Api, runtime: Runtime) -> None:
    original = api.post("/v1/invoices", invoice_body(issue=True)).json()
    bare = {"name": "Sin Dirección SL", "nif": "B65410011", "address": None}
    body = {"type": "R1", "method": "differences", "reason": "Devolución", "issue": True}
    r = api.post(f"/v1/invoices/{original['id']}/rectify", body | {"client": bare})
    assert r.status_code == 422, r.text
    assert r.json()["error"]["param"] == "client.address"
    r = api.post(f"/v1/invoices/{original['id']}/rectify", body)
    assert r.status_code == 201, r.text


# --- exemptions and regimes ---------------------------------------------------------------------


def test_intra_eu_supply_to_a_spanish_nif_is_refused(api: Api, runtime: Runtime) -> None:
    refused(api, runtime, invoice_body(issue=True, lines=line(exemption="E5")), "client.nif")
    r = api.post(
        "/v1/invoices", invoice_body(client=GERMAN_BUYER, issue=True, lines=line(exemption="E5"))
    )
    assert r.status_code == 201, r.text


@pytest.mark.parametrize("exemption", ["E2", "E3"])
def test_export_under_the_general_regime_is_refused(
    api: Api, runtime: Runtime, exemption: str
) -> None:
    body = invoice_body(issue=True, lines=line(exemption=exemption, regime="01"))
    error = refused(api, runtime, body, "lines.0.tax.regime")
    assert "1199" in error["message"]
    # Not even as a draft, nor in the catalogue.
    refused(
        api,
        runtime,
        invoice_body(lines=line(exemption=exemption, regime="01")),
        "lines.0.tax.regime",
    )
    product = {
        "name": "Export",
        "unit_price": "10",
        "tax": {"exemption": exemption, "regime": "01"},
    }
    r = api.post("/v1/products", product)
    assert r.status_code == 422 and r.json()["error"]["param"] == "tax.regime", r.text


def test_an_export_line_defaults_to_the_export_regime(api: Api) -> None:
    r = api.post(
        "/v1/invoices", invoice_body(client=GERMAN_BUYER, issue=True, lines=line(exemption="E2"))
    )
    assert r.status_code == 201, r.text
    assert r.json()["lines"][0]["tax"]["regime"] == "02"
    assert [row["regime"] for row in r.json()["tax_breakdown"]] == ["02"]
    record = api.get(f"/v1/invoices/{r.json()['id']}/verifactu").json()["data"][0]
    xml = api.get(f"/v1/verifactu/records/{record['id']}.xml").text
    assert "<sf:ClaveRegimen>02</sf:ClaveRegimen>" in xml
    product = api.post(
        "/v1/products", {"name": "Export", "unit_price": "10", "tax": {"exemption": "E2"}}
    )
    assert product.status_code == 201 and product.json()["tax"]["regime"] == "02", product.text


def test_export_regime_on_a_taxed_line_is_refused(api: Api, runtime: Runtime) -> None:
    error = refused(
        api,
        runtime,
        invoice_body(issue=True, lines=line(rate=21, regime="02")),
        "lines.0.tax.regime",
    )
    assert "1286" in error["message"]


@pytest.mark.parametrize(
    ("tax", "param"),
    [
        ({"not_subject": "N1", "rate": 21}, "lines.0.tax.rate"),
        ({"not_subject": "N2", "surcharge_rate": "5.2"}, "lines.0.tax.surcharge_rate"),
    ],
)
def test_not_subject_lines_carry_no_rate_or_surcharge(
    api: Api, runtime: Runtime, tax: dict[str, Any], param: str
) -> None:
    refused(api, runtime, invoice_body(issue=True, lines=line(**tax)), param)


def test_foreign_id_with_country_es_and_type_02_is_refused(api: Api, runtime: Runtime) -> None:
    client = {"name": "X", "foreign_id": {"country": "ES", "id_type": "02", "id": "DE136695976"}}
    error = refused(api, runtime, invoice_body(client=client, issue=True), "client.foreign_id")
    assert "1126" in error["message"]


# --- rectifying invoices ------------------------------------------------------------------------


def test_a_rectifying_draft_without_its_method_is_refused_not_a_500(
    api: Api, runtime: Runtime
) -> None:
    """The API only makes R1–R4 through /rectify, which sets the method (TipoRectificativa); a
    draft that lost it (edited in the database, imported) must not reach the record builder."""
    draft = api.post("/v1/invoices", invoice_body()).json()
    with runtime.db.write_session() as s:
        s.execute(update(Invoice).where(Invoice.id == draft["id"]).values(type="R1"))
        s.commit()
    before = written(runtime, api.company_id)
    r = api.post(f"/v1/invoices/{draft['id']}/issue")
    assert r.status_code == 422, r.text
    assert r.json()["error"]["param"] == "type"
    assert written(runtime, api.company_id) == before

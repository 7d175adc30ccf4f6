"""GET /v1/system and the SistemaInformatico block of every record: the producer is whoever the
settings declare; without one, records carry a placeholder and stay in the sandbox."""

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient
from lxml import etree
from sqlalchemy import func, select, update

from talonario import __version__
from talonario.auth.keys import issue_key
from talonario.main import create_app
from talonario.models import Company, Invoice, VerifactuRecord
from talonario.runtime import Runtime
from talonario.verifactu.xml import NS_SF
from tests.conftest import TEST_PRODUCER, Api, make_settings
from tests.fixtures.factories import create_company, invoice_body

NS = {"sf": NS_SF}
UNDECLARED = {"sif_producer_name": None, "sif_producer_nif": None}


@pytest.fixture
def undeclared(database_url: str) -> Iterator[Api]:
    """An API server whose settings declare no producer, and a company of it."""
    runtime = Runtime.from_settings(make_settings(database_url, **UNDECLARED))
    with TestClient(create_app(runtime.settings, runtime), raise_server_exceptions=False) as c:
        company_id, key = create_company(runtime.db)
        yield Api(c, company_id, key)
    runtime.close()


def system_block(api: Api, invoice: dict[str, Any]) -> dict[str, str]:
    record = api.get(f"/v1/invoices/{invoice['id']}/verifactu").json()["data"][-1]
    xml = api.get(f"/v1/verifactu/records/{record['id']}.xml").content
    block = etree.fromstring(xml).find(".//sf:SistemaInformatico", NS)
    return {etree.QName(child).localname: child.text for child in block}


def test_any_key_reads_the_system_identity(api: Api, runtime: Runtime) -> None:
    with runtime.db.write_session() as s:
        _, narrow = issue_key(s, api.company_id, ["clients:read"])
        s.commit()
    r = api.client.get("/v1/system", headers={"Authorization": f"Bearer {narrow}"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["object"] == "system"
    assert (body["name"], body["id"], body["version"]) == ("Talonario", "TL", __version__)
    assert body["installation_number"] == api.company_id
    assert body["producer"] == {
        "name": TEST_PRODUCER["sif_producer_name"],
        "nif": TEST_PRODUCER["sif_producer_nif"],
        "address": None,
        "declared": True,
    }
    assert body["environments"] == ["sandbox", "preproduction", "production"]
    # The system also runs as NO VERI*FACTU (a company's verifactu.mode).
    assert body["only_verifactu"] is False
    declaration = body["declaration"]
    assert declaration["title"] == "DECLARACIÓN RESPONSABLE DEL SISTEMA INFORMÁTICO DE FACTURACIÓN"
    assert [item["letter"] for item in declaration["items"]] == list("abcdefghijkl")
    items = {item["letter"]: item for item in declaration["items"]}
    assert items["e"]["value"] == "N"
    assert "XAdES" in items["g"]["value"] and "2.16.724.1.3.1.1.2.1.9" in items["g"]["value"]
    assert declaration["complete"] is False and declaration["text"] is None
    assert declaration["missing_settings"] == [
        "TALONARIO_SIF_PRODUCER_ADDRESS",
        "TALONARIO_SIF_DECLARATION_PLACE",
        "TALONARIO_SIF_DECLARATION_DATE",
    ]
    assert api.client.get("/v1/system").status_code == 401


def test_records_carry_the_declared_producer(api: Api) -> None:
    invoice = api.post("/v1/invoices", invoice_body(issue=True)).json()
    block = system_block(api, invoice)
    assert block["NombreRazon"] == TEST_PRODUCER["sif_producer_name"]
    assert block["NIF"] == TEST_PRODUCER["sif_producer_nif"]
    assert block["NombreSistemaInformatico"] == "Talonario"
    assert block["IdSistemaInformatico"] == "TL"
    assert block["Version"] == __version__
    assert block["NumeroInstalacion"] == api.company_id
    assert block["TipoUsoPosibleSoloVerifactu"] == "N"


def test_a_complete_declaration_is_served_whole(database_url: str) -> None:
    settings = make_settings(
        database_url,
        sif_producer_address="Calle del Productor 7, 46001 Valencia",
        sif_declaration_place="Valencia",
        sif_declaration_date=date(2026, 11, 30),
        sif_version="0.1.0-acme.2",
    )
    runtime = Runtime.from_settings(settings)
    try:
        with TestClient(create_app(settings, runtime)) as client:
            _, key = create_company(runtime.db)
            body = client.get("/v1/system", headers={"Authorization": f"Bearer {key}"}).json()
    finally:
        runtime.close()
    declaration = body["declaration"]
    assert declaration["complete"] is True and declaration["missing_settings"] == []
    text = declaration["text"]
    assert text.startswith("DECLARACIÓN RESPONSABLE DEL SISTEMA INFORMÁTICO DE FACTURACIÓN\n")
    assert "c) Versión completa del sistema informático: 0.1.0-acme.2" in text
    assert "j) Dirección postal completa de contacto del productor: Calle del Productor 7" in text
    assert "l) Fecha y lugar de suscripción: Valencia, 2026-11-30" in text
    assert "e) Puede funcionar exclusivamente como VERI*FACTU: N\n" in text
    positions = [text.index(f"\n{letter}) ") for letter in "abcdefghijkl"]
    assert positions == sorted(positions)
    assert body["version"] == "0.1.0-acme.2"


def test_without_a_producer_records_stay_in_the_sandbox_under_a_placeholder(
    undeclared: Api,
) -> None:
    body = undeclared.get("/v1/system").json()
    assert body["producer"]["declared"] is False
    assert body["producer"]["nif"] == "89890001K"  # AEAT's example NIF: nobody real
    assert body["environments"] == ["sandbox"]
    assert "TALONARIO_SIF_PRODUCER_NIF" in body["declaration"]["missing_settings"]

    invoice = undeclared.post("/v1/invoices", invoice_body(issue=True))
    assert invoice.status_code == 201, invoice.text
    block = system_block(undeclared, invoice.json())
    assert block["NIF"] == "89890001K"
    assert "NO DECLARADO" in block["NombreRazon"]

    for environment in ("preproduction", "production"):
        r = undeclared.patch("/v1/company", {"verifactu": {"environment": environment}})
        assert r.status_code == 422, r.text
        assert r.json()["error"]["param"] == "verifactu.environment"
        assert r.json()["error"]["code"] == "sif_producer_not_declared"
    company = undeclared.get("/v1/company").json()
    assert company["verifactu"]["environment"] == "sandbox"


def test_a_company_in_production_cannot_issue_once_the_producer_is_gone(
    undeclared: Api, runtime: Runtime
) -> None:
    """The settings lost the producer after the company left the sandbox: nothing is issued
    under a producer that does not exist."""
    with runtime.db.write_session() as s:
        s.execute(
            update(Company)
            .where(Company.id == undeclared.company_id)
            .values(verifactu_environment="production")
        )
        s.commit()
    r = undeclared.post("/v1/invoices", invoice_body(issue=True))
    assert r.status_code == 409, r.text
    assert r.json()["error"]["code"] == "sif_producer_not_declared"
    with runtime.db.read_session() as s:
        for model in (Invoice, VerifactuRecord):
            count = s.scalar(select(func.count()).where(model.company_id == undeclared.company_id))
            assert count == 0

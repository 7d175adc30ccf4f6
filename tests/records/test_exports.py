"""Exports of a period (GET /v1/verifactu/export) round-trip: the manifest's counts, huellas
and SHA-256s match what the ZIP's files hold, and every file is an AEAT document valid against
the official XSD."""

import hashlib
import io
import json
import zipfile
from datetime import date, timedelta
from decimal import Decimal as D
from pathlib import Path

import pytest
from lxml import etree

from talonario.kit.clock import today_in
from talonario.records import exports
from talonario.records.period_repository import ExportRepository
from talonario.runtime import Runtime
from talonario.verifactu import signing
from talonario.verifactu.xml import NS_SF, NS_SUM
from talonario.verifactu.xsd import Schema, validate
from tests.conftest import Api
from tests.events.helpers import CA, events_of, no_verifactu_company
from tests.records.test_no_verifactu import xmlsec1
from tests.records.test_record_access import issue

_NS = {"sum": NS_SUM, "sf": NS_SF}


def today() -> date:
    return today_in("Europe/Madrid")


def export(api: Api, start: date, end: date, **params: str) -> zipfile.ZipFile:
    r = api.get(
        "/v1/verifactu/export",
        params={"from": start.isoformat(), "to": end.isoformat(), **params},
    )
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/zip"
    assert "content-length" not in r.headers  # streamed
    assert r.headers["talonario-export-id"]
    return zipfile.ZipFile(io.BytesIO(r.content))


def own_huellas(document: bytes) -> list[tuple[str, str]]:
    """(kind, huella) of each RegistroFactura, in order."""
    root = etree.fromstring(document)
    found = []
    for entry in root.findall("sum:RegistroFactura", _NS):
        record = entry[0]
        found.append((etree.QName(record).localname, record.findtext("sf:Huella", None, _NS)))
    return found


def test_an_export_round_trips_its_manifest(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(exports, "DOCUMENT_RECORDS", 2)  # 5 records: three documents
    invoices = [issue(api) for _ in range(4)]
    voided = api.post(f"/v1/invoices/{invoices[0]['id']}/void", {"reason": "Emitida por error"})
    assert voided.status_code == 200, voided.text
    chain = api.get("/v1/verifactu/records").json()["data"]

    archive = export(api, today(), today())

    names = archive.namelist()
    assert names == ["records-0001.xml", "records-0002.xml", "records-0003.xml", "manifest.json"]
    manifest = json.loads(archive.read("manifest.json"))
    assert manifest["kind"] == "records"
    assert manifest["period"]["from"] == manifest["period"]["to"] == today().isoformat()
    assert manifest["company"]["nif"] == invoices[0]["issuer"]["nif"]
    assert (manifest["records"], manifest["altas"], manifest["anulaciones"]) == (5, 4, 1)
    assert manifest["first_huella"] == chain[0]["huella"]
    assert manifest["last_huella"] == chain[-1]["huella"]
    held: list[tuple[str, str]] = []
    for entry in manifest["files"]:
        document = archive.read(entry["name"])
        validate(document, Schema.SUBMISSION)
        assert hashlib.sha256(document).hexdigest() == entry["sha256"]
        assert len(document) == entry["bytes"]
        records = own_huellas(document)
        assert entry["records"] == len(records)
        assert entry["anulaciones"] == sum(kind == "RegistroAnulacion" for kind, _ in records)
        assert (entry["first_huella"], entry["last_huella"]) == (records[0][1], records[-1][1])
        held += records
    assert [huella for _, huella in held] == [record["huella"] for record in chain]
    assert sum(entry["records"] for entry in manifest["files"]) == manifest["records"]


def test_a_period_without_records_exports_the_manifest_alone_and_is_logged(
    api: Api, runtime: Runtime
) -> None:
    issue(api)
    yesterday = today() - timedelta(days=1)

    archive = export(api, yesterday - timedelta(days=30), yesterday)

    assert archive.namelist() == ["manifest.json"]
    manifest = json.loads(archive.read("manifest.json"))
    assert (manifest["records"], manifest["files"], manifest["first_huella"]) == (0, [], None)
    with runtime.db.read_session() as session:
        (logged,) = ExportRepository(session, api.company_id).all(
            ExportRepository(session, api.company_id).select()
        )
    assert logged.id == manifest["export_id"]
    assert logged.manifest_sha256 == hashlib.sha256(archive.read("manifest.json")).hexdigest()
    assert (logged.kind, logged.records, logged.period_to) == ("records", 0, yesterday)


def test_exports_of_another_company_hold_none_of_these_records(api: Api, other_api: Api) -> None:
    issue(api)
    issue(other_api)

    manifest = json.loads(export(other_api, today(), today()).read("manifest.json"))

    assert manifest["records"] == 1
    assert manifest["company"]["legal_name"] == "Other Company SA"


def test_a_reversed_period_is_refused_naming_the_parameter(api: Api) -> None:
    day = today().isoformat()
    earlier = (today() - timedelta(days=1)).isoformat()
    for kind in ("records", "events"):
        reversed_ = api.get(
            "/v1/verifactu/export", params={"from": day, "to": earlier, "kind": kind}
        )
        assert reversed_.status_code == 422
        assert reversed_.json()["error"]["param"] == "to"
        endless = api.get("/v1/verifactu/export", params={"from": day, "to": "9999-12-31"})
        assert endless.status_code == 422
        assert endless.json()["error"]["param"] == "to"


def test_an_export_of_the_event_log_round_trips_and_is_event_09(api: Api, runtime: Runtime) -> None:
    no_verifactu_company(runtime, api.company_id)
    issue(api)
    export(api, today(), today())  # the records: event 08
    logged = events_of(runtime, api.company_id)

    archive = export(api, today(), today(), kind="events")

    manifest = json.loads(archive.read("manifest.json"))
    assert manifest["kind"] == "events"
    assert manifest["events"] == len(logged) == len(manifest["files"])
    assert manifest["by_type"] == {"01": 1, "08": 1}
    assert (manifest["first_huella"], manifest["last_huella"]) == (
        logged[0].huella,
        logged[-1].huella,
    )
    assert archive.namelist() == [f["name"] for f in manifest["files"]] + ["manifest.json"]
    for entry, event in zip(manifest["files"], logged, strict=True):
        data = archive.read(entry["name"])
        validate(data, Schema.EVENTS)
        assert hashlib.sha256(data).hexdigest() == entry["sha256"]
        assert data.decode() == event.xml
        root = etree.fromstring(data)
        assert root.findtext("{*}Evento/{*}HuellaEvento") == entry["huella"]
    after = events_of(runtime, api.company_id)
    assert [e.event_type for e in after] == ["01", "08", "09"]
    validate(after[-1].xml.encode(), Schema.EVENTS)
    exported = etree.fromstring(after[-1].xml.encode())
    assert exported.findtext(".//{*}NumeroDeRegEventoExportados") == "2"


def test_a_verifactu_company_exports_an_empty_event_log(api: Api, runtime: Runtime) -> None:
    issue(api)

    archive = export(api, today(), today(), kind="events")

    manifest = json.loads(archive.read("manifest.json"))
    assert (manifest["events"], manifest["files"]) == (0, [])
    assert events_of(runtime, api.company_id) == []


def test_a_no_verifactu_export_is_event_08_of_the_event_log(api: Api, runtime: Runtime) -> None:
    no_verifactu_company(runtime, api.company_id)
    first, second = issue(api), issue(api)
    chain = api.get("/v1/verifactu/records").json()["data"]

    archive = export(api, today(), today())
    manifest = json.loads(archive.read("manifest.json"))
    signed = archive.read("records-0001.xml")
    validate(signed, Schema.SUBMISSION)  # each record with its ds:Signature, as kept
    assert signed.count(b"</ds:Signature>") == 2

    events = events_of(runtime, api.company_id)
    assert [e.event_type for e in events] == ["01", "08"]
    exported = events[-1]
    validate(exported.xml.encode(), Schema.EVENTS)
    root = etree.fromstring(exported.xml.encode())
    data = root.find(".//{*}ExportacionRegFacturacionPeriodo")
    assert data is not None
    assert data.findtext("{*}RegistroFacturacionInicialPeriodo/{*}Huella") == chain[0]["huella"]
    assert data.findtext("{*}RegistroFacturacionFinalPeriodo/{*}Huella") == chain[-1]["huella"]
    number = data.findtext("{*}RegistroFacturacionFinalPeriodo/{*}NumSerieFactura")
    assert number == second["number"]
    assert data.findtext("{*}NumeroDeRegistrosFacturacionAltaExportados") == "2"
    total = sum(D(str(i["total"])) for i in (first, second))
    assert D(data.findtext("{*}SumaImporteTotalAlta") or "") == total
    assert manifest["records"] == 2


def test_each_signed_record_taken_out_of_an_export_verifies_here_and_with_xmlsec1(
    api: Api, runtime: Runtime, tmp_path: Path
) -> None:
    """The signature covers the record as the standalone document it was made on; inside the
    export's document it is one element among others, and taken out as any XML tool does it
    verifies again (a third party's check included)."""
    no_verifactu_company(runtime, api.company_id)
    issued = [issue(api) for _ in range(3)]
    void = api.post(f"/v1/invoices/{issued[0]['id']}/void", {"reason": "error"})
    assert void.status_code == 200, void.text
    document = etree.fromstring(export(api, today(), today()).read("records-0001.xml"))
    records = [entry[0] for entry in document.findall("sum:RegistroFactura", _NS)]
    assert [etree.QName(r).localname for r in records] == ["RegistroAlta"] * 3 + [
        "RegistroAnulacion"
    ]
    for record in records:
        alone = signing.standalone(record)
        signing.verify_enveloped(alone)
        assert xmlsec1(alone, CA, tmp_path) == 0
    # The element as it sits in the export (the submission's namespaces in scope) does not.
    with pytest.raises(signing.SignatureInvalid):
        signing.verify_enveloped(etree.tostring(records[0]))

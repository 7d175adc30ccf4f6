"""Anomaly detection a user sees: POST /v1/verifactu/audit, GET /v1/verifactu/events, and the
worker's summary every 6 hours and before it stops."""

import threading
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import text

from talonario.events import audit
from talonario.events.audit import check_chains, log_audit
from talonario.events.jobs import audit_due, summarize_before_shutdown, summarize_due
from talonario.events.restore import log_backup_restored
from talonario.kit.clock import utcnow
from talonario.runtime import Runtime
from talonario.verifactu.events import read_event, verify_event
from talonario.verifactu.xsd import Schema, validate
from tests.conftest import Api
from tests.events.helpers import company_of, events_of, no_verifactu_company
from tests.fixtures.factories import create_company, invoice_body, issue_invoices


def _tamper(runtime: Runtime, record_id: str, old: str, new: str) -> None:
    with runtime.db.write_session() as session:
        xml = session.execute(
            text("SELECT xml FROM verifactu_record_documents WHERE record_id = :id"),
            {"id": record_id},
        ).scalar_one()
        assert xml.count(old) == 1
        session.execute(
            text("UPDATE verifactu_record_documents SET xml = :xml WHERE record_id = :id"),
            {"xml": xml.replace(old, new), "id": record_id},
        )
        session.commit()


def test_an_intact_company_audits_valid_and_its_event_chain_verifies(
    api: Api, runtime: Runtime
) -> None:
    no_verifactu_company(runtime, api.company_id)
    issue_invoices(runtime.db, runtime.settings, api.company_id, 3)
    answer = api.post("/v1/verifactu/audit")
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["valid"] is True
    assert body["records"]["checked"] == 3 and body["events"]["checked"] == 3
    listed = api.get("/v1/verifactu/events", params={"limit": 2})
    assert [e["event_type"] for e in listed.json()["data"]] == ["01", "03"]
    assert listed.json()["has_more"] is True
    rest = api.get(
        "/v1/verifactu/events", params={"starting_after": listed.json()["data"][-1]["id"]}
    )
    assert [e["event_type"] for e in rest.json()["data"]] == ["05"]
    xml = api.get(f"/v1/verifactu/events/{rest.json()['data'][0]['id']}.xml").content
    validate(xml, Schema.EVENTS)
    verify_event(xml)
    assert read_event(xml).computed == rest.json()["data"][0]["huella"]


def test_one_altered_byte_of_one_record_is_an_anomaly_event_naming_it(
    api: Api, runtime: Runtime
) -> None:
    no_verifactu_company(runtime, api.company_id)
    issued = issue_invoices(runtime.db, runtime.settings, api.company_id, 3)
    records = api.get("/v1/verifactu/records").json()["data"]
    second = records[1]
    _tamper(runtime, second["id"], "<sf:ImporteTotal>386.73<", "<sf:ImporteTotal>386.74<")
    body = api.post("/v1/verifactu/audit").json()
    assert body["valid"] is False
    assert body["records"]["first_break"]["record"] == second["id"]
    assert body["events"]["valid"] is True
    anomaly = next(e for e in events_of(runtime, api.company_id) if e.event_type == "04")
    assert anomaly.id == body["records"]["anomaly_event"]
    assert second["id"] in (anomaly.summary or "")
    validate(anomaly.xml.encode(), Schema.EVENTS)
    assert "<sf:TipoAnomalia>01<" in anomaly.xml
    assert f"<sf:NumSerieFactura>{issued[1].number}<" in anomaly.xml


def test_an_altered_event_is_an_anomaly_event_naming_it(api: Api, runtime: Runtime) -> None:
    no_verifactu_company(runtime, api.company_id)
    first = events_of(runtime, api.company_id)[0]
    with runtime.db.write_session() as session:
        session.execute(
            text("UPDATE verifactu_events SET xml = :xml WHERE id = :id"),
            {"xml": first.xml.replace("<sf:TipoEvento>01<", "<sf:TipoEvento>90<"), "id": first.id},
        )
        session.commit()
    body = api.post("/v1/verifactu/audit").json()
    assert body["records"]["valid"] is True
    assert body["events"]["first_break"]["event"] == first.id
    kinds = [e.event_type for e in events_of(runtime, api.company_id)]
    assert kinds == ["01", "03", "05", "06"]


def test_the_summary_comes_due_after_6_hours_and_before_the_worker_stops(
    api: Api, runtime: Runtime
) -> None:
    start = utcnow().replace(microsecond=0) - timedelta(days=1)
    no_verifactu_company(runtime, api.company_id, start_at=start)
    issue_invoices(runtime.db, runtime.settings, api.company_id, 2)

    def summaries() -> list[str]:
        return [e.xml for e in events_of(runtime, api.company_id) if e.event_type == "10"]

    summarize_due(
        runtime.db,
        runtime.settings,
        only=[api.company_id],
        now=start + timedelta(hours=5, minutes=59),
    )
    assert summaries() == []
    summarize_due(
        runtime.db, runtime.settings, only=[api.company_id], now=start + timedelta(hours=6)
    )
    assert len(summaries()) == 1
    assert "<sf:NumeroDeRegistrosFacturacionAltaGenerados>2<" in summaries()[0]
    assert "<sf:SumaImporteTotalAlta>773.46<" in summaries()[0]
    summarize_due(
        runtime.db, runtime.settings, only=[api.company_id], now=start + timedelta(hours=11)
    )
    assert len(summaries()) == 1  # the next period began at hour 6
    summarize_before_shutdown(
        runtime.db, runtime.settings, only=[api.company_id], now=start + timedelta(hours=11)
    )
    assert len(summaries()) == 2
    assert "<sf:NumeroDeRegistrosFacturacionAltaGenerados>0<" in summaries()[1]
    # No event since the first summary (which ended its period): a count of 0 summaries.
    assert "<sf:TipoEvento>10</sf:TipoEvento>\n<sf:NumeroDeEventos>0<" in summaries()[1]


def test_the_worker_runs_anomaly_detection_once_a_day(api: Api, runtime: Runtime) -> None:
    no_verifactu_company(runtime, api.company_id)
    now = utcnow()
    audit_due(runtime.db, runtime.settings, only=[api.company_id], now=now)
    audit_due(runtime.db, runtime.settings, only=[api.company_id], now=now + timedelta(hours=23))
    kinds = [e.event_type for e in events_of(runtime, api.company_id)]
    assert kinds == ["01", "03", "05"]
    audit_due(
        runtime.db, runtime.settings, only=[api.company_id], now=now + timedelta(days=1, seconds=1)
    )
    assert [e.event_type for e in events_of(runtime, api.company_id)][3:] == ["03", "05"]


def test_a_signed_record_altered_outside_its_huella_is_a_signature_anomaly(
    api: Api, runtime: Runtime
) -> None:
    no_verifactu_company(runtime, api.company_id)
    issue_invoices(runtime.db, runtime.settings, api.company_id, 2)
    first = api.get("/v1/verifactu/records").json()["data"][0]
    xml = api.get(f"/v1/verifactu/records/{first['id']}.xml").text
    assert "Signature" in xml  # records made in NO VERI*FACTU are signed
    _tamper(runtime, first["id"], "<sf:DescripcionOperacion>", "<sf:DescripcionOperacion>X")
    body = api.post("/v1/verifactu/audit").json()
    assert body["records"]["first_break"]["record"] == first["id"]
    assert "signature" in body["records"]["first_break"]["reason"]
    anomaly = next(e for e in events_of(runtime, api.company_id) if e.event_type == "04")
    assert "<sf:TipoAnomalia>02<" in anomaly.xml


def test_issuing_goes_on_while_an_audit_checks_the_signatures(
    api: Api, runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The audit reads and verifies in read sessions: an invoice issued while it verifies a
    signature is issued then, not after it (it used to wait for the audit's write lock)."""
    no_verifactu_company(runtime, api.company_id)
    issue_invoices(runtime.db, runtime.settings, api.company_id, 12)
    monkeypatch.setattr(audit, "PAGE", 5)  # several read sessions
    verifying, issued = threading.Event(), threading.Event()
    real = audit.verify_enveloped

    def verify(xml: bytes) -> object:
        if not verifying.is_set():  # the first signature waits for the invoice to be issued
            verifying.set()
            issued.wait(timeout=60)  # a guard against a hang, not a measure
        return real(xml)

    monkeypatch.setattr(audit, "verify_enveloped", verify)
    done: list[str] = []
    answers: dict[str, Any] = {}

    def run_audit() -> None:
        answers["audit"] = api.post("/v1/verifactu/audit")
        done.append("audit")

    thread = threading.Thread(target=run_audit)
    thread.start()
    try:
        assert verifying.wait(timeout=60)
        answer = api.post("/v1/invoices", json=invoice_body(issue=True))
        done.append("issue")
    finally:
        issued.set()
        thread.join(timeout=60)
    assert answer.status_code == 201, answer.text
    assert done == ["issue", "audit"]
    body = answers["audit"].json()
    assert body["valid"] is True
    # The records there were when it started; the one issued meanwhile is the next audit's.
    assert body["records"]["checked"] == 12
    assert body["events"]["checked"] == 3


def test_read_a_page_at_a_time_the_first_break_is_named_as_before(
    api: Api, runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    no_verifactu_company(runtime, api.company_id)
    issue_invoices(runtime.db, runtime.settings, api.company_id, 5)
    for _ in range(3):
        log_backup_restored(runtime.db, runtime.settings, api.company_id)
    records = api.get("/v1/verifactu/records", params={"limit": 5}).json()["data"]
    events = events_of(runtime, api.company_id)
    # A record's signature breaks before another record's huella: the signature is named.
    _tamper(runtime, records[3]["id"], "<sf:DescripcionOperacion>", "<sf:DescripcionOperacion>X")
    _tamper(runtime, records[4]["id"], "<sf:ImporteTotal>386.73<", "<sf:ImporteTotal>386.74<")
    with runtime.db.write_session() as session:
        session.execute(
            text("UPDATE verifactu_events SET huella = :h WHERE id = :id"),
            {"h": "F" * 64, "id": events[2].id},
        )
        session.commit()
    monkeypatch.setattr(audit, "PAGE", 2)
    body = api.post("/v1/verifactu/audit").json()
    assert body["records"]["checked"] == 5
    assert body["records"]["first_break"]["record"] == records[3]["id"]
    assert "signature" in body["records"]["first_break"]["reason"]
    assert body["events"]["checked"] == 7  # 01, three 07, and the audit's 03, 04, 05
    assert body["events"]["first_break"] == {
        "event": events[2].id,
        "sequence": 3,
        "reason": "the stored huella differs from the XML's",
    }
    kinds = [e.event_type for e in events_of(runtime, api.company_id)][4:]
    assert kinds == ["03", "04", "05", "06"]


def test_an_event_logged_during_the_check_is_checked_and_counted_by_the_launch(
    runtime: Runtime,
) -> None:
    company_id, _ = create_company(runtime.db)
    no_verifactu_company(runtime, company_id)
    issue_invoices(runtime.db, runtime.settings, company_id, 2)
    checked = check_chains(runtime.db, company_id)
    log_backup_restored(runtime.db, runtime.settings, company_id)  # meanwhile: event 07
    checked_by = utcnow()
    with runtime.db.write_session() as session:
        result = log_audit(session, runtime.settings, company_of(session, company_id), checked)
        session.commit()
    assert result.records.valid and result.events.valid
    assert result.records.checked == 2
    assert result.events.checked == 4  # 01, the 07 of meanwhile, 03, 05
    events = events_of(runtime, company_id)
    assert [e.event_type for e in events] == ["01", "07", "03", "05"]
    assert "<sf:NumeroDeRegistrosEventoProcesadosSobreIntegridadFirmas>4<" in events[3].xml
    # Logged at the end: generated when logged, after the check.
    assert events[2].generated_at >= checked_by and events[3].generated_at >= checked_by

"""The event log: a signed chain per company, valid against EventosSIF.xsd."""

from datetime import date, timedelta
from decimal import Decimal

from talonario.events.repository import EventRepository
from talonario.events.restore import log_backup_restored
from talonario.events.service import events_exported, log_event, records_exported, summarize
from talonario.kit.clock import utcnow
from talonario.runtime import Runtime
from talonario.verifactu.events import (
    EventRef,
    EventsExported,
    EventType,
    RecordRef,
    RecordsExported,
    read_event,
    verify_event,
)
from talonario.verifactu.records import InvoiceId
from talonario.verifactu.xsd import Schema, validate
from tests.events.helpers import company_of, events_of, no_verifactu_company
from tests.fixtures.factories import create_company, issue_invoices


def test_events_chain_each_signed_and_valid_against_eventos_sif(runtime: Runtime) -> None:
    company_id, _ = create_company(runtime.db)
    no_verifactu_company(runtime, company_id)
    issue_invoices(runtime.db, runtime.settings, company_id, 3)
    with runtime.db.write_session() as session:
        company = company_of(session, company_id)
        log_event(session, runtime.settings, company, EventType.BACKUP_RESTORED, note="restored")
        summarize(session, runtime.settings, company)
        session.commit()
    events = events_of(runtime, company_id)
    assert [e.event_type for e in events] == ["01", "07", "10"]
    assert [e.sequence for e in events] == [1, 2, 3]
    previous = None
    for event in events:
        xml = event.xml.encode()
        validate(xml, Schema.EVENTS)
        verify_event(xml)
        parsed = read_event(xml)
        assert parsed.computed == parsed.written == event.huella
        assert parsed.previous == previous == event.previous_huella
        previous = event.huella
    summary = events[-1].xml
    assert "<sf:NumeroDeRegistrosFacturacionAltaGenerados>3<" in summary
    assert "<sf:SumaImporteTotalAlta>1160.19<" in summary  # 3 x 386.73


def test_a_verifactu_company_keeps_no_event_log_but_its_switches(runtime: Runtime) -> None:
    company_id, _ = create_company(runtime.db)
    with runtime.db.write_session() as session:
        company = company_of(session, company_id)
        assert log_event(session, runtime.settings, company, EventType.BACKUP_RESTORED) is None
        assert summarize(session, runtime.settings, company, utcnow() + timedelta(days=1)) is None
        session.commit()
    assert events_of(runtime, company_id) == []


def test_a_backup_restore_is_an_event_of_each_no_verifactu_company(runtime: Runtime) -> None:
    company_id, _ = create_company(runtime.db)
    no_verifactu_company(runtime, company_id)
    written = log_backup_restored(runtime.db, runtime.settings, company_id, "copia 2026-12-06")
    events = events_of(runtime, company_id)
    assert [e.event_type for e in events] == ["01", "07"] and written == [events[1].id]
    assert "<sf:OtrosDatosEvento>copia 2026-12-06<" in events[1].xml


def test_an_export_of_records_and_of_events_are_events_08_and_09(runtime: Runtime) -> None:
    company_id, _ = create_company(runtime.db)
    no_verifactu_company(runtime, company_id)
    issue_invoices(runtime.db, runtime.settings, company_id, 1)
    start, end = utcnow() - timedelta(days=1), utcnow()
    with runtime.db.write_session() as session:
        company = company_of(session, company_id)
        first_event = EventRepository(session, company_id).head()
        assert first_event is not None and first_event.last_huella is not None
        ref = RecordRef(InvoiceId(company.nif, "A-1", date(2026, 12, 7)), "A" * 64)
        records_exported(
            session,
            runtime.settings,
            company,
            RecordsExported(start, end, ref, ref, 1, Decimal("60.73"), Decimal("386.73"), 0),
        )
        event = EventRef(EventType.NO_VERIFACTU_START, start, first_event.last_huella)
        events_exported(
            session, runtime.settings, company, EventsExported(start, end, event, event, 1)
        )
        session.commit()
    events = events_of(runtime, company_id)
    assert [e.event_type for e in events] == ["01", "08", "09"]
    for e in events:
        validate(e.xml.encode(), Schema.EVENTS)

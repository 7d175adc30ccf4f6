"""Anomaly detection (Orden HAC/1177/2024 arts. 7-9): both chains of a company recomputed, and
every signature checked, with its launch and its findings as events.

The billing records: every huella recomputed from the record's own XML and every link checked
(verifactu/audit.py), and every signed record's XAdES signature verified. The events: every
HuellaEvento recomputed from the event's XML, every link, the order of their times, and every
signature. The first record or event that breaks is named in an anomaly event (04 on the
records, 06 on the events), after the launch events (03, 05). A company in VERI*FACTU keeps no
event log: its chains are checked all the same, and nothing is logged.

It runs in two phases, so that checking a long history (a signature takes milliseconds) never
holds the write lock that issuing waits for. `check_chains` reads the records and events there
are when it starts, a page at a time in short read sessions (by chain position), and checks
them outside any transaction. `log_audit` then logs the launches and the findings in one write
transaction, at the end: the launch events are generated when they are logged, after the
check, not when it began. The only events checked in that transaction are those appended since
the read: normally just the audit's own 03 (04) and 05, a few milliseconds whatever the
history, which its 05 counts, as it always has ("every event so far and this one").
"""

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from talonario.db import Database
from talonario.db.repository import CompanyRepository
from talonario.events.repository import EventRepository
from talonario.events.service import log_event, needs_event_log
from talonario.kit.clock import utcnow
from talonario.models import Company, VerifactuEvent
from talonario.verifactu.audit import StoredRecord, audit
from talonario.verifactu.events import (
    Anomaly,
    AnomalyType,
    AuditLaunched,
    EventRef,
    EventType,
    read_event,
    verify_event,
)
from talonario.verifactu.records import InvoiceId
from talonario.verifactu.signing import SignatureInvalid, verify_enveloped

PAGE = 200  # records or events per read session

_REASONS = (
    ("huella does not match", AnomalyType.HUELLA),
    ("stored huella differs", AnomalyType.INTEGRITY_OTHER),
    ("does not link", AnomalyType.PREVIOUS_HUELLA),
    ("expected position", AnomalyType.CHAIN_OTHER),
)


@dataclass
class RecordBreak:
    """The first billing record that breaks: which, where, why, and its invoice."""

    record_id: str
    sequence: int
    kind: AnomalyType
    reason: str
    invoice_number: str = ""
    invoice_issue_date: date | None = None


class EventChain:
    """The event chain checked one event at a time, in order: its position, the last event
    that passed, and the first that broke (after which events are only counted)."""

    def __init__(self) -> None:
        self.checked = 0
        self.last_sequence = 0  # the last position read
        self.previous: VerifactuEvent | None = None
        self.first_break: tuple[VerifactuEvent, AnomalyType, str] | None = None

    def add(self, event: VerifactuEvent) -> None:
        self.checked += 1
        self.last_sequence = max(self.last_sequence, event.sequence)
        if self.first_break is not None:
            return
        found = _event_break(event, self.checked, self.previous)
        if found is not None:
            self.first_break = (event, *found)
        self.previous = event


@dataclass
class Checked:
    """What `check_chains` found: how many records it checked and the first that broke, and
    the event chain as far as it read it (`log_audit` goes on from there)."""

    records: int
    record_break: RecordBreak | None
    events: EventChain


@dataclass
class ChainResult:
    """One chain's check: how many were checked, and its first break (None: intact)."""

    checked: int = 0
    first_break: dict[str, Any] | None = None
    anomaly_event_id: str | None = None

    @property
    def valid(self) -> bool:
        return self.first_break is None


@dataclass
class AuditResult:
    records: ChainResult = field(default_factory=ChainResult)
    events: ChainResult = field(default_factory=ChainResult)
    logged: list[str] = field(default_factory=list)  # the ids of the events it logged


def audit_company(
    db: Database, settings: Any, company_id: str, now: datetime | None = None
) -> AuditResult | None:
    """Both phases for one company (the worker's job): the check in read sessions, then the
    events in a write transaction of their own, committed. None when the company is gone."""
    checked = check_chains(db, company_id)
    with db.write_session() as session:
        company = CompanyRepository(session, company_id).company()
        if company is None:
            return None
        result = log_audit(session, settings, company, checked, now)
        session.commit()
        return result


def check_chains(db: Database, company_id: str) -> Checked:
    """Check the company's billing records and events as they stand when it starts, each page
    read in a read session of its own and checked (huellas, links, signatures) outside it."""
    with db.read_session() as session:
        repo = EventRepository(session, company_id)
        last_record, last_event = repo.last_record_sequence(), repo.last_event_sequence()
    count, record_break = _check_records(db, company_id, last_record)
    if record_break is not None:
        with db.read_session() as session:
            identity = EventRepository(session, company_id).record_identity(record_break.record_id)
        record_break = replace(
            record_break,
            invoice_number=identity.invoice_number,
            invoice_issue_date=identity.invoice_issue_date,
        )
    events = EventChain()
    while True:
        with db.read_session() as session:
            page = EventRepository(session, company_id).events_after(
                events.last_sequence, last_event, PAGE
            )
        for event in page:
            events.add(event)
        if len(page) < PAGE:
            return Checked(count, record_break, events)


def log_audit(
    session: Session,
    settings: Any,
    company: Company,
    checked: Checked,
    now: datetime | None = None,
) -> AuditResult:
    """Log what `check_chains` found, in `session`'s write transaction (never committed
    here): the launch on the records (03, counting the records checked), the first record
    that broke (04), the launch on the events (05, counting every event up to itself), then,
    once the events appended since the check (the audit's own, and any other's meanwhile) are
    checked too, the first event that broke (06). The events are generated at `now`, by
    default when they are logged: after the check, not when it began."""
    repo = EventRepository(session, company.id)
    if now is None:
        if needs_event_log(company):
            # The head first (FOR UPDATE on PostgreSQL), so that no event logged meanwhile
            # comes after these in the chain and before them in time.
            repo.lock_head(utcnow())
        now = utcnow()
    result = AuditResult()

    def logged(row: VerifactuEvent | None) -> str | None:
        if row is not None:
            result.logged.append(row.id)
        return None if row is None else row.id

    result.records.checked = checked.records
    logged(
        log_event(
            session,
            settings,
            company,
            EventType.RECORDS_AUDIT_LAUNCHED,
            details=AuditLaunched(False, checked.records),
            now=now,
            note=f"{checked.records} records checked",
        )
    )
    found = checked.record_break
    if found is not None:
        result.records.first_break = {
            "record": found.record_id,
            "sequence": found.sequence,
            "reason": found.reason,
        }
        assert found.invoice_issue_date is not None
        invoice = InvoiceId(company.nif, found.invoice_number, found.invoice_issue_date)
        result.records.anomaly_event_id = logged(
            log_event(
                session,
                settings,
                company,
                EventType.RECORDS_ANOMALY,
                details=Anomaly(False, found.kind, found.reason[:100], record=invoice),
                now=now,
                note=f"record {found.record_id} ({invoice.number}): {found.reason}",
            )
        )
    head = repo.head()
    launched = log_event(
        session,
        settings,
        company,
        EventType.EVENTS_AUDIT_LAUNCHED,
        # Every event so far and this one.
        details=AuditLaunched(True, (0 if head is None else head.last_sequence) + 1),
        now=now,
        note="event chain checked",
    )
    logged(launched)
    events = checked.events
    for event in repo.stream(after=events.last_sequence):
        events.add(event)
    result.events.checked = events.checked
    broken = events.first_break
    if broken is not None:
        event, kind, reason = broken
        result.events.first_break = {
            "event": event.id,
            "sequence": event.sequence,
            "reason": reason,
        }
        ref = EventRef(EventType(event.event_type), event.generated_at, event.huella)
        result.events.anomaly_event_id = logged(
            log_event(
                session,
                settings,
                company,
                EventType.EVENTS_ANOMALY,
                details=Anomaly(True, kind, reason[:100], event=ref),
                now=now,
                note=f"event {event.id} (#{event.sequence}): {reason}",
            )
        )
    return result


def _check_records(db: Database, company_id: str, last: int) -> tuple[int, RecordBreak | None]:
    """How many records there are up to position `last`, and the first that breaks: its chain
    (verifactu/audit.py) or, before that, its signature. Signatures are verified as the pages
    come, up to the first that fails (so, past a broken chain's first break too)."""
    count = 0
    signature_break: RecordBreak | None = None

    def stored() -> Iterator[StoredRecord]:
        nonlocal count, signature_break
        after = 0
        while True:
            with db.read_session() as session:
                page = EventRepository(session, company_id).stored_records(after, last, PAGE)
            for record, kept in page:
                count += 1
                if signature_break is None:
                    signature_break = _signature_break(record, kept)
                yield record
            if len(page) < PAGE:
                return
            after = page[-1][0].sequence

    report = audit(stored())
    chain_break = None
    if not report.valid and report.first_break is not None:
        reason = str(report.first_break["reason"])
        chain_break = RecordBreak(
            str(report.first_break["record"]),
            int(str(report.first_break["sequence"])),
            next((k for text, k in _REASONS if text in reason), AnomalyType.OTHER),
            reason,
        )
    if signature_break is not None and (
        chain_break is None or signature_break.sequence < chain_break.sequence
    ):
        return count, signature_break
    return count, chain_break


def _signature_break(record: StoredRecord, kept: bool) -> RecordBreak | None:
    if "Signature" not in record.xml:
        if kept:
            reason = "a NO VERI*FACTU record without signature"
            return RecordBreak(record.id, record.sequence, AnomalyType.SIGNATURE, reason)
        return None  # made in VERI*FACTU: remitted, not signed
    try:
        verify_enveloped(record.xml.encode())
    except SignatureInvalid as error:
        reason = f"the signature does not verify: {error}"
        return RecordBreak(record.id, record.sequence, AnomalyType.SIGNATURE, reason)
    return None


def _event_break(
    event: VerifactuEvent, position: int, previous: VerifactuEvent | None
) -> tuple[AnomalyType, str] | None:
    xml = event.xml.encode()
    if event.sequence != position:
        return AnomalyType.PREVIOUS_MISSING, f"expected event {position} here"
    parsed = read_event(xml)
    if parsed.written != event.huella:
        return AnomalyType.INTEGRITY_OTHER, "the stored huella differs from the XML's"
    if parsed.computed != event.huella:
        return AnomalyType.HUELLA, "the huella does not match the event's content"
    expected = None if previous is None else previous.huella
    if parsed.previous != expected or event.previous_huella != expected:
        return AnomalyType.PREVIOUS_HUELLA, "it does not link to the event before"
    if previous is not None and event.generated_at < previous.generated_at:
        return AnomalyType.DATE_BEFORE_PREVIOUS, "generated before the event before"
    try:
        verify_event(xml)
    except SignatureInvalid as error:
        return AnomalyType.SIGNATURE, f"the signature does not verify: {error}"
    return None

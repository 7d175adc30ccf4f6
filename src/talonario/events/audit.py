"""Anomaly detection (Orden HAC/1177/2024 arts. 7-9): both chains of a company recomputed, and
every signature checked, with its launch and its findings as events.

The billing records: every huella recomputed from the record's own XML and every link checked
(verifactu/audit.py), and every signed record's XAdES signature verified. The events: every
HuellaEvento recomputed from the event's XML, every link, the order of their times, and every
signature. The first record or event that breaks is named in an anomaly event (04 on the
records, 06 on the events), after the launch events (03, 05). A company in VERI*FACTU keeps no
event log: its chains are checked all the same, and nothing is logged.
"""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from talonario.events.repository import EventRepository
from talonario.events.service import log_event
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

_REASONS = (
    ("huella does not match", AnomalyType.HUELLA),
    ("stored huella differs", AnomalyType.INTEGRITY_OTHER),
    ("does not link", AnomalyType.PREVIOUS_HUELLA),
    ("expected position", AnomalyType.CHAIN_OTHER),
)


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
    session: Session, settings: Any, company: Company, now: datetime | None = None
) -> AuditResult:
    """Check both chains and every signature of `company` (a row of `session`'s write
    transaction), logging the launches and the first break of each chain as events."""
    now = now or utcnow()
    repo = EventRepository(session, company.id)
    result = AuditResult()

    def logged(row: VerifactuEvent | None) -> str | None:
        if row is not None:
            result.logged.append(row.id)
        return None if row is None else row.id

    records = list(repo.stored_records())
    result.records.checked = len(records)
    logged(
        log_event(
            session,
            settings,
            company,
            EventType.RECORDS_AUDIT_LAUNCHED,
            details=AuditLaunched(False, len(records)),
            now=now,
            note=f"{len(records)} records checked",
        )
    )
    found = _first_record_break(records, repo.kept_record_ids())
    if found is not None:
        record, kind, reason = found
        result.records.first_break = {
            "record": record.id,
            "sequence": record.sequence,
            "reason": reason,
        }
        identity = repo.record_identity(record.id)
        invoice = InvoiceId(company.nif, identity.invoice_number, identity.invoice_issue_date)
        result.records.anomaly_event_id = logged(
            log_event(
                session,
                settings,
                company,
                EventType.RECORDS_ANOMALY,
                details=Anomaly(False, kind, reason[:100], record=invoice),
                now=now,
                note=f"record {record.id} ({invoice.number}): {reason}",
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
    events = list(repo.stream())
    result.events.checked = len(events)
    broken = _first_event_break(events)
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


def _first_record_break(
    records: list[StoredRecord], kept: set[str]
) -> tuple[StoredRecord, AnomalyType, str] | None:
    report = audit(iter(records))
    chain_break = None
    if not report.valid and report.first_break is not None:
        sequence = int(str(report.first_break["sequence"]))
        reason = str(report.first_break["reason"])
        kind = next((k for text, k in _REASONS if text in reason), AnomalyType.OTHER)
        record = next(r for r in records if r.id == report.first_break["record"])
        chain_break = (sequence, record, kind, reason)
    for record in records:
        if chain_break is not None and record.sequence >= chain_break[0]:
            break
        if "Signature" not in record.xml:
            if record.id in kept:
                return record, AnomalyType.SIGNATURE, "a NO VERI*FACTU record without signature"
            continue  # made in VERI*FACTU: remitted, not signed
        try:
            verify_enveloped(record.xml.encode())
        except SignatureInvalid as error:
            return record, AnomalyType.SIGNATURE, f"the signature does not verify: {error}"
    return None if chain_break is None else chain_break[1:]


def _first_event_break(
    events: list[VerifactuEvent],
) -> tuple[VerifactuEvent, AnomalyType, str] | None:
    previous: VerifactuEvent | None = None
    for position, event in enumerate(events, start=1):
        xml = event.xml.encode()
        if event.sequence != position:
            return event, AnomalyType.PREVIOUS_MISSING, f"expected event {position} here"
        parsed = read_event(xml)
        if parsed.written != event.huella:
            return event, AnomalyType.INTEGRITY_OTHER, "the stored huella differs from the XML's"
        if parsed.computed != event.huella:
            return event, AnomalyType.HUELLA, "the huella does not match the event's content"
        expected = None if previous is None else previous.huella
        if parsed.previous != expected or event.previous_huella != expected:
            return event, AnomalyType.PREVIOUS_HUELLA, "it does not link to the event before"
        if previous is not None and event.generated_at < previous.generated_at:
            return event, AnomalyType.DATE_BEFORE_PREVIOUS, "generated before the event before"
        try:
            verify_event(xml)
        except SignatureInvalid as error:
            return event, AnomalyType.SIGNATURE, f"the signature does not verify: {error}"
        previous = event
    return None

"""Remission: a company's pending records leave for AEAT in chain order, one batch at a time.

1. claim   a short write transaction takes the company's lease (PostgreSQL: the state row
           FOR UPDATE SKIP LOCKED first) if flow control allows a submission now: the wait AEAT
           asked for (TiempoEsperaEnvio) has passed, or 1,000 records are waiting.
2. mark    the batch (≤ 1,000, by sequence) becomes `submitted` and a submission row is written.
3. send    outside any transaction, the stored XML of each record, exactly as sealed.
4. record  AEAT's answer per record (CSV, code, description), or the fault: a transient one puts
           the batch back to `pending` with an open incident (the next submission says
           Incidencia=S) and a backoff capped at one hour.

Nothing is lost if the process dies between 2 and 4: the lease expires, the next holder finds
the records still `submitted`, and sends them again; AEAT answers 3000 for those it stored, with
their stored state, which is adopted (spec §5.1, duplicate handling).
"""

import logging
import os
import socket
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from talonario.companies import certificate as certificates
from talonario.config import Settings
from talonario.db import Database
from talonario.kit.clock import utcnow
from talonario.kit.secrets import DecryptionError
from talonario.models import Company, Invoice, VerifactuRecord, VerifactuRemission
from talonario.models import VerifactuSubmission as Submission
from talonario.verifactu.client import (
    AeatClient,
    AeatError,
    Environment,
    PermanentError,
    TransientError,
    endpoint,
    sandbox_endpoint,
)
from talonario.verifactu.records import InvoiceId, Party, SubmissionHeader
from talonario.verifactu.repository import present
from talonario.verifactu.responses import (
    Operation,
    QueriedRecord,
    QueriedStatus,
    QueryFilter,
    RecordStatus,
    StoredStatus,
    SubmissionResult,
)
from talonario.verifactu.tls import InvalidCaBundle, InvalidCertificate, client_context
from talonario.verifactu.xml import MAX_RECORDS, soap_envelope, submission_of_stored
from talonario.webhooks.outbox import emit

log = logging.getLogger(__name__)

WAITING = ("pending", "submitted")
MAX_BACKOFF = timedelta(hours=1)  # ORDEN art. 16.4: keep trying while AEAT is down
FIRST_BACKOFF = timedelta(seconds=30)
DUPLICATE = 3000

# A client for a company: the caller may give its own (tests pass a transport).
ClientFactory = Callable[[Company, Settings], AeatClient]


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"[:80]


@dataclass(frozen=True, slots=True)
class Batch:
    submission_id: str
    records: list[VerifactuRecord]
    company: Company
    incident: bool


# --- 1-2. claim and mark ------------------------------------------------------------------------


def companies_waiting(db: Database, now: datetime) -> list[str]:
    """Companies with records to send whose flow control allows a submission now."""
    counts = (
        select(VerifactuRecord.company_id, func.count().label("waiting"))
        .where(VerifactuRecord.status.in_(WAITING))
        .group_by(VerifactuRecord.company_id)
        .subquery()
    )
    stmt = (
        select(counts.c.company_id)
        .outerjoin(VerifactuRemission, VerifactuRemission.company_id == counts.c.company_id)
        .where(
            (VerifactuRemission.company_id.is_(None))
            | (
                (
                    VerifactuRemission.next_allowed_at.is_(None)
                    | (VerifactuRemission.next_allowed_at <= now)
                    | (counts.c.waiting >= MAX_RECORDS)
                )
                & (
                    VerifactuRemission.locked_until.is_(None)
                    | (VerifactuRemission.locked_until < now)
                )
            )
        )
    )
    with db.read_session() as session:
        return list(session.scalars(stmt))


def _state(session: Session, company_id: str, skip_locked: bool) -> VerifactuRemission | None:
    stmt = select(VerifactuRemission).where(VerifactuRemission.company_id == company_id)
    if skip_locked:
        stmt = stmt.with_for_update(skip_locked=True)
    state = session.scalars(stmt).first()
    if state is None:
        state = VerifactuRemission(company_id=company_id, failures=0, incident_open=False)
        session.add(state)
        session.flush()
    return state


def claim(
    db: Database, settings: Settings, company_id: str, worker: str, now: datetime
) -> Batch | None:
    """Take the company's lease and mark its next batch as submitted; None if not ours now."""
    lease = timedelta(seconds=settings.remission_lease_seconds)
    with db.write_session() as session:
        state = _state(session, company_id, skip_locked=not db.is_sqlite)
        if state is None or (state.locked_until is not None and state.locked_until > now):
            return None
        records = list(
            session.scalars(
                select(VerifactuRecord)
                .where(
                    VerifactuRecord.company_id == company_id,
                    VerifactuRecord.status.in_(WAITING),
                )
                .order_by(VerifactuRecord.sequence)
                .limit(MAX_RECORDS)
            )
        )
        if not records:
            return None
        waited = state.next_allowed_at is None or state.next_allowed_at <= now
        if not waited and len(records) < MAX_RECORDS:
            return None
        company = session.get(Company, company_id)
        assert company is not None
        submission = Submission(
            company_id=company_id,
            status="sending",
            environment=company.verifactu_environment,
            incident=state.incident_open,
            records=len(records),
            first_sequence=records[0].sequence,
            last_sequence=records[-1].sequence,
        )
        session.add(submission)
        session.flush()
        for record in records:
            record.status = "submitted"
            record.submission_id = submission.id
            record.attempts = (record.attempts or 0) + 1
        _mirror_on_invoices(session, records)
        state.locked_until = now + lease
        state.locked_by = worker
        session.commit()
        return Batch(submission.id, records, company, submission.incident)


def _mirror_on_invoices(session: Session, records: Sequence[VerifactuRecord]) -> None:
    """An invoice shows the state of its latest record."""
    for record in records:
        session.execute(
            update(Invoice)
            .where(Invoice.id == record.invoice_id, Invoice.verifactu_record_id == record.id)
            .values(
                verifactu_status=record.status,
                verifactu_csv=record.aeat_csv,
                verifactu_code=record.aeat_code,
                verifactu_description=record.aeat_description,
            )
        )


# --- 3. send ------------------------------------------------------------------------------------


def default_client(db: Database, company: Company, settings: Settings) -> AeatClient:
    """The sandbox for `sandbox` companies; AEAT, over mutual TLS with the company's
    certificate, for `preproduction` and `production` (at TALONARIO_AEAT_ENDPOINT_URL when set,
    trusting TALONARIO_AEAT_CA_FILE's CAs besides the system's)."""
    env = Environment(company.verifactu_environment)
    if env is Environment.SANDBOX:
        mounted = settings.sandbox == "on"
        return AeatClient(
            sandbox_endpoint(settings.aeat_sandbox_url, settings.base_url, mounted=mounted)
        )
    with db.read_session() as session:
        try:
            material = certificates.load_for_tls(session, settings, company.id)
        except DecryptionError as exc:
            raise PermanentError(f"The company's certificate cannot be read: {exc}") from exc
    if material is None:
        raise PermanentError(
            f"The company remits to AEAT's {env.value} environment but has no certificate:"
            " upload one (POST /v1/company/certificate)."
        )
    p12, password, kind = material
    try:
        tls = client_context(p12, password, cafile=settings.aeat_ca_file)
    except InvalidCertificate as exc:
        raise PermanentError(f"The company's certificate is not usable: {exc}") from exc
    except InvalidCaBundle as exc:
        raise PermanentError(f"TALONARIO_AEAT_CA_FILE is not usable: {exc}") from exc
    return AeatClient(settings.aeat_endpoint_url or endpoint(env, kind), tls=tls)


def envelope(batch: Batch) -> bytes:
    company = batch.company
    header = SubmissionHeader(
        taxpayer=Party(company.legal_name, nif=company.nif), incident=batch.incident
    )
    return soap_envelope(submission_of_stored(header, [r.xml for r in batch.records]))


# --- 4. record the outcome ----------------------------------------------------------------------

_STATUS = {
    RecordStatus.ACCEPTED: "accepted",
    RecordStatus.ACCEPTED_WITH_ERRORS: "accepted_with_errors",
    RecordStatus.REJECTED: "rejected",
}
_STORED = {
    StoredStatus.ACCEPTED: "accepted",
    StoredStatus.ACCEPTED_WITH_ERRORS: "accepted_with_errors",
    StoredStatus.CANCELLED: "accepted",
}


def _identity(record: VerifactuRecord, nif: str) -> InvoiceId:
    return InvoiceId(nif, record.invoice_number, record.invoice_issue_date)


def _apply_answer(
    session: Session,
    batch: Batch,
    result: SubmissionResult,
    now: datetime,
) -> None:
    submission = session.get(Submission, batch.submission_id)
    assert submission is not None
    submission.status = "answered"
    submission.csv = result.csv
    submission.aeat_status = result.status.value
    submission.wait_seconds = result.wait_seconds
    submission.response = result.raw
    submission.answered_at = now
    ids = [r.id for r in batch.records]
    rows = session.scalars(select(VerifactuRecord).where(VerifactuRecord.id.in_(ids))).all()
    for record in rows:
        op = Operation.CANCELLATION if record.kind == "anulacion" else Operation.REGISTRATION
        line = result.line_for(_identity(record, batch.company.nif), op)
        if line is None:
            # AEAT answers every record; one missing is sent again with the next batch.
            record.status = "pending"
            continue
        record.submitted_at = now
        record.aeat_code = str(line.code) if line.code is not None else None
        record.aeat_description = line.description
        if line.code == DUPLICATE and line.duplicate is not None:
            # Sent before, answer lost: AEAT holds it; adopt the state it holds.
            record.status = _STORED[line.duplicate.status]
            record.aeat_code = str(line.duplicate.code) if line.duplicate.code is not None else None
            record.aeat_description = line.duplicate.description
        else:
            record.status = _STATUS[line.status]
            if line.status.stored:
                record.aeat_csv = result.csv
        _announce(session, record)
    _mirror_on_invoices(session, rows)
    state = session.get(VerifactuRemission, batch.company.id)
    assert state is not None
    state.next_allowed_at = now + timedelta(seconds=result.wait_seconds)
    state.incident_open = False
    state.incident_since = None
    state.failures = 0
    state.last_error = None
    state.last_submission_id = batch.submission_id
    state.last_submission_at = now
    state.locked_until = None
    state.locked_by = None


def _apply_failure(session: Session, batch: Batch, error: AeatError, now: datetime) -> None:
    transient = isinstance(error, TransientError)
    submission = session.get(Submission, batch.submission_id)
    assert submission is not None
    submission.status = "transient_error" if transient else "permanent_error"
    submission.error = error.message[:2000]
    submission.response = error.raw
    submission.answered_at = now
    ids = [r.id for r in batch.records]
    session.execute(
        update(VerifactuRecord)
        .where(VerifactuRecord.id.in_(ids), VerifactuRecord.status == "submitted")
        .values(status="pending")
    )
    rows = session.scalars(select(VerifactuRecord).where(VerifactuRecord.id.in_(ids))).all()
    _mirror_on_invoices(session, rows)
    state = session.get(VerifactuRemission, batch.company.id)
    assert state is not None
    state.failures = (state.failures or 0) + 1
    state.last_error = error.message[:2000]
    state.last_submission_id = batch.submission_id
    state.last_submission_at = now
    if transient:
        # The records are now delayed by an incident: say so when they go (Incidencia=S).
        if not state.incident_open:
            state.incident_since = now
        state.incident_open = True
    backoff = min(FIRST_BACKOFF * (2 ** min(state.failures - 1, 10)), MAX_BACKOFF)
    state.next_allowed_at = now + (backoff if transient else MAX_BACKOFF)
    state.locked_until = None
    state.locked_by = None


def retry_now(session: Session, company_id: str) -> None:
    """The company changed what a failure may have blamed (its certificate, its environment):
    the next attempt need not wait out the backoff. After an accepted submission `last_error`
    is empty, so AEAT's TiempoEsperaEnvio is never cut short here."""
    session.execute(
        update(VerifactuRemission)
        .where(
            VerifactuRemission.company_id == company_id,
            VerifactuRemission.last_error.is_not(None),
        )
        .values(next_allowed_at=None)
    )


def remit(
    db: Database,
    settings: Settings,
    company_id: str,
    *,
    now: datetime | None = None,
    client_for: ClientFactory | None = None,
    worker: str | None = None,
) -> Submission | None:
    """Send the company's next batch if one is due; the submission row, or None."""
    now = now or utcnow()
    if client_for is None:
        client_for = lambda company, settings: default_client(db, company, settings)  # noqa: E731
    batch = claim(db, settings, company_id, worker or worker_name(), now)
    if batch is None:
        return None
    outcome: SubmissionResult | AeatError
    try:
        with client_for(batch.company, settings) as client:
            outcome = client.submit(envelope(batch))
    except AeatError as exc:
        outcome = exc
    except Exception as exc:  # a bug or an OS error must not strand the batch under a lease
        log.exception("remission of %s failed", company_id)
        outcome = TransientError(f"{type(exc).__name__}: {exc}")
    with db.write_session() as session:
        if isinstance(outcome, SubmissionResult):
            _apply_answer(session, batch, outcome, now)
        else:
            _apply_failure(session, batch, outcome, now)
        submission = session.get(Submission, batch.submission_id)
        session.commit()  # expire_on_commit=False: the row stays readable for the caller
        return submission


def remit_due(
    db: Database,
    settings: Settings,
    *,
    now: datetime | None = None,
    client_for: ClientFactory | None = None,
) -> int:
    """One pass over every company with work: how many submissions were made."""
    now = now or utcnow()
    made = 0
    for company_id in companies_waiting(db, now):
        if remit(db, settings, company_id, now=now, client_for=client_for) is not None:
            made += 1
    return made


def _announce(session: Session, record: VerifactuRecord) -> None:
    """verifactu.record.<status>, with the record as GET /v1/invoices/{id}/verifactu shows it."""
    if record.status in ("accepted", "accepted_with_errors", "rejected"):
        emit(session, record.company_id, f"verifactu.record.{record.status}", present(record))


# --- what the API shows -------------------------------------------------------------------------


def status_of(session: Session, company_id: str) -> dict[str, Any]:
    pending = session.scalar(
        select(func.count()).where(
            VerifactuRecord.company_id == company_id, VerifactuRecord.status.in_(WAITING)
        )
    )
    state = session.get(VerifactuRemission, company_id)
    last = None
    if state is not None and state.last_submission_id:
        sub = session.get(Submission, state.last_submission_id)
        if sub is not None:
            last = {
                "id": sub.id,
                "at": sub.created_at,
                "status": sub.status,
                "records": sub.records,
                "csv": sub.csv,
                "aeat_status": sub.aeat_status,
                "incident": sub.incident,
                "error": sub.error,
            }
    return {
        "object": "verifactu_status",
        "pending": pending or 0,
        "last_submission": last,
        "next_submission_at": state.next_allowed_at if state else None,
        "incident": {
            "open": bool(state and state.incident_open),
            "since": state.incident_since if state else None,
            "failures": state.failures if state else 0,
            "last_error": state.last_error if state else None,
        },
    }


# --- asking AEAT what it holds ------------------------------------------------------------------

_QUERIED = {
    QueriedStatus.ACCEPTED: "accepted",
    QueriedStatus.ACCEPTED_WITH_ERRORS: "accepted_with_errors",
    QueriedStatus.CANCELLED: "accepted",  # the anulación is what AEAT holds
}


def ask(
    db: Database, settings: Settings, company: Company, invoice: Invoice
) -> QueriedRecord | None:
    """What AEAT holds for the invoice (ConsultaFactuSistemaFacturacion), outside any
    transaction. Period: the operation date's month, else the issue date's (spec §8.6)."""
    assert invoice.number and invoice.issued_on
    period = invoice.operation_date or invoice.issued_on
    query = QueryFilter(
        taxpayer=Party(company.legal_name, nif=company.nif),
        year=period.year,
        month=period.month,
        number=invoice.number,
    )
    with default_client(db, company, settings) as client:
        result = client.query(query)
    for record in result.records:
        if record.invoice.number == invoice.number:
            return record
    return None


def reconcile(session: Session, invoice: Invoice, held: QueriedRecord | None) -> bool:
    """Adopt what AEAT holds for the invoice's latest record when our side never heard the
    answer (pending or submitted). True if AEAT and we agree afterwards."""
    latest = session.get(VerifactuRecord, invoice.verifactu_record_id)
    if latest is None:
        return held is None
    if held is None:
        return latest.status in ("pending", "submitted", "rejected")
    expected = "Anulado" if latest.kind == "anulacion" else None
    same = held.huella is None or held.huella == latest.huella
    if latest.status in WAITING and same and (expected is None or held.status.value == expected):
        latest.status = _QUERIED[held.status]
        latest.aeat_code = str(held.code) if held.code is not None else None
        latest.aeat_description = held.description
        _mirror_on_invoices(session, [latest])
    return same and latest.status == _QUERIED[held.status]

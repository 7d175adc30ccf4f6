"""Remission: a company's pending records leave for AEAT in chain order, one batch at a time.

1. claim   a short write transaction takes the company's lease (PostgreSQL: the state row
           FOR UPDATE SKIP LOCKED first) if flow control allows a submission now (backoff.py):
           the wait AEAT asked for (TiempoEsperaEnvio) has passed, or 1,000 records are
           waiting, and no failure's backoff holds.
2. mark    a submission left `sending` by a holder that died becomes `abandoned`, a submission
           row is written; then the batch (≤ 1,000, by sequence) becomes `submitted`, a hundred
           records per write transaction (WRITE_CHUNK), so SQLite's lock is never held long.
3. send    outside any transaction, the stored XML of each record, exactly as sealed, while a
           heartbeat renews the lease (lease.py).
4. record  AEAT's answer per record (CSV, code, description; outcomes.py), a hundred records
           per transaction, the last with the submission and the lease; or the fault: it puts
           the batch back to `pending` with a backoff (backoff.py); a transient one also opens
           an incident (the next submission says Incidencia=S).

Nothing is lost if the process dies anywhere from 2 to 4: the heartbeat stops, the lease
expires, the next holder finds the records still `submitted` (or `pending`), and sends them
again; AEAT answers 3000 for those it stored, with their stored state, which is adopted
(spec §5.1, duplicate handling).
"""

import logging
import os
import socket
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from talonario.aeat_sandbox.local import transport_for as local_sandbox
from talonario.config import Settings
from talonario.db import Database
from talonario.db.repository import CompanyRepository
from talonario.kit.clock import utcnow
from talonario.kit.secrets import DecryptionError
from talonario.models import Company, VerifactuRecord, VerifactuRemission
from talonario.models import VerifactuSubmission as Submission
from talonario.records import credentials, lease, mode
from talonario.records.outcomes import Outcome, outcomes_of_answer, unchanged
from talonario.records.remission_repository import (
    Mirrored,
    RemissionRepository,
    SubmissionRepository,
    companies_due,
    ids_in_flight,
    mark_submitted,
    mirror_states,
    next_batch,
    submitted_batch,
    update_records,
)
from talonario.records.schemas import RecordOut
from talonario.verifactu import backoff
from talonario.verifactu.backoff import Reason, after_failure, lifted, may_go
from talonario.verifactu.client import (
    AeatClient,
    AeatError,
    Environment,
    PermanentError,
    TransientError,
    endpoint,
    sandbox_endpoint,
)
from talonario.verifactu.records import Party, SubmissionHeader
from talonario.verifactu.responses import (
    SubmissionResult,
)
from talonario.verifactu.tls import InvalidCaBundle, InvalidCertificate, client_context
from talonario.verifactu.xml import MAX_RECORDS, soap_envelope, submission_of_stored
from talonario.webhooks.outbox import emit

log = logging.getLogger(__name__)

# Records written per write transaction when a batch is marked or answered: SQLite has one
# write lock, and a request issuing an invoice waits for it. A whole batch in one transaction
# held it for 60-170 ms under load; a hundred records take a few milliseconds.
WRITE_CHUNK = 100
T = TypeVar("T")

# A client for a company: the caller may give its own (tests pass a transport).
ClientFactory = Callable[[Company, Settings], AeatClient]


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"[:80]


class CertificateError(PermanentError):
    """The company's certificate (or the CA file) keeps its records from AEAT."""

    def __init__(self, message: str, reason: Reason) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Batch:
    submission_id: str
    records: list[VerifactuRecord]
    documents: list[str]  # each record's XML as sealed, in the same order
    company: Company
    incident: bool
    holder: str
    # RemisionVoluntaria/FechaFinVeriFactu: the renounce this submission announces (mode.py).
    end_date: date | None = None


# --- 1-2. claim and mark ------------------------------------------------------------------------


def companies_waiting(db: Database, now: datetime) -> list[str]:
    """Companies with records to send whose flow control allows a submission now."""
    with db.read_session() as session:
        return companies_due(session, now)


def claim(
    db: Database, settings: Settings, company_id: str, worker: str, now: datetime
) -> Batch | None:
    """Take the company's lease and mark its next batch as submitted; None if not ours now."""
    with db.write_session() as session:
        state = RemissionRepository(session, company_id).state_to_claim(not db.is_sqlite)
        if state is None or (state.locked_until is not None and state.locked_until > now):
            return None
        waiting = next_batch(session, company_id, MAX_RECORDS)
        if not waiting:
            return None
        reason = backoff.stored(state.reason)
        if not may_go(state.next_allowed_at, reason, len(waiting) >= MAX_RECORDS, now):
            return None
        _abandon(session, company_id, state.locked_by)
        company = CompanyRepository(session, company_id).existing()
        submission = Submission(
            company_id=company_id,
            status="sending",
            environment=company.verifactu_environment,
            incident=state.incident_open,
            records=len(waiting),
            first_sequence=waiting[0].sequence,
            last_sequence=waiting[-1].sequence,
        )
        session.add(submission)
        state.locked_until = now + lease.duration(settings)
        state.locked_by = worker
        first, *rest = chunked(waiting)
        session.flush()
        _mark(session, company_id, first, submission.id)
        session.commit()
        submission_id, incident = submission.id, submission.incident
    # The lease is ours: the rest of the batch is marked a chunk per transaction, each holding
    # SQLite's one write lock (the API's too) for a few milliseconds. A holder that dies half
    # way leaves records `pending` and `submitted`: the next sends both (next_batch takes either).
    for part in rest:
        with db.write_session() as session:
            if not _holds(session, company_id, worker):
                return None
            _mark(session, company_id, part, submission_id)
            session.commit()
    # The records themselves, XML and all, are read after the lock is let go; the lease keeps
    # them ours.
    with db.read_session() as session:
        records, documents = submitted_batch(session, submission)
    end = mode.end_date(company)
    return Batch(submission_id, records, documents, company, incident, worker, end)


def chunked(items: Sequence[T]) -> list[Sequence[T]]:
    """`items` in runs of WRITE_CHUNK, at least one (maybe empty)."""
    return [items[i : i + WRITE_CHUNK] for i in range(0, len(items), WRITE_CHUNK)] or [items[:0]]


def _mark(session: Session, company_id: str, part: Sequence[Any], submission_id: str) -> None:
    """A run of the batch (next_batch's rows) is `submitted`, on its records and invoices."""
    mark_submitted(session, company_id, (part[0].sequence, part[-1].sequence), submission_id)
    mirror_states(
        session,
        [
            Mirrored(w.invoice_id, w.id, "submitted", w.aeat_csv, w.aeat_code, w.aeat_description)
            for w in part
        ],
    )


def _holds(session: Session, company_id: str, worker: str) -> bool:
    """Whether `worker` still holds the company's lease (its state row locked, PostgreSQL)."""
    state = RemissionRepository(session, company_id).state(for_update=True)
    return state is not None and state.locked_by == worker


def _abandon(session: Session, company_id: str, holder: str | None) -> None:
    """A submission still `sending` when its company's lease is free again lost its worker
    (killed, or stalled past its lease): keep it, marked, and send its records again."""
    SubmissionRepository(session, company_id).abandon_sending(
        f"Its worker ({holder or 'unknown'}) stopped before AEAT's answer was"
        " recorded; its records went again with the next submission."
    )


# --- 3. send ------------------------------------------------------------------------------------


def default_client(db: Database, company: Company, settings: Settings) -> AeatClient:
    """The sandbox for `sandbox` companies (this server's own answered in-process:
    aeat_sandbox/local.py); AEAT, over mutual TLS with the company's certificate, for
    `preproduction` and `production` (at TALONARIO_AEAT_ENDPOINT_URL when set, trusting
    TALONARIO_AEAT_CA_FILE's CAs besides the system's)."""
    env = Environment(company.verifactu_environment)
    if env is Environment.SANDBOX:
        mounted = settings.sandbox == "on"
        url = sandbox_endpoint(settings.aeat_sandbox_url, settings.base_url, mounted=mounted)
        if mounted and not settings.aeat_sandbox_url:
            # This server's own sandbox: answered in this process (aeat_sandbox/local.py).
            return AeatClient(url, transport=local_sandbox(settings, db))
        return AeatClient(url)
    with db.read_session() as session:
        try:
            material = credentials.load_for_tls(session, settings, company.id)
        except DecryptionError as exc:
            raise CertificateError(
                f"The company's certificate cannot be read: {exc}", Reason.CERTIFICATE_UNUSABLE
            ) from exc
    if material is None:
        raise CertificateError(
            f"The company remits to AEAT's {env.value} environment but has no certificate:"
            " upload one (POST /v1/company/certificate).",
            Reason.CERTIFICATE_MISSING,
        )
    p12, password, kind = material
    unusable = Reason.CERTIFICATE_UNUSABLE
    try:
        tls = client_context(p12, password, cafile=settings.aeat_ca_file)
    except InvalidCertificate as exc:
        raise CertificateError(f"The company's certificate is not usable: {exc}", unusable) from exc
    except InvalidCaBundle as exc:
        raise CertificateError(f"TALONARIO_AEAT_CA_FILE is not usable: {exc}", unusable) from exc
    return AeatClient(settings.aeat_endpoint_url or endpoint(env, kind), tls=tls)


def envelope(batch: Batch) -> bytes:
    company = batch.company
    header = SubmissionHeader(
        taxpayer=Party(company.legal_name, nif=company.nif),
        incident=batch.incident,
        verifactu_end_date=batch.end_date,
    )
    return soap_envelope(submission_of_stored(header, batch.documents))


# --- 4. record the outcome (outcomes.py works it out) ------------------------------------------


def _write_outcomes(session: Session, batch: Batch, outcomes: Sequence[Outcome]) -> None:
    """The outcomes of the records still in flight: records, invoices, events."""
    in_flight = ids_in_flight(session, [o.record.id for o in outcomes], batch.submission_id)
    mine = [o for o in outcomes if o.record.id in in_flight]
    update_records(session, [o.change() for o in mine])
    mirror_states(session, [o.mirrored() for o in mine])
    for outcome in mine:
        _announce(session, outcome.applied())


def _apply_answer(
    session: Session,
    batch: Batch,
    result: SubmissionResult,
    now: datetime,
    outcomes: Sequence[Outcome],
) -> None:
    submission = _submission(session, batch)
    submission.status = "answered"
    submission.csv = result.csv
    submission.aeat_status = result.status.value
    submission.wait_seconds = result.wait_seconds
    submission.response = result.raw
    submission.answered_at = now
    _write_outcomes(session, batch, outcomes)
    if batch.end_date is not None:
        mode.end_reported(session, batch.company.id, batch.end_date, now)
    state = RemissionRepository(session, batch.company.id).state()
    assert state is not None
    state.aeat_wait_until = state.next_allowed_at = now + timedelta(seconds=result.wait_seconds)
    state.reason = Reason.AEAT_WAIT.value
    state.incident_open = False
    state.incident_since = None
    state.failures = 0
    state.last_error = None
    _release(state, batch, now)


def _apply_failure(
    session: Session,
    batch: Batch,
    error: AeatError,
    now: datetime,
    outcomes: Sequence[Outcome],
) -> None:
    transient = isinstance(error, TransientError)
    submission = _submission(session, batch)
    submission.status = "transient_error" if transient else "permanent_error"
    submission.error = error.message[:2000]
    submission.response = error.raw
    submission.answered_at = now
    _write_outcomes(session, batch, outcomes)
    state = RemissionRepository(session, batch.company.id).state()
    assert state is not None
    state.failures = (state.failures or 0) + 1
    state.last_error = error.message[:2000]
    if transient:
        # The records are now delayed by an incident: say so when they go (Incidencia=S).
        if not state.incident_open:
            state.incident_since = now
        state.incident_open = True
    reason = (
        Reason.TRANSPORT_BACKOFF
        if transient
        else error.reason
        if isinstance(error, CertificateError)
        else Reason.PERMANENT_ERROR
    )
    state.next_allowed_at = after_failure(reason, state.failures, state.aeat_wait_until, now)
    state.reason = reason.value
    _release(state, batch, now)


def _submission(session: Session, batch: Batch) -> Submission:
    submission = SubmissionRepository(session, batch.company.id).get(batch.submission_id)
    assert submission is not None
    return submission


def _release(state: VerifactuRemission, batch: Batch, now: datetime) -> None:
    state.last_submission_id = batch.submission_id
    state.last_submission_at = now
    state.locked_until = None
    state.locked_by = None


def _still_ours(session: Session, batch: Batch) -> bool:
    """Whether the batch's holder kept the lease through the send. If not, another holder
    abandoned this submission and sent its records again: its outcome is theirs to record."""
    if not _holds(session, batch.company.id, batch.holder):
        return False
    submission = SubmissionRepository(session, batch.company.id).get(batch.submission_id)
    assert submission is not None
    return submission.status == "sending"


def _late(session: Session, batch: Batch, outcome: SubmissionResult | AeatError) -> None:
    """Keep what came back for an abandoned submission, for the record; change nothing else."""
    submission = _submission(session, batch)
    if isinstance(outcome, SubmissionResult):
        submission.csv = outcome.csv
        submission.aeat_status = outcome.status.value
    submission.response = outcome.raw
    log.warning("answer for abandoned submission %s arrived late", batch.submission_id)


def retry_now(session: Session, company_id: str, now: datetime | None = None) -> bool:
    """Lift a failure's backoff (POST /v1/verifactu/retry, or the company changed what a
    failure may have blamed: its certificate, its environment): the next attempt is now, or
    when AEAT's TiempoEsperaEnvio ends, never before. True if there was a backoff to lift."""
    now = now or utcnow()
    state = RemissionRepository(session, company_id).state(for_update=True)
    if state is None:
        return False
    after = lifted(backoff.stored(state.reason), state.aeat_wait_until, now)
    if after is None:
        return False
    state.next_allowed_at, reason = after
    state.reason = reason.value
    return True


def remit(
    db: Database,
    settings: Settings,
    company_id: str,
    *,
    now: datetime | None = None,
    client_for: ClientFactory | None = None,
    worker: str | None = None,
) -> Submission | None:
    """Send the company's next batch if one is due; the submission row, or None. `now` (tests)
    fixes the clock; else the claim and the answer each read it when they happen."""
    given, now = now, now or utcnow()
    if client_for is None:
        client_for = lambda company, settings: default_client(db, company, settings)  # noqa: E731
    batch = claim(db, settings, company_id, worker or worker_name(), now)
    if batch is None:
        return None
    outcome: SubmissionResult | AeatError
    with lease.Heartbeat(db, settings, company_id, batch.holder):
        try:
            with client_for(batch.company, settings) as client:
                outcome = client.submit(envelope(batch))
        except AeatError as exc:
            outcome = exc
        except Exception as exc:  # a bug or an OS error must not strand the batch under a lease
            log.exception("remission of %s failed", company_id)
            outcome = TransientError(f"{type(exc).__name__}: {exc}")
    # The moment the answer (or the fault) came: AEAT's wait runs from it, and a send that
    # took seconds shows in answered_at.
    now = given or utcnow()
    outcomes = (
        outcomes_of_answer(batch.records, batch.company.nif, outcome, now)
        if isinstance(outcome, SubmissionResult)
        else [unchanged(r, "pending") for r in batch.records]
    )
    # The records' outcomes a chunk per write transaction (as the claim marked them); the
    # submission and the company's state, with the last chunk, let the lease go.
    *leading, last = chunked(outcomes)
    for part in leading:
        with db.write_session() as session:
            if not _still_ours(session, batch):
                break
            _write_outcomes(session, batch, part)
            session.commit()
    with db.write_session() as session:
        if not _still_ours(session, batch):
            _late(session, batch, outcome)
        elif isinstance(outcome, SubmissionResult):
            _apply_answer(session, batch, outcome, now, last)
        else:
            _apply_failure(session, batch, outcome, now, last)
        submission = _submission(session, batch)
        session.commit()  # expire_on_commit=False: the row stays readable for the caller
        return submission


def remit_due(
    db: Database,
    settings: Settings,
    *,
    now: datetime | None = None,
    client_for: ClientFactory | None = None,
) -> int:
    """One pass over every company with work: how many submissions were made. Each claim reads
    the clock afresh (unless `now` is given): a lease dated at the start of a long pass would
    be over before it began."""
    made = 0
    for company_id in companies_waiting(db, now or utcnow()):
        if remit(db, settings, company_id, now=now, client_for=client_for) is not None:
            made += 1
    return made


def _announce(session: Session, record: VerifactuRecord) -> None:
    """verifactu.record.<status>, with the record as GET /v1/invoices/{id}/verifactu shows it."""
    if record.status in ("accepted", "accepted_with_errors", "rejected"):
        event = f"verifactu.record.{record.status}"
        emit(session, record.company_id, event, RecordOut.of(record), object_id=record.invoice_id)

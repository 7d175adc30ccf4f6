"""GET /v1/verifactu/status: a company's remission as its users see it, and why the next
attempt is when it is (`reason`, verifactu.backoff.Reason)."""

from datetime import datetime

from sqlalchemy.orm import Session

from talonario.kit.clock import utcnow
from talonario.records.remission_repository import RemissionRepository, SubmissionRepository
from talonario.records.repository import RecordRepository
from talonario.records.schemas import RemissionStatusOut
from talonario.verifactu import backoff
from talonario.verifactu.backoff import shown
from talonario.verifactu.xml import MAX_RECORDS


def status_of(session: Session, company_id: str, now: datetime | None = None) -> RemissionStatusOut:
    now = now or utcnow()
    pending = RecordRepository(session, company_id).waiting_count()
    state = RemissionRepository(session, company_id).state()
    last = None
    if state is not None and state.last_submission_id:
        last = SubmissionRepository(session, company_id).get(state.last_submission_id)
    reason = shown(
        backoff.stored(state.reason if state else None),
        state.next_allowed_at if state else None,
        pending=pending,
        batch_full=pending >= MAX_RECORDS,
        leased=bool(state and state.locked_until and state.locked_until > now),
        now=now,
    )
    return RemissionStatusOut.of(pending, state, last, reason)

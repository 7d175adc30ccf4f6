"""GET /v1/verifactu/status: a company's remission as its users see it, and why the next
attempt is when it is (`reason`, verifactu.backoff.Reason)."""

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from talonario.kit.clock import utcnow
from talonario.records.remission_repository import RemissionRepository, SubmissionRepository
from talonario.records.repository import RecordRepository
from talonario.verifactu import backoff
from talonario.verifactu.backoff import shown
from talonario.verifactu.xml import MAX_RECORDS


def status_of(session: Session, company_id: str, now: datetime | None = None) -> dict[str, Any]:
    now = now or utcnow()
    pending = RecordRepository(session, company_id).waiting_count()
    state = RemissionRepository(session, company_id).state()
    last = None
    if state is not None and state.last_submission_id:
        sub = SubmissionRepository(session, company_id).get(state.last_submission_id)
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
    reason = shown(
        backoff.stored(state.reason if state else None),
        state.next_allowed_at if state else None,
        pending=pending or 0,
        batch_full=(pending or 0) >= MAX_RECORDS,
        leased=bool(state and state.locked_until and state.locked_until > now),
        now=now,
    )
    return {
        "object": "verifactu_status",
        "pending": pending or 0,
        "last_submission": last,
        "next_submission_at": state.next_allowed_at if state else None,
        "reason": reason.value,
        "incident": {
            "open": bool(state and state.incident_open),
            "since": state.incident_since if state else None,
            "failures": state.failures if state else 0,
            "last_error": state.last_error if state else None,
        },
    }

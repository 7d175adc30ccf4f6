"""Idempotency-Key: the first answer to a POST is stored with the work it did, and replayed.

The record is written in the same transaction as the change, so a replay can never describe
work that was rolled back, and a crash never leaves work without its record.
"""

import hashlib
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.orm import Session

from talonario.auth.repository import IdempotencyRepository, any_expired, delete_expired
from talonario.config import Settings
from talonario.db import Database
from talonario.errors import IdempotencyMismatch, InvalidRequest
from talonario.kit.clock import utcnow
from talonario.models import IdempotencyRecord

# Expired records deleted per transaction: a backlog is cleared in short write transactions.
PURGE_BATCH = 500


@dataclass(frozen=True, slots=True)
class IdempotencyClaim:
    key: str
    request_hash: str


@dataclass(frozen=True, slots=True)
class StoredAnswer:
    status_code: int
    body: bytes


class Replay(Exception):
    def __init__(self, answer: StoredAnswer) -> None:
        self.answer = answer


def make_claim(key: str | None, method: str, path: str, body: bytes) -> IdempotencyClaim | None:
    if key is None:
        return None
    if not key or len(key) > 255:
        raise InvalidRequest(
            "Idempotency-Key must be 1 to 255 characters.", param="Idempotency-Key"
        )
    digest = hashlib.sha256(method.encode() + b" " + path.encode() + b"\n" + body).hexdigest()
    return IdempotencyClaim(key, digest)


def find(
    session: Session, company_id: str, claim: IdempotencyClaim, ttl: timedelta
) -> StoredAnswer | None:
    """The stored answer for this key, if still fresh; a different request under it is a 409."""
    row = IdempotencyRepository(session, company_id).stored(claim.key)
    if row is None or row.created_at < utcnow() - ttl:
        return None
    if row.request_hash != claim.request_hash:
        raise IdempotencyMismatch(
            "This Idempotency-Key was already used with a different request.",
            param="Idempotency-Key",
        )
    return StoredAnswer(row.status_code, row.response_body.encode())


def record(
    session: Session, company_id: str, claim: IdempotencyClaim, status: int, body: bytes
) -> None:
    repo = IdempotencyRepository(session, company_id)
    # An expired record under the same key gives way to the new one.
    repo.forget(claim.key)
    repo.add(
        IdempotencyRecord(
            company_id=company_id,
            key=claim.key,
            request_hash=claim.request_hash,
            status_code=status,
            response_body=body.decode(),
        )
    )


def purge_expired(db: Database, settings: Settings) -> int:
    """Worker job: delete up to PURGE_BATCH records past the TTL (they can no longer replay);
    how many. Looking costs one indexed read, so an idle pass never takes the write lock."""
    cutoff = utcnow() - timedelta(hours=settings.idempotency_ttl_hours)
    with db.read_session() as session:
        if not any_expired(session, cutoff):
            return 0
    with db.write_session() as session:
        deleted = delete_expired(session.connection(), cutoff, PURGE_BATCH)
        session.commit()
    return deleted

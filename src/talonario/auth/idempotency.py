"""Idempotency-Key: the first answer to a POST is stored with the work it did, and replayed.

The record is written in the same transaction as the change, so a replay can never describe
work that was rolled back, and a crash never leaves work without its record.
"""

import hashlib
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete
from sqlalchemy.orm import Session

from talonario.errors import IdempotencyMismatch, InvalidRequest
from talonario.kit.clock import utcnow
from talonario.models import IdempotencyRecord


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
    row = session.get(IdempotencyRecord, (company_id, claim.key))
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
    # An expired record under the same key gives way to the new one.
    session.execute(
        delete(IdempotencyRecord).where(
            IdempotencyRecord.company_id == company_id, IdempotencyRecord.key == claim.key
        )
    )
    session.add(
        IdempotencyRecord(
            company_id=company_id,
            key=claim.key,
            request_hash=claim.request_hash,
            status_code=status,
            response_body=body.decode(),
        )
    )

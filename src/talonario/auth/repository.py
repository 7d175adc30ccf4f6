"""The SQL of auth: API keys and Idempotency-Key records. A key is looked up by its hash before
its company is known, and the purge sweeps every company: those are plain functions saying so."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, select, tuple_
from sqlalchemy.orm import Session

from talonario.db.repository import Repository
from talonario.models import ApiKey, Company, IdempotencyRecord


class ApiKeyRepository(Repository[ApiKey]):
    model = ApiKey
    noun = "API key"

    def newest_first(self, limit: int, starting_after: str | None) -> tuple[Sequence[ApiKey], bool]:
        return self.page(self.select(), limit, starting_after)


def active_keys_by_hash(session: Session, key_hashes: Sequence[str]) -> list[Any]:
    """(key_hash, id, company_id, scopes, account_id) of those of `key_hashes` that are
    unrevoked keys. Spans companies: the key is what says which company calls."""
    return list(
        session.execute(
            select(
                ApiKey.key_hash, ApiKey.id, ApiKey.company_id, ApiKey.scopes, ApiKey.account_id
            ).where(ApiKey.key_hash.in_(key_hashes), ApiKey.revoked_at.is_(None))
        )
    )


def active_key_by_hash(session: Session, key_hash: str) -> Any:
    """The row active_keys_by_hash gives for one hash, or None."""
    found = active_keys_by_hash(session, [key_hash])
    return found[0] if found else None


def account_of_company(session: Session, company_id: str) -> str | None:
    """The account that owns a company, or None if there is no such company."""
    return session.scalar(select(Company.account_id).where(Company.id == company_id))


def company_of_account(session: Session, account_id: str, ref: str) -> str | None:
    """The id of the account's company whose id or external_id is `ref`, or None. Before the
    company is known, so it spans the account's companies (and never another account's)."""
    found = session.execute(
        select(Company.id).where(
            Company.account_id == account_id, (Company.id == ref) | (Company.external_id == ref)
        )
    ).first()
    return None if found is None else found[0]


class IdempotencyRepository(Repository[IdempotencyRecord]):
    """Records keyed by (company, Idempotency-Key): no id of their own."""

    model = IdempotencyRecord

    def stored(self, key: str) -> IdempotencyRecord | None:
        return self.session.get(IdempotencyRecord, (self.company_id, key))

    def forget(self, key: str) -> None:
        self.session.execute(self.delete().where(IdempotencyRecord.key == key))


def _expired(cutoff: datetime, batch: int) -> Any:
    return (
        select(IdempotencyRecord.company_id, IdempotencyRecord.key)
        .where(IdempotencyRecord.created_at < cutoff)
        .limit(batch)
    )


def any_expired(session: Session, cutoff: datetime) -> bool:
    """Whether a record of any company is older than `cutoff`. Spans companies: the worker's
    purge (one indexed read, so an idle pass never takes the write lock)."""
    return session.execute(_expired(cutoff, 1)).first() is not None


def delete_expired(conn: Connection, cutoff: datetime, batch: int) -> int:
    """Delete up to `batch` records of any company older than `cutoff`; how many. Spans
    companies: the worker's purge."""
    key = tuple_(IdempotencyRecord.company_id, IdempotencyRecord.key)
    return conn.execute(delete(IdempotencyRecord).where(key.in_(_expired(cutoff, batch)))).rowcount

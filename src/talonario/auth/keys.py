"""API keys: random secrets, stored as SHA-256 (they carry 256 bits, so a slow hash adds nothing).

Looking a key up happens on every request, so answers are cached per process for
`api_key_cache_seconds`; a revocation reaches other processes within that time. The keys in
use are checked again all at once, in one query every half of that time (KeyRevalidator), so
a request finds its key cached: with one entry expiring per key every 10 s, 200 companies'
keys sent one request in eight to the database, through a thread hop, to look its key up.
"""

import hashlib
import logging
import secrets
import threading
import time
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy.orm import Session

from talonario.auth.repository import (
    account_of_company,
    active_key_by_hash,
    active_keys_by_hash,
)
from talonario.auth.scopes import ALL, SCOPES, grants
from talonario.db import Database
from talonario.errors import InsufficientScope, InvalidRequest, NotFound
from talonario.models import ApiKey

log = logging.getLogger(__name__)
KEY_PREFIX = "tal_"
ACCOUNT_KEY_PREFIX = "tal_acct_"


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is calling: one key, with its scopes, acting for one company.

    A company key acts for its company. An account key (`tal_acct_…`) acts for its account,
    and for one of the account's companies when a request names it (`Talonario-Company`
    header or a `/v1/companies/{id}/…` path): `company_id` is then that company's."""

    api_key_id: str
    company_id: str | None
    scopes: frozenset[str]
    account_id: str = ""
    account_key: bool = False

    @classmethod
    def of(cls, row: Any) -> "Principal":
        """From an active key's row (auth/repository.active_keys_by_hash)."""
        return cls(
            row.id, row.company_id, frozenset(row.scopes), row.account_id, row.company_id is None
        )

    def acting_for(self, company_id: str) -> "Principal":
        return replace(self, company_id=company_id)

    @property
    def owner_id(self) -> str:
        """Whose Idempotency-Keys a request uses: its company's, or its account's when it
        acts for no company."""
        return self.company_id or self.account_id


def hash_key(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def new_secret(account_key: bool = False) -> str:
    return (ACCOUNT_KEY_PREFIX if account_key else KEY_PREFIX) + secrets.token_urlsafe(32)


def check_scopes(scopes: list[str]) -> list[str]:
    unknown = sorted(set(scopes) - SCOPES)
    if unknown:
        raise InvalidRequest(f"Unknown scope(s): {', '.join(unknown)}.", param="scopes")
    if not scopes:
        raise InvalidRequest("A key needs at least one scope.", param="scopes")
    return sorted(set(scopes))


def check_grantable(held: frozenset[str], wanted: list[str]) -> None:
    """A key can only create keys with scopes it holds itself: no escalation."""
    missing = sorted(s for s in set(wanted) if s != ALL and not grants(held, s))
    if ALL in wanted and ALL not in held:
        missing.insert(0, ALL)
    if missing:
        raise InsufficientScope(
            f"A key cannot grant scopes it does not hold: {', '.join(missing)}.", param="scopes"
        )


def issue_key(
    session: Session, company_id: str, scopes: list[str], name: str | None = None
) -> tuple[ApiKey, str]:
    """Create a key of a company (of its account); the secret is returned once, never stored."""
    account_id = account_of_company(session, company_id)
    if account_id is None:
        raise NotFound(f"No company '{company_id}'.", code="company_not_found")
    return _issue(session, account_id, company_id, scopes, name)


def issue_account_key(
    session: Session, account_id: str, scopes: list[str], name: str | None = None
) -> tuple[ApiKey, str]:
    """Create an account key (`tal_acct_…`): it manages the account's companies and may act
    for any of them."""
    return _issue(session, account_id, None, scopes, name)


def _issue(
    session: Session,
    account_id: str,
    company_id: str | None,
    scopes: list[str],
    name: str | None,
) -> tuple[ApiKey, str]:
    secret = new_secret(account_key=company_id is None)
    key = ApiKey(
        account_id=account_id,
        company_id=company_id,
        name=name,
        key_hash=hash_key(secret),
        prefix=secret[:12],
        last4=secret[-4:],
        scopes=check_scopes(scopes),
    )
    session.add(key)
    session.flush()
    return key, secret


class KeyCache:
    def __init__(self, ttl_seconds: float) -> None:
        self.ttl = ttl_seconds
        self._entries: dict[str, tuple[float, Principal | None]] = {}
        self._used: set[str] = set()  # valid keys asked for since the last revalidation
        self._lock = threading.Lock()
        # (account, company id) pairs seen: a company never changes account, so they stay.
        self._companies: set[tuple[str, str]] = set()

    def company_of(self, account_id: str, ref: str) -> str | None:
        """`ref` when it is the id of a company of the account seen before; None otherwise
        (unknown, or an external_id: those are always looked up)."""
        return ref if (account_id, ref) in self._companies else None

    def remember_company(self, account_id: str, company_id: str) -> None:
        with self._lock:
            if len(self._companies) > 100_000:
                self._companies.clear()
            self._companies.add((account_id, company_id))

    def get(self, key_hash: str) -> tuple[bool, Principal | None]:
        entry = self._entries.get(key_hash)
        if entry is None or entry[0] < time.monotonic():
            return False, None
        if entry[1] is not None:
            self._used.add(key_hash)
        return True, entry[1]

    def revalidate(self, session: Session) -> int:
        """Check the valid keys asked for since the last call against the database, in one
        query per 500: each still active stays cached `ttl` from now; a revoked one is cached
        as invalid. How many were checked. An entry dropped meanwhile (forget_key, on a
        revocation in this process) is not brought back."""
        with self._lock:
            used, self._used = self._used, set()
        hashes = [h for h in used if self._entries.get(h, (0.0, None))[1] is not None]
        for start in range(0, len(hashes), 500):
            chunk = hashes[start : start + 500]
            checked_at = time.monotonic()
            rows = active_keys_by_hash(session, chunk)
            active = {row.key_hash: Principal.of(row) for row in rows}
            with self._lock:
                for key_hash in chunk:
                    if key_hash in self._entries:
                        self._entries[key_hash] = (checked_at + self.ttl, active.get(key_hash))
        return len(hashes)

    def put(self, key_hash: str, principal: Principal | None) -> None:
        with self._lock:
            if len(self._entries) > 10_000:
                self._entries.clear()
            self._entries[key_hash] = (time.monotonic() + self.ttl, principal)

    def forget_key(self, api_key_id: str) -> None:
        with self._lock:
            for h, (_, p) in list(self._entries.items()):
                if p is not None and p.api_key_id == api_key_id:
                    del self._entries[h]


def lookup(session: Session, secret: str, cache: KeyCache) -> Principal | None:
    key_hash = hash_key(secret)
    hit, principal = cache.get(key_hash)
    if hit:
        return principal
    row = active_key_by_hash(session, key_hash)
    principal = Principal.of(row) if row else None
    cache.put(key_hash, principal)
    return principal


class KeyRevalidator:
    """A thread that revalidates `cache` every half of its time to live, so that the keys in
    use never expire while they stay valid (none when the cache is off)."""

    def __init__(self, cache: KeyCache, db: Database) -> None:
        self._cache, self._db = cache, db
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        if cache.ttl > 0:
            self._thread = threading.Thread(target=self._loop, name="key-revalidator", daemon=True)
            self._thread.start()

    def _loop(self) -> None:
        while not self._stop.wait(self._cache.ttl / 2):
            try:
                with self._db.read_session() as session:
                    self._cache.revalidate(session)
            except Exception:  # a request that misses looks its key up itself meanwhile
                log.exception("API key revalidation failed")

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)

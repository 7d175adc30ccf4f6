"""API keys: random secrets, stored as SHA-256 (they carry 256 bits, so a slow hash adds nothing).

Looking a key up happens on every request, so answers are cached per process for
`api_key_cache_seconds`; a revocation reaches other processes within that time.
"""

import hashlib
import secrets
import threading
import time
from dataclasses import dataclass

from sqlalchemy.orm import Session

from talonario.auth.repository import ApiKeyRepository, active_key_by_hash
from talonario.auth.scopes import ALL, SCOPES, grants
from talonario.errors import InsufficientScope, InvalidRequest
from talonario.models import ApiKey

KEY_PREFIX = "tal_"


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is calling: one key of one company, with its scopes."""

    api_key_id: str
    company_id: str
    scopes: frozenset[str]


def hash_key(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def new_secret() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(32)


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
    """Create a key; the secret is returned once and never stored."""
    secret = new_secret()
    key = ApiKey(
        company_id=company_id,
        name=name,
        key_hash=hash_key(secret),
        prefix=secret[:12],
        last4=secret[-4:],
        scopes=check_scopes(scopes),
    )
    ApiKeyRepository(session, company_id).add(key)
    session.flush()
    return key, secret


class KeyCache:
    def __init__(self, ttl_seconds: float) -> None:
        self.ttl = ttl_seconds
        self._entries: dict[str, tuple[float, Principal | None]] = {}
        self._lock = threading.Lock()

    def get(self, key_hash: str) -> tuple[bool, Principal | None]:
        entry = self._entries.get(key_hash)
        if entry is None or entry[0] < time.monotonic():
            return False, None
        return True, entry[1]

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
    principal = Principal(row.id, row.company_id, frozenset(row.scopes)) if row else None
    cache.put(key_hash, principal)
    return principal

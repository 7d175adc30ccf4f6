"""Who may use the sandbox's control API, and over which taxpayers.

Two credentials, both sent as `Authorization: Bearer <secret>` (a company key also as
`X-API-Key`, as the /v1 API takes it):

* the operator's control token sees every NIF and sets switches that hit every request. It is
  TALONARIO_SANDBOX_CONTROL_TOKEN when set; otherwise one generated once by `talonario serve`
  (sandbox on) or `talonario sandbox` and kept in the database as SHA-256, so every server
  process and worker on that database agrees on it without sharing memory. `talonario
  sandbox-token` replaces it.
* a company's API key sees its own company's NIF only: records, submissions, and switches
  scoped to that NIF. Reading needs `invoices:read`, changing `invoices:write`.

Anything else is 401; a NIF the caller may not see is 404 (as if nothing were there).
"""

import hmac
import secrets
import threading
import time
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from talonario.aeat_sandbox.models import SandboxControlToken
from talonario.auth.keys import KeyCache, hash_key, lookup
from talonario.auth.scopes import grants
from talonario.config import Settings
from talonario.db import Database
from talonario.db.repository import CompanyRepository
from talonario.models import Company

OPERATOR = "operator"
TOKEN_PREFIX = "sbx_"
_STORED_TTL = 10.0  # seconds a process trusts the stored token's hash before reading it again


class Refused(Exception):
    """The control request is answered `status` (401, 403 or 404) with `message`."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True, slots=True)
class Caller:
    """The operator (nif None: every taxpayer) or one company's key (its NIF only)."""

    nif: str | None
    scopes: frozenset[str] = frozenset()

    @property
    def is_operator(self) -> bool:
        return self.nif is None

    def require(self, scope: str) -> None:
        if not self.is_operator and not grants(self.scopes, scope):
            raise Refused(403, f"This API key lacks the '{scope}' scope.")

    def nif_for(self, asked: str | None) -> str:
        """The taxpayer a request is about: the one asked for, if the caller may see it; a
        company's own when it asks for none."""
        if self.nif is None:
            if not asked:
                raise Refused(400, "the query parameter `nif` is required")
            return asked
        if asked and asked != self.nif:
            raise Refused(404, f"nothing held for NIF {asked!r} that this key may see")
        return self.nif


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def ensure_token(db: Database, settings: Settings) -> str | None:
    """The operator token generated now, to be shown once; None when the setting names one or
    the database already holds one (another process made it first, or an earlier start)."""
    if settings.sandbox_control_token:
        return None
    with db.write_session() as session:
        if session.get(SandboxControlToken, OPERATOR) is not None:
            return None
        token = new_token()
        session.add(SandboxControlToken(name=OPERATOR, token_hash=hash_key(token)))
        try:
            session.commit()
        except IntegrityError:
            return None
    return token


def replace_token(db: Database) -> str:
    """A new stored operator token (the old one stops working within _STORED_TTL)."""
    token = new_token()
    with db.write_session() as session:
        stored = session.get(SandboxControlToken, OPERATOR)
        if stored is None:
            session.add(SandboxControlToken(name=OPERATOR, token_hash=hash_key(token)))
        else:
            stored.token_hash = hash_key(token)
        session.commit()
    return token


class Guard:
    """Turns a request's secret into a Caller, or Refused."""

    def __init__(self, settings: Settings, db: Database, keys: KeyCache | None = None) -> None:
        self.db = db
        configured = settings.sandbox_control_token
        self._configured = None if configured is None else hash_key(configured)
        # Mounted in the API, the API's own cache: a key revoked there stops here at once.
        self._keys = keys or KeyCache(settings.api_key_cache_seconds)
        self._stored: tuple[float, str | None] = (0.0, None)
        self._lock = threading.Lock()

    def caller(self, secret: str | None) -> Caller:
        """Runs in a worker thread: it may read the database."""
        if not secret:
            raise Refused(401, "No credential: send 'Authorization: Bearer <control token>'.")
        given = hash_key(secret)
        operator = self._operator_hash()
        # Both digests have one length: compare_digest takes the same time wherever they differ.
        if operator is not None and hmac.compare_digest(given, operator):
            return Caller(None)
        with self.db.read_session() as session:
            principal = lookup(session, secret, self._keys)
            company_id = None if principal is None else principal.company_id
            # An account key acts for no company here: it has no NIF of its own.
            nif = None if company_id is None else _company_nif(session, company_id)
        if principal is None or nif is None:
            raise Refused(401, "The credential is not the control token nor a valid API key.")
        return Caller(nif, principal.scopes)

    def _operator_hash(self) -> str | None:
        if self._configured is not None:
            return self._configured
        read_at, stored = self._stored
        if time.monotonic() - read_at < _STORED_TTL:
            return stored
        with self._lock, self.db.read_session() as session:
            stored = session.scalar(
                select(SandboxControlToken.token_hash).where(SandboxControlToken.name == OPERATOR)
            )
            self._stored = (time.monotonic(), stored)
        return stored


def _company_nif(session: Session, company_id: str) -> str | None:
    # A tenant row: read through its repository, the one column only.
    return session.scalar(CompanyRepository(session, company_id).select(Company.nif))

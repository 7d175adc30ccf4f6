"""The request boundary: who calls, what they may do, and the transaction they work in.

Endpoints receive a `Context`: its session opens on first use (a write session starts the
transaction that BEGIN IMMEDIATE guards on SQLite), and `respond()` serialises the answer,
stores it for the Idempotency-Key if one was sent, commits, and releases the session at once.
"""

from collections.abc import Iterator
from contextlib import ExitStack
from datetime import timedelta
from typing import Any

from fastapi import Depends, Request
from fastapi.responses import Response
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from talonario.auth import idempotency
from talonario.auth.idempotency import IdempotencyClaim, Replay
from talonario.auth.keys import Principal, lookup
from talonario.auth.scopes import grants
from talonario.errors import AuthenticationFailed, Conflict, InsufficientScope, RateLimited
from talonario.kit.jsonenc import dumps
from talonario.runtime import Runtime


def runtime_of(request: Request) -> Runtime:
    return request.app.state.runtime  # type: ignore[no-any-return]


class Context:
    def __init__(
        self,
        runtime: Runtime,
        principal: Principal,
        write: bool,
        claim: IdempotencyClaim | None = None,
    ) -> None:
        self.runtime = runtime
        self.principal = principal
        self.company_id = principal.company_id
        self.write = write
        self.claim = claim
        self._stack = ExitStack()
        self._session: Session | None = None

    @property
    def settings(self) -> Any:
        return self.runtime.settings

    @property
    def session(self) -> Session:
        if self._session is None:
            db = self.runtime.db
            opener = db.write_session() if self.write else db.read_session()
            self._session = self._stack.enter_context(opener)
        return self._session

    def respond(self, payload: Any, status: int = 200) -> Response:
        body = dumps(payload)
        if self.write and self._session is not None:
            if self.claim is not None:
                idempotency.record(self._session, self.company_id, self.claim, status, body)
            try:
                self._session.commit()
            except IntegrityError as exc:
                self._session.rollback()
                raise self._conflict_after(exc) from exc
        self.close()
        return Response(body, status_code=status, media_type="application/json")

    def no_content(self) -> Response:
        if self.write and self._session is not None:
            self._session.commit()
        self.close()
        return Response(status_code=204)

    def _conflict_after(self, exc: IntegrityError) -> Exception:
        """A commit refused by a constraint: a racing twin request with our key, or a real clash."""
        if self.claim is not None:
            ttl = timedelta(hours=self.settings.idempotency_ttl_hours)
            with self.runtime.db.read_session() as s:
                answer = idempotency.find(s, self.company_id, self.claim, ttl)
            if answer is not None:
                return Replay(answer)
        return Conflict("The change conflicts with an existing resource.")

    def close(self) -> None:
        self._session = None
        self._stack.close()


def _secret_from(request: Request) -> str | None:
    auth = request.headers.get("authorization")
    if auth:
        scheme, _, token = auth.partition(" ")
        if scheme.lower() == "bearer" and token.strip():
            return token.strip()
        raise AuthenticationFailed(
            "Authorization must be 'Bearer <api key>'.", param="Authorization"
        )
    return request.headers.get("x-api-key") or None


def authenticate(request: Request) -> Principal:
    runtime = runtime_of(request)
    secret = _secret_from(request)
    if secret is None:
        raise AuthenticationFailed(
            "No API key: send 'Authorization: Bearer <key>' or 'X-API-Key: <key>'.",
            code="missing_api_key",
        )
    with runtime.db.read_session() as session:
        principal = lookup(session, secret, runtime.keys)
    if principal is None:
        raise AuthenticationFailed("The API key is not valid or has been revoked.")
    limiter = runtime.limiter
    if limiter.enabled:
        decision = limiter.hit(principal.api_key_id)
        request.state.rate_headers = decision.headers()
        if not decision.allowed:
            raise RateLimited(
                f"Too many requests: the limit is {decision.limit} per minute for this key.",
                headers={"Retry-After": str(decision.reset_seconds)},
            )
    return principal


async def idempotency_claim(request: Request) -> IdempotencyClaim | None:
    key = request.headers.get("idempotency-key")
    if key is None or request.method != "POST":
        return None
    return idempotency.make_claim(key, request.method, request.url.path, await request.body())


def _require(principal: Principal, scope: str) -> None:
    if not grants(principal.scopes, scope):
        raise InsufficientScope(f"This API key lacks the '{scope}' scope.")


def reader(scope: str) -> Any:
    """Dependency: a read-only context for a key holding `scope`."""

    def dependency(
        request: Request, principal: Principal = Depends(authenticate)
    ) -> Iterator[Context]:
        _require(principal, scope)
        ctx = Context(runtime_of(request), principal, write=False)
        try:
            yield ctx
        finally:
            ctx.close()

    return Depends(dependency, scope="function")


def writer(scope: str) -> Any:
    """Dependency: a writing context; a POST repeated under its Idempotency-Key is replayed."""

    def dependency(
        request: Request,
        principal: Principal = Depends(authenticate),
        claim: IdempotencyClaim | None = Depends(idempotency_claim),
    ) -> Iterator[Context]:
        _require(principal, scope)
        runtime = runtime_of(request)
        if claim is not None:
            ttl = timedelta(hours=runtime.settings.idempotency_ttl_hours)
            with runtime.db.read_session() as s:
                answer = idempotency.find(s, principal.company_id, claim, ttl)
            if answer is not None:
                raise Replay(answer)
        ctx = Context(runtime, principal, write=True, claim=claim)
        try:
            yield ctx
        finally:
            ctx.close()

    return Depends(dependency, scope="function")

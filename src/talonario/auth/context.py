"""The request boundary: who calls, what they may do, and the transaction they work in.

Endpoints receive a `Context`: its transaction (db/boundary.py) opens on first use, and
`respond()` serialises the answer, stores it for the Idempotency-Key if one was sent, commits,
and releases the session at once.
An endpoint that returns without `respond()` still commits (the boundary does it on a normal
return) and one that raises rolls back: no write depends on remembering a call.
The hot writes (creating and issuing invoices) instead hand their write phase to the process's
group commit with `write_and_respond()`.
"""

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractContextManager
from datetime import timedelta
from typing import Any, Literal, Protocol, TypeVar

from fastapi import Depends, Request
from fastapi.responses import Response
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from talonario.auth import idempotency
from talonario.auth.idempotency import IdempotencyClaim, Replay, StoredAnswer
from talonario.auth.keys import KeyCache, Principal, hash_key, lookup
from talonario.auth.ratelimit import RateLimiter
from talonario.auth.repository import company_of_account
from talonario.auth.scopes import grants
from talonario.config import Settings
from talonario.db import Database
from talonario.db.boundary import Transaction
from talonario.db.group_commit import GroupCommit
from talonario.db.repository import CompanyNotFound
from talonario.errors import (
    AuthenticationFailed,
    Conflict,
    InsufficientScope,
    MalformedRequest,
    RateLimited,
)
from talonario.kit.jsonenc import dumps

T = TypeVar("T")


class Runtime(Protocol):
    """What the process shares between requests, as this boundary uses it (talonario/runtime.py
    builds it; a protocol so that auth does not import the module that assembles it)."""

    settings: Settings
    db: Database
    writes: GroupCommit
    keys: KeyCache
    limiter: RateLimiter


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
        # Set for every company-scoped context (reader, writer, company_reader/_writer); only
        # an account key's own requests (account_reader/_writer) may have none.
        self.company_id: str = principal.company_id  # type: ignore[assignment]
        self.owner_id = principal.owner_id
        self.write = write
        self.claim = claim
        self.tx = Transaction(runtime.db, write)

    @property
    def settings(self) -> Any:
        return self.runtime.settings

    @property
    def session(self) -> Session:
        return self.tx.session

    def respond(self, payload: Any, status: int = 200) -> Response:
        body = dumps(payload)
        if self.tx.has_writes and self.claim is not None:
            idempotency.record(self.tx.session, self.owner_id, self.claim, status, body)
        self.commit()
        return Response(body, status_code=status, media_type="application/json")

    def write_and_respond(
        self,
        unit: Callable[[Session], T],
        present: Callable[[T], Any],
        status: int = 200,
        conflict: Callable[[IntegrityError], Exception] | None = None,
    ) -> Response:
        """Run `unit` through the group commit (db/group_commit.py), then answer `present` of
        its result. An Idempotency-Key's answer must be stored with the work, so it is built in
        the transaction; without one it is built after the commit, outside the shared lock.
        Rows may be written at the commit: `conflict` says what a constraint refusing them
        means."""
        assert self.write and not self.tx.is_open, "one transaction per request"
        claim, company_id = self.claim, self.company_id

        def work(session: Session) -> tuple[T, bytes | None]:
            result = unit(session)
            if claim is None:
                return result, None
            body = dumps(present(result))
            idempotency.record(session, company_id, claim, status, body)
            return result, body

        try:
            result, body = self.runtime.writes.run(work, company_id)
        except IntegrityError as exc:
            raise self._conflict_after(exc, conflict) from exc
        if body is None:
            body = dumps(present(result))
        return Response(body, status_code=status, media_type="application/json")

    def commit(self) -> None:
        """Commit what the endpoint wrote and release the session: respond() after keeping the
        answer for an Idempotency-Key, the boundary itself when an endpoint returned without
        respond() (its answer is then not kept)."""
        try:
            self.tx.commit()
        except IntegrityError as exc:
            raise self._conflict_after(exc) from exc

    def no_content(self) -> Response:
        self.commit()
        return Response(status_code=204)

    def _conflict_after(
        self,
        exc: IntegrityError,
        conflict: Callable[[IntegrityError], Exception] | None = None,
    ) -> Exception:
        """A commit refused by a constraint: a racing twin request with our key, or a real clash."""
        if self.claim is not None:
            ttl = timedelta(hours=self.settings.idempotency_ttl_hours)
            with self.runtime.db.read_session() as s:
                answer = idempotency.find(s, self.owner_id, self.claim, ttl)
            if answer is not None:
                return Replay(answer)
        if conflict is not None:
            return conflict(exc)
        return Conflict("The change conflicts with an existing resource.")

    @property
    def is_open(self) -> bool:
        return self.tx.is_open

    def reading(self) -> AbstractContextManager[Session]:
        """A read-only session beside the write one: work prepared here holds no write lock."""
        return self.tx.reading()

    def close(self) -> None:
        self.tx.close()


def secret_from(request: Request) -> str | None:
    """The secret of `Authorization: Bearer` or `X-API-Key` (also the sandbox control's)."""
    auth = request.headers.get("authorization")
    if auth:
        scheme, _, token = auth.partition(" ")
        if scheme.lower() == "bearer" and token.strip():
            return token.strip()
        raise AuthenticationFailed(
            "Authorization must be 'Bearer <api key>'.", param="Authorization"
        )
    return request.headers.get("x-api-key") or None


COMPANY_HEADER = "Talonario-Company"


class CompanyRequired(MalformedRequest):
    code = "company_required"


async def acting_for(runtime: Runtime, principal: Principal, ref: str, param: str) -> Principal:
    """The principal acting for the company `ref` names (its id or external_id): any company
    of an account key's account; only its own for a company key. Anything else is 404, so a
    key never learns whether another tenant's company exists."""
    if ref == principal.company_id and not principal.account_key:
        return principal
    company_id = runtime.keys.company_of(principal.account_id, ref)
    if company_id is None:
        company_id = await run_in_threadpool(_company_of, runtime, principal.account_id, ref)
    if company_id is None or (not principal.account_key and company_id != principal.company_id):
        raise CompanyNotFound(f"No company '{ref}'.", param=param)
    return principal.acting_for(company_id)


def _company_of(runtime: Runtime, account_id: str, ref: str) -> str | None:
    with runtime.db.read_session() as session:
        company_id = company_of_account(session, account_id, ref)
    if company_id == ref:
        # Only ids are cached: an external_id may move to another company of the account.
        runtime.keys.remember_company(account_id, company_id)
    return company_id


async def authenticate(request: Request) -> Principal:
    """Runs on the event loop: a cached key and the in-memory limiter cost no thread hop; the
    database and Redis are only reached from the thread pool."""
    runtime = runtime_of(request)
    secret = secret_from(request)
    if secret is None:
        raise AuthenticationFailed(
            "No API key: send 'Authorization: Bearer <key>' or 'X-API-Key: <key>'.",
            code="missing_api_key",
        )
    hit, principal = runtime.keys.get(hash_key(secret))
    if not hit:
        principal = await run_in_threadpool(_lookup, runtime, secret)
    if principal is None:
        raise AuthenticationFailed("The API key is not valid or has been revoked.")
    named = request.headers.get(COMPANY_HEADER)
    if named is not None:
        principal = await acting_for(runtime, principal, named.strip(), COMPANY_HEADER)
    limiter = runtime.limiter
    if limiter.enabled:
        if limiter.is_remote:
            decision = await run_in_threadpool(limiter.hit, principal.api_key_id)
        else:
            decision = limiter.hit(principal.api_key_id)
        request.state.rate_headers = decision.headers()
        if not decision.allowed:
            raise RateLimited(
                f"Too many requests: the limit is {decision.limit} per minute for this key.",
                headers={"Retry-After": str(decision.reset_seconds)},
            )
    return principal


def _lookup(runtime: Runtime, secret: str) -> Principal | None:
    with runtime.db.read_session() as session:
        return lookup(session, secret, runtime.keys)


async def idempotency_claim(request: Request) -> IdempotencyClaim | None:
    key = request.headers.get("idempotency-key")
    if key is None or request.method != "POST":
        return None
    return idempotency.make_claim(key, request.method, request.url.path, await request.body())


def _require(principal: Principal, scope: str) -> None:
    if not grants(principal.scopes, scope):
        raise InsufficientScope(f"This API key lacks the '{scope}' scope.")


# Who a request acts for: the key's company ("company"), the account itself ("account", an
# account key's own requests: /v1/companies), or the company of the path ("path":
# /v1/companies/{company_id}/...).
Acting = Literal["company", "account", "path"]


async def _acting(request: Request, principal: Principal, acting: Acting) -> Principal:
    if acting == "path":
        return await acting_for(
            runtime_of(request), principal, request.path_params["company_id"], "company_id"
        )
    if acting == "company" and principal.company_id is None:
        raise CompanyRequired(
            "This is an account key: name the company it acts for with the"
            f" '{COMPANY_HEADER}: <company id or external_id>' header.",
            param="Talonario-Company",
        )
    return principal


async def _release(ctx: Context) -> None:
    # Normally `respond()` already closed the session in the endpoint's thread; this is the
    # error path, where a rollback must not block the event loop.
    if ctx.is_open:
        await run_in_threadpool(ctx.close)


def _reader(scope: str, acting: Acting) -> Any:
    async def dependency(
        request: Request, principal: Principal = Depends(authenticate)
    ) -> AsyncIterator[Context]:
        principal = await _acting(request, principal, acting)
        _require(principal, scope)
        ctx = Context(runtime_of(request), principal, write=False)
        try:
            yield ctx
        finally:
            await _release(ctx)

    return Depends(dependency, scope="function")


def _writer(scope: str, acting: Acting) -> Any:
    async def dependency(
        request: Request,
        principal: Principal = Depends(authenticate),
        claim: IdempotencyClaim | None = Depends(idempotency_claim),
    ) -> AsyncIterator[Context]:
        principal = await _acting(request, principal, acting)
        _require(principal, scope)
        runtime = runtime_of(request)
        if claim is not None:
            answer = await run_in_threadpool(_stored_answer, runtime, principal, claim)
            if answer is not None:
                raise Replay(answer)
        ctx = Context(runtime, principal, write=True, claim=claim)
        try:
            yield ctx
        except BaseException:
            await _release(ctx)  # the endpoint failed: nothing it wrote stays
            raise
        if ctx.is_open:
            # It returned without respond(): what it wrote commits all the same, before the
            # answer leaves (a "function" scope), so a forgotten call cannot lose a write.
            await run_in_threadpool(ctx.commit)

    return Depends(dependency, scope="function")


def reader(scope: str) -> Any:
    """Dependency: a read-only context for a key holding `scope`, acting for a company."""
    return _reader(scope, "company")


def writer(scope: str) -> Any:
    """Dependency: a writing context; a POST repeated under its Idempotency-Key is replayed."""
    return _writer(scope, "company")


def account_reader(scope: str) -> Any:
    """Dependency: a read-only context that may act for no company (an account key's own
    requests); `ctx.company_id` is the company's when it acts for one."""
    return _reader(scope, "account")


def account_writer(scope: str) -> Any:
    """Dependency: account_reader's writing twin; Idempotency-Keys are kept per account."""
    return _writer(scope, "account")


def company_reader(scope: str) -> Any:
    """Dependency: a read-only context for the company named by the path's `company_id` (its
    id or external_id); 404 when the caller may not see that company."""
    return _reader(scope, "path")


def company_writer(scope: str) -> Any:
    """Dependency: company_reader's writing twin."""
    return _writer(scope, "path")


def _stored_answer(
    runtime: Runtime, principal: Principal, claim: IdempotencyClaim
) -> StoredAnswer | None:
    ttl = timedelta(hours=runtime.settings.idempotency_ttl_hours)
    with runtime.db.read_session() as s:
        return idempotency.find(s, principal.owner_id, claim, ttl)

"""create_app(): routers, error handlers, middleware and the process runtime."""

import logging
import re
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from talonario import __version__
from talonario.accounts.endpoints import router as companies_router
from talonario.aeat_sandbox import create_sandbox_app
from talonario.auth.endpoints import router as api_keys_router
from talonario.auth.idempotency import Replay
from talonario.clients.endpoints import router as clients_router
from talonario.companies.endpoints import router as company_router
from talonario.config import Settings, get_settings
from talonario.documents.endpoints import public_router as documents_public_router
from talonario.documents.endpoints import router as documents_router
from talonario.errors import (
    ERROR_RESPONSES,
    AppError,
    InternalError,
    InvalidRequest,
    MalformedRequest,
    NotFound,
)
from talonario.events.endpoints import router as events_router
from talonario.gateway.endpoints import router as gateway_router
from talonario.installations.endpoints import router as installations_router
from talonario.invoices.activity_endpoints import router as invoice_activity_router
from talonario.invoices.endpoints import router as invoices_router
from talonario.invoices.record_endpoints import router as invoice_records_router
from talonario.kit import links
from talonario.kit.collector import tune_gc
from talonario.kit.jsonenc import dumps
from talonario.kit.operation_ids import operation_id
from talonario.payments.endpoints import router as payments_router
from talonario.products.endpoints import router as products_router
from talonario.quotes.endpoints import public_router as quotes_public_router
from talonario.quotes.endpoints import router as quotes_router
from talonario.records.endpoints import router as verifactu_router
from talonario.recurring.endpoints import router as recurring_router
from talonario.reminders.endpoints import router as reminders_router
from talonario.reports.endpoints import router as reports_router
from talonario.runtime import Runtime
from talonario.series.endpoints import router as series_router
from talonario.system.endpoints import router as system_router
from talonario.taxids.endpoints import router as tax_ids_router
from talonario.verifactu.client import SANDBOX_PREFIX
from talonario.webhooks.endpoints import router as webhooks_router
from talonario.webhooks.feed_endpoints import router as event_feed_router

log = logging.getLogger("talonario")


class RequestIdMiddleware:
    """Every response carries X-Request-Id, and the rate-limit headers when a key was checked."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = "req_" + uuid.uuid4().hex
        state = scope.setdefault("state", {})
        state["request_id"] = request_id

        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", []))
                headers.append((b"x-request-id", request_id.encode()))
                for name, value in state.get("rate_headers", {}).items():
                    headers.append((name.lower().encode(), value.encode()))
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            # Answered here, inside this middleware, so even a 500 carries X-Request-Id.
            log.exception("unhandled error on %s %s", scope.get("method"), scope.get("path"))
            if started:
                raise
            body = dumps(InternalError("An internal error occurred.").body(request_id))
            await send_with_headers(
                {
                    "type": "http.response.start",
                    "status": 500,
                    "headers": [(b"content-type", b"application/json")],
                }
            )
            await send({"type": "http.response.body", "body": body})


class BodyTooLarge(AppError):
    status = 413
    code = "body_too_large"


# The mounted AEAT sandbox takes what AEAT does: a submission of 1,000 records runs to several
# MiB, past the API's limit, so its SOAP bodies have a bound of their own.
SOAP_MAX_BODY_BYTES = 16 * 1024 * 1024


class BodyLimitMiddleware:
    """Refuse a request body over the limit with a 413, as soon as it is known to be over: at
    once from its Content-Length, or when a chunked body's running count passes it. The body is
    passed on chunk by chunk, never gathered here."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    def _limit(self, scope: Scope) -> int:
        path: str = scope.get("path", "")
        if path == SANDBOX_PREFIX or path.startswith(SANDBOX_PREFIX + "/"):
            return max(self.max_bytes, SOAP_MAX_BODY_BYTES)
        return self.max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self._limit(scope)
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > limit:
            await self._refuse(scope, send, limit)
            return
        received = 0
        refused = started = False

        async def counted() -> Message:
            nonlocal received, refused
            message = await receive()
            if message["type"] == "http.request" and not refused:
                received += len(message.get("body", b""))
                if received > limit:
                    refused = True
                    if not started:
                        await self._refuse(scope, send, limit)
                    # The app stops reading as if the client had gone; its answer is dropped.
                    return {"type": "http.disconnect"}
            return message

        async def guarded(message: Message) -> None:
            nonlocal started
            if refused:
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, guarded)
        except Exception:
            if not refused:
                raise

    async def _refuse(self, scope: Scope, send: Send, limit: int) -> None:
        error = BodyTooLarge(
            f"The request body is larger than the {limit} bytes this server accepts."
        )
        body = dumps(error.body(scope.get("state", {}).get("request_id", "")))
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            (b"connection", b"close"),  # the rest of the body is not read
        ]
        await send({"type": "http.response.start", "status": error.status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def _request_id(request: Request) -> str:
    return getattr(request.state, "request_id", "")


def _error_response(request: Request, error: AppError) -> Response:
    return Response(
        dumps(error.body(_request_id(request))),
        status_code=error.status,
        media_type="application/json",
        headers=error.headers,
    )


# Pydantic puts union members and validator labels in `loc` (ClientInline, function-after[…]);
# the public `param` is the path of fields and list indexes only.
_FIELD = re.compile(r"^([a-z_][a-z0-9_]*(\[[a-z]+\])?|\d+)$")


def _param_from_loc(loc: tuple[Any, ...]) -> str | None:
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("body", "query", "path", "header"):
        parts = parts[1:]
    return ".".join(p for p in parts if _FIELD.match(p)) or None


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(AppError)
    async def app_error(request: Request, exc: AppError) -> Response:
        return _error_response(request, exc)

    @app.exception_handler(Replay)
    async def replay(request: Request, exc: Replay) -> Response:
        return Response(
            exc.answer.body,
            status_code=exc.answer.status_code,
            media_type="application/json",
            headers={"Idempotent-Replayed": "true"},
        )

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        errors = exc.errors()
        first = errors[0] if errors else {"loc": (), "msg": "Invalid request."}
        if first.get("type") == "json_invalid":
            return _error_response(request, MalformedRequest("The body is not valid JSON."))
        param = _param_from_loc(tuple(first.get("loc", ())))
        message = str(first.get("msg", "Invalid value."))
        if param:
            message = f"{param}: {message}"
        if len(errors) > 1:
            message += f" (and {len(errors) - 1} more error(s))"
        return _error_response(request, InvalidRequest(message, param=param))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            return _error_response(request, NotFound("No such endpoint.", code="unknown_endpoint"))
        error = MalformedRequest(str(exc.detail), code=f"http_{exc.status_code}")
        error.status = exc.status_code  # type: ignore[misc]
        return _error_response(request, error)


def create_app(settings: Settings | None = None, runtime: Runtime | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        runtime: Runtime = app.state.runtime
        tune_gc()
        yield
        runtime.close()

    app = FastAPI(
        title="Talonario",
        version=__version__,
        summary="Invoicing API for Spain: a VERI*FACTU billing system.",
        lifespan=lifespan,
        generate_unique_id_function=operation_id,
    )
    app.state.runtime = runtime or Runtime.from_settings(settings)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(RequestIdMiddleware)  # outermost: the 413 carries X-Request-Id too
    install_error_handlers(app)
    links.install(app)

    @app.get("/health", tags=["health"])
    def health() -> dict[str, str]:
        """Liveness: the process answers."""
        return {"status": "ok", "version": __version__}

    for router in (
        company_router,
        companies_router,
        api_keys_router,
        clients_router,
        products_router,
        series_router,
        invoices_router,
        documents_router,
        reminders_router,
        recurring_router,
        quotes_router,
        installations_router,
        payments_router,
        invoice_records_router,
        invoice_activity_router,
        reports_router,
        gateway_router,
        verifactu_router,
        events_router,
        webhooks_router,
        event_feed_router,
        system_router,
        tax_ids_router,
    ):
        app.include_router(router, prefix="/v1", responses=ERROR_RESPONSES)
    app.include_router(documents_public_router)
    app.include_router(quotes_public_router)
    runtime = app.state.runtime
    if runtime.settings.sandbox == "on":
        # Only on request (TALONARIO_SANDBOX, `serve --demo`): a production server must not
        # answer as AEAT nor expose its control API. SANDBOX_PREFIX lives in verifactu/client.py.
        app.mount(
            SANDBOX_PREFIX, create_sandbox_app(runtime.settings, runtime.db, keys=runtime.keys)
        )
    return app

"""The sandbox as an ASGI app: AEAT's SOAP endpoint plus a small JSON control API.

    POST /VerifactuSOAP (or /)   RegFactuSistemaFacturacion, ConsultaFactuSistemaFacturacion
    POST /RequerimientoSOAP      RegFactuSistemaFacturacion under an AEAT requirement
    POST /VNifV2SOAP, /checkVatService   AEAT's NIF census and VIES (census.py)
    GET  /health
    POST /control/faults         switch a fault on (faults.FaultSpec); GET lists; DELETE clears
    GET  /control/records?nif=   what the sandbox holds for a taxpayer; DELETE forgets it
    GET  /control/submissions?nif=   the submissions received, with their per-record verdicts

SOAP is open to anyone who reaches it, as AEAT's protocol is (AEAT identifies the caller by
its TLS certificate, which `talonario sandbox --ssl-ca-certs` can require): the sandbox holds
test data only. The control API needs a credential (control.py): the operator's control token
sees every taxpayer; a company's API key only its own NIF, and the faults it sets hit only
requests from that NIF. `talonario serve` mounts all this at /aeat-sandbox only with
TALONARIO_SANDBOX=on (what `serve --demo` turns on).
"""

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from lxml import etree
from pydantic import ValidationError
from sqlalchemy import delete, select
from sqlalchemy.exc import SQLAlchemyError
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from talonario.aeat_sandbox import census, faults, service
from talonario.aeat_sandbox import requirement as requirements
from talonario.aeat_sandbox.codes import Code
from talonario.aeat_sandbox.control import Caller, Guard, Refused
from talonario.aeat_sandbox.models import (
    SandboxChainHead,
    SandboxInvoice,
    SandboxRecord,
    SandboxSubmission,
)
from talonario.aeat_sandbox.protocol import (
    Operation,
    RequestFault,
    fault_envelope,
    read_request,
)
from talonario.aeat_sandbox.protocol import Request as SoapRequest
from talonario.aeat_sandbox.store import store_of
from talonario.auth.context import secret_from
from talonario.auth.keys import KeyCache
from talonario.config import Settings
from talonario.db import Database
from talonario.errors import AuthenticationFailed
from talonario.verifactu import formats

log = logging.getLogger("talonario.aeat_sandbox")
SOAP_PATH = "/VerifactuSOAP"
_XML = "text/xml; charset=utf-8"


class Sandbox:
    def __init__(
        self,
        settings: Settings,
        db: Database,
        query_page_size: int = 10000,
        keys: KeyCache | None = None,
    ) -> None:
        self.settings = settings
        self.db = db
        self.store = store_of(db)  # what it is sent, and its fault switches (store.py)
        self.query_page_size = query_page_size
        self.guard = Guard(settings, db, keys)

    async def caller(self, request: Request) -> Caller:
        try:
            secret = secret_from(request)
        except AuthenticationFailed as exc:
            raise Refused(401, exc.message) from None
        return await run_in_threadpool(self.guard.caller, secret)

    async def soap(self, request: Request) -> Response:
        raw = await request.body()
        response, delay = await run_in_threadpool(self.answer, raw)
        if delay:
            await asyncio.sleep(delay)
        return response

    async def requirement_soap(self, request: Request) -> Response:
        raw = await request.body()
        response, delay = await run_in_threadpool(self.answer, raw, True)
        if delay:
            await asyncio.sleep(delay)
        return response

    def answer(self, raw: bytes, requirement: bool = False) -> tuple[Response, float]:
        """The answer and how long to hold it back. Records are stored before the delay, as when
        AEAT's answer is lost on the way back. A switch replaces the answer even to an invalid
        request; one scoped to a NIF needs a request whose Cabecera names it. `requirement`:
        sent to the requirement endpoint (requirement.py), not the VERI*FACTU one."""
        try:
            parsed: SoapRequest | RequestFault = read_request(raw)
        except RequestFault as fault:
            parsed = fault
        nif = None if isinstance(parsed, RequestFault) else _header_nif(parsed.body)
        with self.store.write_session() as session:
            switched = faults.take_request_fault(session, nif)
            delay = faults.take_delay(session, nif)
            session.commit()
        if switched is not None:
            return _switched(switched), delay
        try:
            if isinstance(parsed, RequestFault):
                raise parsed
            if parsed.operation is Operation.SUBMIT:
                requirements.check_header(parsed.body, requirement=requirement)
            elif requirement:
                raise RequestFault(Code.SCHEMA, "el servicio de requerimiento no admite consultas")
            if parsed.operation is Operation.SUBMIT and requirement:
                wait = self.settings.sandbox_wait_seconds
                body = requirements.answer(parsed.body, wait_seconds=wait)
            elif parsed.operation is Operation.SUBMIT:
                body = self._submit(parsed.body, raw)
            else:
                with self.store.read_session() as session:
                    body = service.query(session, parsed.body, page_size=self.query_page_size)
        except RequestFault as fault:
            return _fault(fault), delay
        except SQLAlchemyError:
            # E.g. two submissions racing for one invoice: AEAT's answer is "retry later".
            log.exception("sandbox database error")
            return _fault(RequestFault(Code.DATABASE, server=True)), delay
        return Response(body, media_type=_XML), delay

    def _submit(self, document: etree._Element, raw: bytes) -> bytes:
        """Judged reading only, then stored in a short write (service.py says why)."""
        wait = self.settings.sandbox_wait_seconds
        with self.store.read_session() as session:
            judged = service.judge(session, document, raw, wait_seconds=wait, locked=False)
        with self.store.write_session() as session:
            if judged is None or not service.is_current(session, judged):
                judged = service.judge(session, document, raw, wait_seconds=wait, locked=True)
                assert judged is not None
            body = service.store(session, judged)
            session.commit()
        return body

    def add_fault(self, spec: faults.FaultSpec) -> dict[str, Any]:
        with self.store.write_session() as session:
            fault = faults.add(session, spec)
            session.commit()
            return faults.FaultOut.of(fault).model_dump()

    def list_faults(self, nif: str | None) -> list[dict[str, Any]]:
        with self.store.read_session() as session:
            return [faults.FaultOut.of(f).model_dump() for f in faults.listed(session, nif)]

    def clear_faults(self, nif: str | None) -> int:
        with self.store.write_session() as session:
            count = faults.clear(session, nif)
            session.commit()
            return count

    def records(self, nif: str, number: str | None) -> list[dict[str, Any]]:
        with self.store.read_session() as session:
            statement = select(SandboxInvoice).where(SandboxInvoice.issuer_nif == nif)
            if number is not None:
                statement = statement.where(SandboxInvoice.number == number)
            return [_invoice(i) for i in session.scalars(statement.order_by(SandboxInvoice.id))]

    def submissions(self, nif: str) -> list[dict[str, Any]]:
        with self.store.read_session() as session:
            found = session.scalars(
                select(SandboxSubmission)
                .where(SandboxSubmission.nif == nif)
                .order_by(SandboxSubmission.received_at, SandboxSubmission.id)
            ).all()
            lines = session.scalars(
                select(SandboxRecord)
                .where(SandboxRecord.submission_id.in_([s.id for s in found]))
                .order_by(SandboxRecord.position)
            ).all()
            return [_submission(s, [r for r in lines if r.submission_id == s.id]) for s in found]

    def forget(self, nif: str) -> None:
        with self.store.write_session() as session:
            ids = select(SandboxSubmission.id).where(SandboxSubmission.nif == nif)
            session.execute(delete(SandboxRecord).where(SandboxRecord.submission_id.in_(ids)))
            session.execute(delete(SandboxRecord).where(SandboxRecord.issuer_nif == nif))
            session.execute(delete(SandboxSubmission).where(SandboxSubmission.nif == nif))
            session.execute(delete(SandboxInvoice).where(SandboxInvoice.issuer_nif == nif))
            session.execute(delete(SandboxChainHead).where(SandboxChainHead.issuer_nif == nif))
            session.commit()


def create_sandbox_app(
    settings: Settings,
    db: Database,
    *,
    query_page_size: int = 10000,
    keys: KeyCache | None = None,
) -> Starlette:
    """The AEAT sandbox over `db` (its `aeat_sandbox_` tables: store.py says where), answering
    TiempoEsperaEnvio = settings.sandbox_wait_seconds. `query_page_size` is AEAT's 10 000
    records per Consulta answer; tests lower it to see paging."""
    sandbox = Sandbox(settings, db, query_page_size, keys)

    async def health(request: Request) -> Response:
        return JSONResponse({"status": "ok", "service": "aeat-sandbox"})

    # A company's key works on its own NIF: it lists and clears its own switches, and the
    # switches it sets are scoped to its NIF. The operator's are every switch.
    async def fault_switches(request: Request, caller: Caller) -> Response:
        if request.method == "GET":
            caller.require("invoices:read")
            return JSONResponse({"data": await run_in_threadpool(sandbox.list_faults, caller.nif)})
        caller.require("invoices:write")
        if request.method == "DELETE":
            deleted = await run_in_threadpool(sandbox.clear_faults, caller.nif)
            return JSONResponse({"deleted": deleted})
        try:
            spec = faults.FaultSpec.model_validate_json(await request.body())
        except ValidationError as exc:
            return _bad_request(exc.errors(include_url=False, include_context=False))
        if not caller.is_operator:
            spec = spec.model_copy(update={"nif": caller.nif_for(spec.nif)})
        return JSONResponse(await run_in_threadpool(sandbox.add_fault, spec), status_code=201)

    async def records(request: Request, caller: Caller) -> Response:
        caller.require("invoices:read" if request.method == "GET" else "invoices:write")
        nif = caller.nif_for(request.query_params.get("nif"))
        if request.method == "DELETE":
            await run_in_threadpool(sandbox.forget, nif)
            return Response(status_code=204)
        number = request.query_params.get("number")
        return JSONResponse({"data": await run_in_threadpool(sandbox.records, nif, number)})

    async def submissions(request: Request, caller: Caller) -> Response:
        caller.require("invoices:read")
        nif = caller.nif_for(request.query_params.get("nif"))
        return JSONResponse({"data": await run_in_threadpool(sandbox.submissions, nif)})

    def guarded(handler: Callable[[Request, Caller], Awaitable[Response]]) -> Any:
        async def endpoint(request: Request) -> Response:
            try:
                return await handler(request, await sandbox.caller(request))
            except Refused as refused:
                return _refused(refused)

        return endpoint

    return Starlette(
        routes=[
            Route("/", sandbox.soap, methods=["POST"]),
            Route(SOAP_PATH, sandbox.soap, methods=["POST"]),
            Route(requirements.PATH, sandbox.requirement_soap, methods=["POST"]),
            Route("/health", health, methods=["GET"]),
            Route("/control/faults", guarded(fault_switches), methods=["GET", "POST", "DELETE"]),
            Route("/control/records", guarded(records), methods=["GET", "DELETE"]),
            Route("/control/submissions", guarded(submissions), methods=["GET"]),
            *census.routes(sandbox.store),  # the NIF census and VIES (census.py)
        ]
    )


def standalone() -> Starlette:
    """Factory for `talonario sandbox`: the sandbox alone, on the configured database."""
    from talonario.config import get_settings
    from talonario.db import create_database

    settings = get_settings()
    return create_sandbox_app(settings, create_database(settings))


def _switched(fault: Any) -> Response:
    kind = faults.FaultKind(fault.kind)
    if kind is faults.FaultKind.HTTP_500:
        return Response("Internal Server Error", status_code=500, media_type="text/plain")
    if kind is faults.FaultKind.REDIRECT:
        return Response(status_code=302, headers={"Location": faults.CERTIFICATE_ERROR_PAGE})
    code = fault.code or Code.DATABASE
    switched = RequestFault(code, server=kind is faults.FaultKind.SERVER_FAULT)
    if fault.description:
        switched.text = fault.description
    return _fault(switched)


def _fault(fault: RequestFault) -> Response:
    # SOAP 1.1 answers every fault with HTTP 500.
    return Response(fault_envelope(fault), status_code=500, media_type=_XML)


def _bad_request(detail: Any) -> Response:
    return JSONResponse({"error": {"type": "invalid_request_error", "detail": detail}}, 400)


_REFUSED = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "authorization_error",
    404: "not_found_error",
}


def _refused(refused: Refused) -> Response:
    headers = {"WWW-Authenticate": "Bearer"} if refused.status == 401 else None
    body = {"error": {"type": _REFUSED[refused.status], "detail": refused.message}}
    return JSONResponse(body, refused.status, headers=headers)


def _header_nif(document: etree._Element) -> str | None:
    """The taxpayer a request speaks for: Cabecera's ObligadoEmision (or, in a customer's
    Consulta, Destinatario) NIF."""
    nif = document.findtext("{*}Cabecera/{*}ObligadoEmision/{*}NIF")
    if nif is None:
        nif = document.findtext("{*}Cabecera/{*}Destinatario/{*}NIF")
    return None if nif is None else nif.strip()


def _invoice(invoice: SandboxInvoice) -> dict[str, Any]:
    return {
        "issuer_nif": invoice.issuer_nif,
        "number": invoice.number,
        "issue_date": formats.day(invoice.issue_date),
        "state": invoice.state,
        "code": invoice.code,
        "description": invoice.description,
        "huella": invoice.huella,
        "external_ref": invoice.external_ref,
        "request_id": invoice.request_id,
        "csv": invoice.csv,
        "period": f"{invoice.period_year:04d}-{invoice.period_month:02d}",
        "presented_at": invoice.presented_at.isoformat(),
        "updated_at": invoice.updated_at.isoformat(),
    }


def _submission(submission: SandboxSubmission, lines: list[SandboxRecord]) -> dict[str, Any]:
    return {
        "request_id": submission.request_id,
        "csv": submission.csv,
        "status": submission.status,
        "received_at": submission.received_at.isoformat(),
        "records": [
            {
                "operation": line.kind,
                "number": line.number,
                "issue_date": formats.day(line.issue_date),
                "huella": line.huella,
                "status": line.status,
                "code": line.code,
                "description": line.description,
            }
            for line in lines
        ],
    }

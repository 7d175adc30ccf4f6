"""/v1/verifactu: the company's record chain, its audit, and its remission to AEAT."""

import time
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response
from fastapi.responses import StreamingResponse

from talonario.auth.context import Context, reader, writer
from talonario.db.repository import CompanyRepository
from talonario.errors import InvalidRequest
from talonario.installations import service as installations
from talonario.kit.pagination import StartingAfter
from talonario.kit.routing import DecimalRoute
from talonario.kit.schema import ListOf
from talonario.records import remission, repository
from talonario.records.repository import InChain, RecordRepository
from talonario.records.requirement_endpoints import router as requirement_router
from talonario.records.schemas import ChainVerifyOut, RecordOut, RemissionStatusOut
from talonario.records.status import status_of
from talonario.verifactu.audit import audit
from talonario.verifactu.records import Party, SubmissionHeader
from talonario.verifactu.xml import MAX_RECORDS, stored_submission_parts

router = APIRouter(tags=["verifactu"], route_class=DecimalRoute)


class NoRecords(repository.RecordNotFound):
    code = "no_records"


# A JSON page stays small; an XML page may be a whole AEAT document.
XML_PAGE = MAX_RECORDS
InstallationFilter = Annotated[
    str | None,
    Query(
        max_length=100,
        description="Only the chain of this installation: its id or installation_number (the"
        " company id for the default installation's).",
    ),
]


def _only(ctx: Context, installation: str | None) -> InChain | None:
    if installation is None:
        return None
    return InChain(installations.chosen(ctx.session, ctx.company_id, installation))


@router.get(
    "/verifactu/records",
    response_model=ListOf[RecordOut],
    responses={200: {"content": {"application/xml": {}}}},
)
def list_records(
    limit: Annotated[
        int | None,
        Query(
            ge=1,
            le=XML_PAGE,
            description="Page size: 1 to 100 (default 20); 1 to 1000 "
            "with format=xml (default 1000).",
        ),
    ] = None,
    starting_after: StartingAfter = None,
    format: Annotated[
        Literal["json", "xml"],
        Query(description="xml: the page as one AEAT RegFactuSistemaFacturacion document."),
    ] = "json",
    installation: InstallationFilter = None,
    ctx: Context = reader("invoices:read"),
) -> Response:
    """The company's records in order (of every installation's chain, or one's), first record
    first. With `format=xml`, the same page as one AEAT XML document (valid against
    SuministroLR.xsd), streamed: the Cabecera names the company as ObligadoEmision, and
    Talonario-Has-More / Talonario-Next-Starting-After say how to ask for the next document."""
    only = _only(ctx, installation)
    if format == "xml":
        return _records_xml(ctx, limit or XML_PAGE, starting_after, only)
    if limit is not None and limit > 100:
        raise InvalidRequest("limit: at most 100 records per JSON page.", param="limit")
    records = RecordRepository(ctx.session, ctx.company_id)
    rows, more = records.chain(limit or 20, starting_after, only)
    data = [RecordOut.of(r) for r in rows]
    return ctx.respond({"object": "list", "data": data, "has_more": more})


def _records_xml(
    ctx: Context, limit: int, starting_after: str | None, only: InChain | None
) -> Response:
    company = CompanyRepository(ctx.session, ctx.company_id).existing(detached=True)
    found = RecordRepository(ctx.session, ctx.company_id).chain_page(limit, starting_after, only)
    ctx.close()
    if found is None:
        raise NoRecords("No records to put in a document here.", param="starting_after")
    # An export, not a remission: no RemisionVoluntaria (Incidencia belongs to a sending).
    header = SubmissionHeader(taxpayer=Party(company.legal_name, nif=company.nif))
    pages = repository.stored_xml(
        ctx.runtime.db, ctx.company_id, found.first, found.last, only=only
    )
    headers = {"Talonario-Has-More": "true" if found.has_more else "false"}
    if found.has_more:
        headers["Talonario-Next-Starting-After"] = found.last_id
    return StreamingResponse(
        stored_submission_parts(header, pages), media_type="application/xml", headers=headers
    )


@router.get(
    "/verifactu/records/{record_id}.xml",
    responses={200: {"content": {"application/xml": {}}}},
    response_class=Response,
)
def record_xml(record_id: str, ctx: Context = reader("invoices:read")) -> Response:
    """The record exactly as remitted: a standalone sf:RegistroAlta or sf:RegistroAnulacion."""
    xml = RecordRepository(ctx.session, ctx.company_id).xml_of(record_id)
    ctx.close()
    return Response(xml, media_type="application/xml")


@router.get("/verifactu/chain/verify", response_model=ChainVerifyOut)
def verify_chain(ctx: Context = reader("invoices:read")) -> Response:
    """Recompute every huella from each record's XML and check every link, each against the
    record before it in the same installation's chain; `installations` gives each chain's
    result (a tampered record breaks its own chain only), `seconds` and `records_per_second`
    how long it took."""
    started = time.perf_counter()
    report = audit(RecordRepository(ctx.session, ctx.company_id).stream())
    seconds = time.perf_counter() - started
    # After the records: any installation a record names is already there.
    known = installations.every(ctx.session, ctx.company_id)
    return ctx.respond(ChainVerifyOut.of(report, seconds, ctx.company_id, known))


@router.get("/verifactu/status", response_model=RemissionStatusOut)
def remission_status(ctx: Context = reader("invoices:read")) -> Response:
    """Remission to AEAT: records pending, the last submission, when the next may go and why,
    and whether an incident (AEAT unreachable) is open."""
    return ctx.respond(status_of(ctx.session, ctx.company_id))


@router.post("/verifactu/retry", response_model=RemissionStatusOut)
def retry_remission(ctx: Context = writer("invoices:write")) -> Response:
    """Lift the backoff of a failed submission: the next attempt is now (reason
    `retry_requested`). AEAT's TiempoEsperaEnvio is never cut short: while it runs the reason
    stays `aeat_wait`. Without a failure to lift nothing changes. Answers the status."""
    remission.retry_now(ctx.session, ctx.company_id)
    ctx.session.flush()
    return ctx.respond(status_of(ctx.session, ctx.company_id))


# Exports and AEAT requirements: the period's records handed over (requirement_endpoints.py).
router.include_router(requirement_router)

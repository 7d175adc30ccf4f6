"""/v1/verifactu/export and /v1/verifactu/requirements: a period's records handed over, to
whoever the company gives an export to, or to AEAT when it requires them."""

from collections.abc import Iterator
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response
from fastapi.responses import StreamingResponse

from talonario.auth.context import Context, reader, writer
from talonario.db.repository import CompanyRepository
from talonario.kit.pagination import Limit, StartingAfter, page
from talonario.kit.routing import DecimalRoute
from talonario.kit.schema import ListOf
from talonario.records import event_exports, exports, requirements
from talonario.records.period_repository import RequirementRepository
from talonario.records.requirement_schemas import RequirementCreate, RequirementOut

router = APIRouter(tags=["verifactu"], route_class=DecimalRoute)


@router.get(
    "/verifactu/export",
    responses={200: {"content": {"application/zip": {}}}},
    response_class=Response,
)
def export(
    from_: Annotated[date, Query(alias="from", description="First day (Europe/Madrid).")],
    to: Annotated[date, Query(description="Last day of the period, included.")],
    kind: Annotated[
        Literal["records", "events"],
        Query(description="records: the billing records; events: the event log."),
    ] = "records",
    ctx: Context = reader("invoices:read"),
) -> Response:
    """The records generated in a period (whole days in Europe/Madrid, `from` and `to`
    included) as a ZIP, streamed: `records-0001.xml`, ... AEAT RegFactuSistemaFacturacion
    documents of up to 1,000 records each (valid against SuministroLR.xsd, each record as
    stored), then `manifest.json`: the company, the period, the counts (records, altas,
    anulaciones), the first and last huella, and each file's counts, huellas, size and SHA-256.
    A period without records gives the manifest alone. Each export is logged (GET answers
    Talonario-Export-Id). `kind=events`: the event log of the period instead, one file per
    RegistroEvento as stored and signed (`events/000001.xml`, ...; EventosSIF.xsd), and its
    manifest. In NO VERI*FACTU the export is itself an event (08 or 09), logged when the
    stream ends."""
    exports.check_period(from_, to)
    company = CompanyRepository(ctx.session, ctx.company_id).existing(detached=True)
    ctx.close()
    db = ctx.runtime.db
    stream: Iterator[bytes]
    if kind == "events":
        span = event_exports.span_of(db, ctx.company_id, from_, to)
        export_id = exports.begin(db, ctx.company_id, kind, from_, to, span)
        found = event_exports.EventsExport(db, ctx.settings, company, from_, to, span, export_id)
        stream = found.stream()
    else:
        span = exports.span_of(db, ctx.company_id, from_, to)
        export_id = exports.begin(db, ctx.company_id, kind, from_, to, span)
        made = exports.RecordsExport(db, ctx.settings, company, from_, to, span, export_id)
        stream = made.stream()
    name = f"verifactu-{kind}-{company.nif}-{from_.isoformat()}-{to.isoformat()}.zip"
    headers = {
        "Content-Disposition": f'attachment; filename="{name}"',
        "Talonario-Export-Id": export_id,
    }
    return StreamingResponse(stream, media_type="application/zip", headers=headers)


@router.post("/verifactu/requirements", response_model=RequirementOut, status_code=201)
def send_requirement(body: RequirementCreate, ctx: Context = writer("invoices:write")) -> Response:
    """Answer an AEAT requirement: send the records generated in the period (whole days in
    Europe/Madrid) to AEAT's requirement endpoint (RequerimientoSOAP) with `ref` as
    RefRequerimiento, up to 1,000 per submission, the last with FinRequerimiento=S. AEAT admits
    business errors there (AceptadoConErrores). Answers the requirement as kept: `status`
    answered, or failed with the `error` of the submission that got no answer."""
    row = requirements.send(
        ctx.runtime.db, ctx.settings, ctx.company_id, body.ref, body.from_, body.to
    )
    RequirementRepository(ctx.session, ctx.company_id).add(row)
    ctx.session.flush()
    return ctx.respond(RequirementOut.of(row), 201)


@router.get("/verifactu/requirements", response_model=ListOf[RequirementOut])
def list_requirements(
    limit: Limit = 20,
    starting_after: StartingAfter = None,
    ctx: Context = reader("invoices:read"),
) -> Response:
    """The requirements answered, newest first, with AEAT's answers."""
    rows, more = RequirementRepository(ctx.session, ctx.company_id).listed(limit, starting_after)
    return ctx.respond(page(rows, more, RequirementOut.of))

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Response

from talonario.auth.context import Context, reader, writer
from talonario.companies import service as companies
from talonario.gateway import batch, service
from talonario.gateway.schemas import (
    BatchIn,
    BatchOut,
    CancelIn,
    GatewayRecordOut,
    RecordIn,
    RecordStatus,
)
from talonario.invoices import issuing, lookup
from talonario.invoices.record_endpoints import QR_ROUTE, AcceptHeader, QrFormat, qr_answer
from talonario.invoices.repository import ListFilters
from talonario.invoices.schemas import InvoiceType, VerifactuStatus
from talonario.kit.clock import today_in
from talonario.kit.pagination import Limit, StartingAfter, page
from talonario.kit.routing import DecimalRoute
from talonario.kit.schema import ListOf

router = APIRouter(prefix="/records", tags=["records"], route_class=DecimalRoute)
_STATUS = {"registered": "issued", "cancelled": "voided"}


@router.post("", status_code=201, response_model=GatewayRecordOut)
def create_record(body: RecordIn, ctx: Context = writer("invoices:write")) -> Response:
    """Register an invoice numbered and issued elsewhere: its alta record joins the company's
    chain (beside the invoices Talonario issues), gets its QR, and is remitted by the worker.
    Totals are checked against the breakdown to the cent (422 `incorrect_total_amount`), the
    AEAT rules as for an invoice of ours (422 naming the field). The same number in the same
    year again is 409 `duplicate_record` with the existing record in `error.record`."""
    with ctx.reading() as session:
        company = companies.load(session, ctx.company_id)
        service.check_new(session, company.id, body)
        invoice = service.prepare(company, body, today_in(company.timezone))
        till = issuing.installation_for(session, company.id, body.installation, issue=True)
    return ctx.write_and_respond(
        lambda s: service.register(s, ctx.settings, company, invoice, till),
        GatewayRecordOut.of,
        201,
        conflict=lambda exc: batch.conflict(ctx, body, exc),
    )


@router.post("/batch", response_model=BatchOut)
def create_records(body: BatchIn, ctx: Context = writer("invoices:write")) -> Response:
    """Register up to 1,000 records at once. Each is all-or-nothing on its own: the answer
    lists, in order, each record created or the error that refused it (its `param` prefixed
    `records.<index>.`); the others are created all the same."""
    return batch.register_all(ctx, body.records)


@router.get("", response_model=ListOf[GatewayRecordOut])
def list_records(
    limit: Limit = 20,
    starting_after: StartingAfter = None,
    status: RecordStatus | None = None,
    type: InvoiceType | None = None,
    issued_on_gte: Annotated[date | None, Query(alias="issued_on[gte]")] = None,
    issued_on_lte: Annotated[date | None, Query(alias="issued_on[lte]")] = None,
    external_id: Annotated[str | None, Query(max_length=120)] = None,
    number: Annotated[str | None, Query(max_length=60, description="The exact number.")] = None,
    verifactu_status: VerifactuStatus | None = None,
    with_problems: Annotated[
        bool,
        Query(description="Only records AEAT rejected or accepted with errors."),
    ] = False,
    ctx: Context = reader("invoices:read"),
) -> Response:
    """The gateway records, newest first, with filters."""
    filters = ListFilters(
        status=None if status is None else _STATUS[status],
        type=type,
        issued_on_gte=issued_on_gte,
        issued_on_lte=issued_on_lte,
        external_id=external_id,
        verifactu_status=verifactu_status,
        number=number,
        origin=service.GATEWAY,
        with_problems=with_problems,
    )
    items, more = lookup.list_invoices(ctx.session, ctx.company_id, filters, limit, starting_after)
    return ctx.respond(page(items, more, GatewayRecordOut.of))


@router.get("/{ref}", response_model=GatewayRecordOut)
def get_record(ref: str, ctx: Context = reader("invoices:read")) -> Response:
    """A gateway record by its id or its `external_id`."""
    return ctx.respond(GatewayRecordOut.of(service.find(ctx.session, ctx.company_id, ref)))


@router.post("/{ref}/cancel", response_model=GatewayRecordOut)
def cancel_record(
    ref: str, body: CancelIn | None = None, ctx: Context = writer("invoices:write")
) -> Response:
    """The anulación of a record: an invoice that should never have been issued. Its record
    joins the chain and is remitted; the record's `status` becomes `cancelled`."""
    company = companies.get(ctx.session, ctx.company_id)
    reason = body.reason if body is not None else None
    invoice = service.cancel(ctx.session, ctx.settings, company, ref, reason)
    return ctx.respond(GatewayRecordOut.of(invoice))


@router.get("/{ref}/qr-image", **QR_ROUTE)
def record_qr_image(
    ref: str,
    format: QrFormat = None,
    accept: AcceptHeader = None,
    ctx: Context = reader("invoices:read"),
) -> Response:
    """The AEAT QR of a record, by its id or external_id (a cancelled one keeps its alta's)."""
    invoice = service.find(ctx.session, ctx.company_id, ref)
    assert invoice.qr_url is not None  # registered with its alta
    return qr_answer(ctx, invoice.qr_url, invoice.id, format, accept)

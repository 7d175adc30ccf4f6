from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Response
from fastapi.responses import StreamingResponse

from talonario.auth.context import Context, reader
from talonario.companies import service as companies
from talonario.invoices.repository import ListFilters
from talonario.invoices.schemas import InvoiceStatus, InvoiceType
from talonario.kit.clock import today_in
from talonario.kit.routing import DecimalRoute
from talonario.reports import exports, pdfs, service
from talonario.reports.schemas import Report347Out, VatReportOut

# Reports are views of the invoices: a key that may read the invoices may read them.
SCOPE = "invoices:read"
router = APIRouter(prefix="/reports", tags=["reports"], route_class=DecimalRoute)

From = Annotated[date, Query(alias="from", description="First day of the period.")]
To = Annotated[date, Query(description="Last day of the period, included.")]
IssuedGte = Annotated[date | None, Query(alias="issued_on[gte]")]
IssuedLte = Annotated[date | None, Query(alias="issued_on[lte]")]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _attachment(name: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{name}"'}


@router.get("/347", response_model=Report347Out)
def report_347(
    year: Annotated[int, Query(ge=2000, le=9999, description="The calendar year.")],
    ctx: Context = reader(SCOPE),
) -> Response:
    """Modelo 347: the clients (by Spanish NIF) whose operations of `year`, VAT and recargo
    included, exceed 3,005.06 EUR, with the year's total and each quarter's (by issue date).
    Counted: issued invoices not voided, rectifying ones netted into the NIF they name in the
    quarter they are issued in; not invoices marked `exclude_347`, F2s without an identified
    recipient, recipients without a Spanish NIF, nor export (E2) and intra-EU (E5) rows."""
    return ctx.respond(service.report_347(ctx.session, ctx.company_id, year))


@router.get("/vat", response_model=VatReportOut)
def report_vat(from_: From, to: To, ctx: Context = reader(SCOPE)) -> Response:
    """Modelo 303 figures of the invoices issued from `from` to `to` (both included): IVA base
    and quota by rate, recargo de equivalencia by rate, exempt bases by cause (E1–E6),
    not-subject bases (N1, N2), reverse charge (S2) and totals; IGIC/IPSI rows apart. Voided
    invoices do not count; rectifying ones count in the period they are issued in."""
    report = service.vat_report(ctx.session, ctx.company_id, from_, to)
    return ctx.respond(report.model_dump(by_alias=True))


def _filters(
    ctx: Context,
    status: InvoiceStatus | None,
    type: InvoiceType | None,
    issued_on_gte: date | None,
    issued_on_lte: date | None,
) -> ListFilters:
    if issued_on_gte and issued_on_lte:
        service.check_period(issued_on_gte, issued_on_lte)
    # Today where the company is: `overdue` is told apart as the invoice list does.
    today = today_in(companies.load(ctx.session, ctx.company_id).timezone)
    return ListFilters(
        status=status,
        type=type,
        issued_on_gte=issued_on_gte,
        issued_on_lte=issued_on_lte,
        today=today,
    )


@router.get(
    "/invoices.csv",
    responses={200: {"content": {"text/csv": {}}, "description": "One row per invoice."}},
    response_class=Response,
)
def invoices_csv(
    status: InvoiceStatus | None = None,
    type: InvoiceType | None = None,
    issued_on_gte: IssuedGte = None,
    issued_on_lte: IssuedLte = None,
    ctx: Context = reader(SCOPE),
) -> Response:
    """Invoices as CSV (UTF-8, a header row), oldest first, streamed; the list's filters.
    Amounts with a dot and two places, dates as YYYY-MM-DD."""
    filters = _filters(ctx, status, type, issued_on_gte, issued_on_lte)
    ctx.close()
    stream = exports.csv_stream(ctx.runtime.db, ctx.company_id, filters)
    headers = _attachment("invoices.csv")
    return StreamingResponse(stream, media_type="text/csv; charset=utf-8", headers=headers)


@router.get(
    "/invoices.xlsx",
    responses={200: {"content": {XLSX: {}}, "description": "One row per invoice."}},
    response_class=Response,
)
def invoices_xlsx(
    status: InvoiceStatus | None = None,
    type: InvoiceType | None = None,
    issued_on_gte: IssuedGte = None,
    issued_on_lte: IssuedLte = None,
    ctx: Context = reader(SCOPE),
) -> Response:
    """Invoices as an Excel workbook (sheet `Invoices`), the CSV's columns: amounts numeric
    cells formatted 0.00, dates date cells."""
    filters = _filters(ctx, status, type, issued_on_gte, issued_on_lte)
    ctx.close()
    content = exports.xlsx_bytes(ctx.runtime.db, ctx.company_id, filters)
    return Response(content, media_type=XLSX, headers=_attachment("invoices.xlsx"))


@router.get(
    "/pdfs.zip",
    responses={200: {"content": {"application/zip": {}}, "description": "The PDFs."}},
    response_class=Response,
)
def pdfs_zip(from_: From, to: To, ctx: Context = reader(SCOPE)) -> Response:
    """The PDFs of the invoices issued from `from` to `to` (both included; voided ones too:
    they were numbered and sent), one `Factura-<number>.pdf` each, as a ZIP streamed."""
    found = service.issued_between(ctx.session, ctx.company_id, from_, to)
    ctx.close()
    stream = pdfs.zip_stream(ctx.runtime.db, ctx.company_id, found)
    name = f"invoices-{from_.isoformat()}-{to.isoformat()}.zip"
    return StreamingResponse(stream, media_type="application/zip", headers=_attachment(name))

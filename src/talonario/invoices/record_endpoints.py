"""An issued invoice's VERI*FACTU side: its records, its QR, a correction (subsanación) and
what AEAT holds for it."""

from typing import Annotated, Any, Literal, Self

from fastapi import APIRouter, Header, Query, Response
from pydantic import BaseModel, Field

from talonario.auth.context import Context, reader, writer
from talonario.companies import service as companies
from talonario.errors import AppError, Conflict, ErrorOut
from talonario.invoices.answers import InvoiceOut
from talonario.invoices.errors import InvoiceNotFound, flush
from talonario.invoices.lookup import delivery_of, get
from talonario.invoices.references import issued
from talonario.kit.clock import today_in
from talonario.kit.negotiation import preferred
from talonario.kit.routing import DecimalRoute
from talonario.kit.schema import ListOf
from talonario.records import held as aeat_held
from talonario.records import repository, service
from talonario.records.repository import RecordRepository
from talonario.records.schemas import RecordOut
from talonario.verifactu.client import AeatError, PermanentError
from talonario.verifactu.qr import qr_svg
from talonario.verifactu.responses import QueriedRecord

router = APIRouter(tags=["verifactu"], route_class=DecimalRoute)


@router.get("/invoices/{ref}/verifactu", response_model=ListOf[RecordOut])
def invoice_records(ref: str, ctx: Context = reader("invoices:read")) -> Response:
    """The invoice's VERI*FACTU records (its alta, and an anulación if voided), in chain order."""
    invoice = get(ctx.session, ctx.company_id, ref)
    rows = RecordRepository(ctx.session, ctx.company_id).of_invoice(invoice.id)
    data = [RecordOut.of(r) for r in rows]
    return ctx.respond({"object": "list", "data": data, "has_more": False})


_QR_TYPES = ("image/png", "image/svg+xml")
# What a QR image route answers and takes (here and gateway records' /v1/records/{id}/qr-image).
QR_ROUTE: dict[str, Any] = {
    "responses": {200: {"content": {"image/png": {}, "image/svg+xml": {}}}},
    "response_class": Response,
}
QrFormat = Annotated[
    Literal["png", "svg"] | None,
    Query(description="png or svg; without it the Accept header decides (PNG by default)."),
]
AcceptHeader = Annotated[str | None, Header(include_in_schema=False)]


@router.get("/invoices/{ref}/qr-image", **QR_ROUTE)
def qr_image(
    ref: str,
    format: QrFormat = None,
    accept: AcceptHeader = None,
    ctx: Context = reader("invoices:read"),
) -> Response:
    """The AEAT QR of an issued invoice (level M, sized for 30–40 mm). PNG rendered once, kept.
    A voided invoice keeps the QR of its alta."""
    invoice = get(ctx.session, ctx.company_id, ref)
    if invoice.qr_url is None or invoice.verifactu_record_id is None:
        raise InvoiceNotFound("A draft has no QR: issue the invoice first.", param="id")
    return qr_answer(ctx, invoice.qr_url, invoice.id, format, accept)


def qr_answer(
    ctx: Context, url: str, invoice_id: str, format: str | None, accept: str | None
) -> Response:
    """The QR of an invoice's (or a gateway record's) latest alta, in the format asked for:
    SVG drawn each time, PNG rendered once and kept. The read session closes first."""
    ctx.close()
    vary = {"Vary": "Accept"}
    if format == "svg" or (format is None and preferred(accept, _QR_TYPES) == "image/svg+xml"):
        return Response(qr_svg(url), media_type="image/svg+xml", headers=vary)
    png = repository.qr_png(ctx.runtime.db, ctx.company_id, invoice_id)
    headers = vary | {"Cache-Control": "private, max-age=31536000, immutable"}
    return Response(png, media_type="image/png", headers=headers)


@router.post("/invoices/{ref}/verifactu/correct", response_model=InvoiceOut)
def correct_record(ref: str, ctx: Context = writer("invoices:write")) -> Response:
    """Subsanación: a new alta for an invoice whose record AEAT rejected or accepted with
    errors, with the invoice's current data, chained and remitted like any record."""
    company = companies.get(ctx.session, ctx.company_id)
    invoice = get(ctx.session, ctx.company_id, ref, for_update=True)
    service.record_correction(ctx.session, ctx.settings, company, invoice)
    flush(ctx.session)
    delivery = delivery_of(ctx.session, invoice)
    return ctx.respond(InvoiceOut.of(invoice, delivery=delivery, today=today_in(company.timezone)))


class HeldOut(BaseModel):
    found: bool
    status: str | None = Field(
        description="EstadoRegistro at AEAT: Correcto, AceptadoConErrores or Anulado."
    )
    huella: str | None
    code: int | None
    description: str | None
    in_agreement: bool = Field(description="AEAT holds what this invoice's latest record says.")

    @classmethod
    def of(cls, held: QueriedRecord | None, in_agreement: bool) -> Self:
        """What AEAT answered (`None`: it holds no record of the invoice)."""
        return cls.model_construct(
            found=held is not None,
            status=held.status.value if held else None,
            huella=held.huella if held else None,
            code=held.code if held else None,
            description=held.description if held else None,
            in_agreement=in_agreement,
        )


class QueryOut(BaseModel):
    invoice: InvoiceOut
    aeat: HeldOut


@router.post(
    "/invoices/{ref}/verifactu/query",
    response_model=QueryOut,
    responses={503: {"model": ErrorOut, "description": "AEAT did not answer; try again later"}},
)
def query_record(ref: str, ctx: Context = writer("invoices:write")) -> Response:
    """Ask AEAT (or the sandbox) what it holds for this invoice, and adopt its state for a
    record whose answer was never heard (pending or submitted)."""
    with ctx.reading() as session:
        company = companies.load(session, ctx.company_id)
        invoice = issued(get(session, ctx.company_id, ref), "id")
    try:
        held = aeat_held.ask(ctx.runtime.db, ctx.settings, company, invoice)
    except PermanentError as exc:
        # The company's set-up (no usable certificate) or the request must change: retrying
        # cannot help, and the server is not at fault (this was a 503).
        raise AeatQueryRefused(f"The query cannot go to AEAT: {exc.message}") from exc
    except AeatError as exc:
        raise AeatUnavailable(f"AEAT did not answer the query: {exc.message}") from exc
    invoice = get(ctx.session, ctx.company_id, invoice.id, for_update=True)
    agree = aeat_held.reconcile(ctx.session, invoice, held)
    flush(ctx.session)
    delivery = delivery_of(ctx.session, invoice)
    answer = InvoiceOut.of(invoice, delivery=delivery, today=today_in(company.timezone))
    return ctx.respond(QueryOut.model_construct(invoice=answer, aeat=HeldOut.of(held, agree)))


class AeatQueryRefused(Conflict):
    code = "aeat_query_refused"


class AeatUnavailable(AppError):
    """AEAT (or the sandbox) did not answer: try again later; nothing changed here."""

    status = 503
    type = "api_error"
    code = "aeat_unavailable"

from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from talonario.auth.context import Context, reader, runtime_of, writer
from talonario.documents import service
from talonario.documents.page import HEADERS, NOT_FOUND, render_page
from talonario.documents.schemas import PublicLinkIn, SendIn
from talonario.invoices.answers import InvoiceOut
from talonario.invoices.lookup import delivery_of
from talonario.kit.routing import DecimalRoute
from talonario.models import Invoice
from talonario.verifactu.qr import qr_png

router = APIRouter(prefix="/invoices", tags=["invoices"], route_class=DecimalRoute)
public_router = APIRouter(tags=["public"])
PDF: dict[int | str, dict[str, Any]] = {
    200: {"content": {"application/pdf": {}}, "description": "The invoice as an A4 PDF."}
}


def _answer(ctx: Context, invoice: Invoice) -> InvoiceOut:
    delivery = delivery_of(ctx.session, invoice)
    return InvoiceOut.of(invoice, delivery=delivery, today=service.today_of(ctx.session, invoice))


def _pdf_response(pdf: service.Pdf, disposition: str = "inline") -> Response:
    headers = {"Content-Disposition": f'{disposition}; filename="{pdf.filename}"'}
    # An issued invoice's PDF never changes; a draft's preview does.
    headers["Cache-Control"] = "private, max-age=86400" if pdf.stored else "no-store"
    return Response(pdf.content, media_type="application/pdf", headers=headers)


@router.get("/{ref}/pdf", responses=PDF, response_class=Response)
def invoice_pdf(ref: str, ctx: Context = reader("invoices:read")) -> Response:
    """The invoice as a PDF. An issued invoice's is rendered once and served identical ever
    after; a draft's is a preview marked "BORRADOR — sin validez fiscal", without QR."""
    pdf = service.invoice_pdf(ctx.runtime.db, ctx.company_id, ref)
    return _pdf_response(pdf)


@router.post("/{ref}/public-link", response_model=InvoiceOut)
def public_link(ref: str, body: PublicLinkIn, ctx: Context = writer("invoices:write")) -> Response:
    """Enable, extend or revoke the invoice's public page (`public_link` on the invoice).

    Enabling a link that is off or expired makes a new unguessable URL; enabling a live one
    keeps its URL and moves `expires_at` to `max_days` from now; `enabled: false` revokes it.
    """
    base_url = ctx.settings.base_url
    invoice = service.set_public_link(ctx.session, base_url, ctx.company_id, ref, body)
    return ctx.respond(_answer(ctx, invoice))


@router.post("/{ref}/send", status_code=202, response_model=InvoiceOut)
def send_invoice(ref: str, body: SendIn, ctx: Context = writer("invoices:write")) -> Response:
    """Email the invoice with its PDF attached, to `to` or else the client's email.

    Answers 202 at once: the worker sends it. The invoice's `email` shows how delivery goes
    (`retrying` with `last_error`, `sent`, or `failed`) and `sent_at` is set once sent.
    """
    invoice = service.queue_email(ctx.session, ctx.company_id, ref, body)
    return ctx.respond(_answer(ctx, invoice), 202)


_PUBLIC: dict[int | str, dict[str, Any]] = {
    404: {"description": "Unknown, revoked or expired link.", "content": {"text/html": {}}},
}


@public_router.get(
    "/p/{token}",
    response_class=HTMLResponse,
    responses={200: {"content": {"text/html": {}}}, **_PUBLIC},
)
def public_page(token: str, request: Request) -> Response:
    """The invoice's page for its customer: summary, payment status, QR and the PDF."""
    runtime = runtime_of(request)
    with runtime.db.read_session() as session:
        invoice = service.find_by_token(session, token)
        if invoice is None:
            return HTMLResponse(NOT_FOUND, status_code=404, headers=HEADERS)
        view = service.view_of(session, invoice)
    # From the invoice's own QR URL (the alta's): its latest record may be an anulación.
    png = qr_png(view.qr_url) if view.qr_url else None
    page = render_page(view, qr_png=png, pdf_href=f"{token}/pdf")
    return HTMLResponse(page, headers=HEADERS)


@public_router.get("/p/{token}/pdf", response_class=Response, responses={**PDF, **_PUBLIC})
def public_pdf(token: str, request: Request) -> Response:
    """The PDF behind a live public link."""
    runtime = runtime_of(request)
    with runtime.db.read_session() as session:
        invoice = service.find_by_token(session, token)
        if invoice is None:
            return HTMLResponse(NOT_FOUND, status_code=404, headers=HEADERS)
        company_id, invoice_id = invoice.company_id, invoice.id
    pdf = service.invoice_pdf(runtime.db, company_id, invoice_id)
    return _pdf_response(pdf)

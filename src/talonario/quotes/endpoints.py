from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from talonario.auth.context import Context, reader, runtime_of, writer
from talonario.auth.scopes import grants
from talonario.companies import service as companies
from talonario.documents.page import HEADERS, NOT_FOUND
from talonario.documents.schemas import PublicLinkIn
from talonario.errors import InsufficientScope
from talonario.invoices.answers import InvoiceOut
from talonario.invoices.errors import conflict_of
from talonario.kit.clock import today_in
from talonario.kit.pagination import Limit, StartingAfter
from talonario.kit.routing import DecimalRoute
from talonario.kit.schema import ListOf
from talonario.models import Company, Quote
from talonario.quotes import document, invoicing, service, states
from talonario.quotes.repository import QuoteFilters
from talonario.quotes.schemas import (
    QuoteCreate,
    QuoteEmailIn,
    QuoteInvoiceIn,
    QuoteKind,
    QuoteOut,
    QuoteSendIn,
    QuoteStatus,
    QuoteUpdate,
)

quotes = APIRouter(prefix="/quotes", tags=["quotes"], route_class=DecimalRoute)
public = APIRouter(tags=["public"])
Ref = Annotated[str, "The Talonario id or the caller's external_id."]
PDF: dict[int | str, dict[str, Any]] = {
    200: {"content": {"application/pdf": {}}, "description": "The quote as an A4 PDF."}
}


def _today_of(company: Company, ctx_settings: Any) -> date:
    return today_in(company.timezone or ctx_settings.timezone)


def _today(ctx: Context, session: Session | None = None) -> date:
    """Today in the company's time zone: what `expired` is measured against."""
    return _today_of(companies.get(session or ctx.session, ctx.company_id), ctx.settings)


def _answer(ctx: Context, quote: Quote, today: date, status: int = 200) -> Response:
    email = service.latest_email(ctx.session, quote)
    return ctx.respond(QuoteOut.of(quote, states.status_of(quote, today), email=email), status)


@quotes.post("", status_code=201, response_model=QuoteOut)
def create_quote(body: QuoteCreate, ctx: Context = writer("quotes:write")) -> Response:
    """Create a quote (`kind: quote`, presupuesto) or a proforma, as a draft numbered
    P-YYYY-NNNN or PF-YYYY-NNNN. Lines and client are written as an invoice's; no invoice
    series number, no VERI*FACTU record."""
    today = _today(ctx)
    return _answer(ctx, service.create(ctx.session, ctx.company_id, body, today), today, 201)


@quotes.get("", response_model=ListOf[QuoteOut])
def list_quotes(
    limit: Limit = 20,
    starting_after: StartingAfter = None,
    status: QuoteStatus | None = None,
    client: Annotated[
        str | None, Query(max_length=120, description="Client id or its external_id.")
    ] = None,
    kind: QuoteKind | None = None,
    issued_on_gte: Annotated[date | None, Query(alias="issued_on[gte]")] = None,
    issued_on_lte: Annotated[date | None, Query(alias="issued_on[lte]")] = None,
    valid_until_gte: Annotated[date | None, Query(alias="valid_until[gte]")] = None,
    valid_until_lte: Annotated[date | None, Query(alias="valid_until[lte]")] = None,
    external_id: Annotated[str | None, Query(max_length=120)] = None,
    ctx: Context = reader("quotes:read"),
) -> Response:
    """List quotes and proformas, newest first. `status=expired` finds sent quotes past their
    `valid_until`; `issued_on` is the quote's date (its creation day unless given)."""
    filters = QuoteFilters(
        status,
        client,
        kind,
        issued_on_gte,
        issued_on_lte,
        valid_until_gte,
        valid_until_lte,
        external_id,
    )
    today = _today(ctx)
    items, more = service.listed(ctx.session, ctx.company_id, filters, today, limit, starting_after)
    emails = service.latest_emails(ctx.session, ctx.company_id, items)
    data = [QuoteOut.of(q, states.status_of(q, today), email=emails.get(q.id)) for q in items]
    return ctx.respond({"object": "list", "data": data, "has_more": more})


@quotes.get("/{ref}", response_model=QuoteOut)
def get_quote(ref: Ref, ctx: Context = reader("quotes:read")) -> Response:
    """Retrieve a quote by id or by your `external_id`."""
    return _answer(ctx, service.get(ctx.session, ctx.company_id, ref), _today(ctx))


@quotes.patch("/{ref}", response_model=QuoteOut)
def update_quote(ref: Ref, body: QuoteUpdate, ctx: Context = writer("quotes:write")) -> Response:
    """Change a draft (409 `quote_not_draft` once sent)."""
    today = _today(ctx)
    return _answer(ctx, service.update(ctx.session, ctx.company_id, ref, body, today), today)


@quotes.delete("/{ref}", status_code=204)
def delete_quote(ref: Ref, ctx: Context = writer("quotes:write")) -> Response:
    """Delete a draft (409 `quote_not_draft` once sent)."""
    service.delete(ctx.session, ctx.company_id, ref, _today(ctx))
    return ctx.no_content()


def _move(ctx: Context, ref: str, action: str, email: QuoteEmailIn | None = None) -> Response:
    today = _today(ctx)
    quote = service.move(ctx.session, ctx.company_id, ref, action, today, email)
    return _answer(ctx, quote, today)


@quotes.post("/{ref}/send", response_model=QuoteOut)
def send_quote(
    ref: Ref, body: QuoteSendIn | None = None, ctx: Context = writer("quotes:write")
) -> Response:
    """Mark a draft as sent to its client; with `email` (`{}` for the defaults) the worker also
    emails it, its PDF attached, to the client's email or to `email.to` (422 naming `email.to`
    when there is no address). 409 `quote_state_conflict` naming the state when not a draft."""
    return _move(ctx, ref, "send", body.email if body else None)


@quotes.post("/{ref}/accept", response_model=QuoteOut)
def accept_quote(ref: Ref, ctx: Context = writer("quotes:write")) -> Response:
    """The client accepted a sent quote (not one expired: 409 naming the state)."""
    return _move(ctx, ref, "accept")


@quotes.post("/{ref}/reject", response_model=QuoteOut)
def reject_quote(ref: Ref, ctx: Context = writer("quotes:write")) -> Response:
    """The client rejected a sent quote (409 naming the state otherwise)."""
    return _move(ctx, ref, "reject")


@quotes.post("/{ref}/invoice", status_code=201, response_model=InvoiceOut)
def invoice_quote(
    ref: Ref, body: QuoteInvoiceIn | None = None, ctx: Context = writer("quotes:write")
) -> Response:
    """Turn a sent or accepted quote into an invoice (a draft, or issued with `issue: true`)
    through the invoices service; the quote becomes accepted and names it in `invoice`. Needs
    `invoices:write` too. A second time is 409 `already_invoiced`. Answers the invoice."""
    if not grants(ctx.principal.scopes, "invoices:write"):
        raise InsufficientScope("This API key lacks the 'invoices:write' scope.")
    body = body or QuoteInvoiceIn()
    with ctx.reading() as session:
        company = companies.load(session, ctx.company_id)
        today = _today_of(company, ctx.settings)
        prepared = invoicing.prepare(session, company, ref, body, today)
    return ctx.write_and_respond(
        lambda s: invoicing.save(s, ctx.settings, company, prepared, today),
        lambda invoice: InvoiceOut.of(invoice, today=today),
        201,
        conflict_of,
    )


@quotes.get("/{ref}/pdf", responses=PDF, response_class=Response)
def quote_pdf(ref: Ref, ctx: Context = reader("quotes:read")) -> Response:
    """The quote as a PDF titled PRESUPUESTO or FACTURA PROFORMA (which says it is not an
    invoice); no QR. Rendered on each request."""
    pdf = document.quote_pdf(ctx.runtime.db, ctx.company_id, ref)
    return _pdf_response(pdf)


@quotes.post("/{ref}/public-link", response_model=QuoteOut)
def quote_public_link(
    ref: Ref, body: PublicLinkIn, ctx: Context = writer("quotes:write")
) -> Response:
    """Enable, extend or revoke the quote's public link (`public_link.url`), which serves its
    PDF without an API key until `expires_at`. Enabling an expired or revoked link makes a new
    URL; enabling a live one keeps it and extends it; `enabled: false` revokes it."""
    quote = service.set_public_link(ctx.session, ctx.settings.base_url, ctx.company_id, ref, body)
    return _answer(ctx, quote, _today(ctx))


def _pdf_response(pdf: document.QuotePdf) -> Response:
    headers = {
        "Content-Disposition": f'inline; filename="{pdf.filename}"',
        "Cache-Control": "no-store",
    }
    return Response(pdf.content, media_type="application/pdf", headers=headers)


@public.get(
    "/q/{token}",
    response_class=Response,
    responses={
        **PDF,
        404: {"description": "Unknown, revoked or expired link.", "content": {"text/html": {}}},
    },
)
def public_quote(token: str, request: Request) -> Response:
    """A quote's PDF behind its public link, for its client: no API key."""
    pdf = document.public_pdf(runtime_of(request).db, token)
    if pdf is None:
        return HTMLResponse(NOT_FOUND, status_code=404, headers=HEADERS)
    response = _pdf_response(pdf)
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    return response


router = quotes
# Outside /v1, beside the invoices' /p/{token}: a page for people, not an API operation.
public_router = public

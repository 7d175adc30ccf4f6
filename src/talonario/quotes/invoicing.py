"""A quote turned into an invoice, by the invoices service itself: the quote becomes an
InvoiceCreate (its lines, client, withholding and notes), `invoices.service.prepare` checks and
prices it in the read phase, and `save_new` stores it, or numbers and chains it when issued, in
the write phase, where the quote is locked, checked again and linked to it."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from talonario.config import Settings
from talonario.invoices import service as invoices
from talonario.invoices.schemas import ClientInline, InvoiceCreate, LineIn, WithholdingIn
from talonario.kit.clock import utcnow
from talonario.models import Company, Invoice, Quote
from talonario.quotes import service, states
from talonario.quotes.schemas import QuoteInvoiceIn


@dataclass(frozen=True, slots=True)
class Prepared:
    quote_id: str
    invoice: Invoice
    issue: bool


def _line(stored: dict[str, Any]) -> LineIn:
    tax = {k: v for k, v in stored["tax"].items() if v is not None}
    return LineIn.model_validate(
        {
            "product": stored.get("product"),
            "description": stored["description"],
            "quantity": stored["quantity"],
            "unit": stored.get("unit"),
            "unit_price": stored["unit_price"],
            "discount_percent": stored["discount_percent"],
            "tax": tax,
        }
    )


def invoice_body(quote: Quote, body: QuoteInvoiceIn) -> InvoiceCreate:
    client: str | ClientInline | None = None
    if quote.client_id is not None:
        client = quote.client_id
    elif quote.client is not None:
        client = ClientInline.model_validate(
            {k: v for k, v in quote.client.items() if v is not None}
        )
    withholding = None
    if quote.withholding_rate is not None:
        withholding = WithholdingIn(rate=quote.withholding_rate)
    return InvoiceCreate(
        series=body.series,
        client=client,
        lines=[_line(line) for line in quote.lines],
        withholding=withholding,
        notes=quote.notes,
        issue=body.issue,
    )


def prepare(
    session: Session, company: Company, ref: str, body: QuoteInvoiceIn, today: date
) -> Prepared:
    """Read phase: the quote may become an invoice, and the invoice it becomes, checked."""
    quote = service.get(session, company.id, ref)
    states.check(quote, "invoice", today)
    invoice = invoices.prepare(session, company, invoice_body(quote, body), today)
    return Prepared(quote.id, invoice, body.issue)


def save(
    session: Session, settings: Settings, company: Company, prepared: Prepared, today: date
) -> Invoice:
    """Write phase (a group-commit unit, which may run twice: everything is read again here).
    The quote is locked and checked again, so a second request waiting on it gets the 409."""
    quote = service.get(session, company.id, prepared.quote_id, for_update=True)
    states.check(quote, "invoice", today)
    invoice = invoices.save_new(session, settings, company, prepared.invoice, prepared.issue)
    now = utcnow()
    if quote.status != "accepted":
        quote.status, quote.accepted_at = "accepted", now
    quote.invoice_id, quote.invoiced_at = invoice.id, now
    session.flush()
    service.announce(session, quote, "quote.invoiced", today)
    return invoice

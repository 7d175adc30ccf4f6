"""The webhook events of invoice changes."""

from datetime import date

from sqlalchemy.orm import Session

from talonario.invoices.answers import InvoiceOut
from talonario.invoices.repository import NO_DELIVERY, InvoiceRepository
from talonario.models import Invoice
from talonario.webhooks import outbox


def announce(session: Session, invoice: Invoice, event_type: str, today: date) -> None:
    """The webhook event of a change, in the change's transaction (kept for the events feed
    whether or not an endpoint subscribes), with the invoice as read on `today` (the company's
    date: its status may be `overdue`)."""
    # A public link and an email need an issued invoice: one just issued has neither yet.
    delivery = NO_DELIVERY
    if event_type != "invoice.issued":
        delivery = InvoiceRepository(session, invoice.company_id).delivery_of(invoice)
    data = InvoiceOut.of(invoice, delivery=delivery, today=today)
    outbox.emit(session, invoice.company_id, event_type, data, object_id=invoice.id)

"""The webhook events of invoice changes."""

from sqlalchemy.orm import Session

from talonario.invoices.presenter import present_invoice
from talonario.models import Invoice
from talonario.webhooks import outbox


def announce(session: Session, invoice: Invoice, event_type: str) -> None:
    """The webhook event of a change, in the change's transaction (built only if wanted)."""
    if outbox.wants(session, invoice.company_id, event_type):
        outbox.emit(session, invoice.company_id, event_type, present_invoice(invoice))

"""Payments against issued invoices; the invoice row is locked while its balance changes."""

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from talonario.errors import Conflict, InvalidRequest, NotFound
from talonario.invoices import lookup as invoices
from talonario.invoices.answers import pending_amount
from talonario.invoices.events import announce
from talonario.kit.clock import utcnow
from talonario.models import Invoice, Payment
from talonario.payments.repository import PaymentRepository
from talonario.payments.schemas import PaymentCreate


class PaymentNotFound(NotFound):
    code = "payment_not_found"


class InvoiceNotPayable(Conflict):
    code = "invoice_not_payable"


class PaymentExceedsPending(InvalidRequest):
    code = "payment_exceeds_pending"


def _settle(invoice: Invoice) -> None:
    """Derive the paid status from the balance."""
    if invoice.paid_amount >= invoice.total:
        invoice.status = "paid"
        invoice.paid_at = invoice.paid_at or utcnow()
    else:
        invoice.status = "partially_paid" if invoice.paid_amount > 0 else "issued"
        invoice.paid_at = None


def add(
    session: Session, company_id: str, ref: str, body: PaymentCreate, today: date
) -> tuple[Invoice, Payment]:
    invoice = invoices.get(session, company_id, ref, for_update=True)
    if invoice.status not in ("issued", "partially_paid"):
        raise InvoiceNotPayable(f"A {invoice.status} invoice takes no payments.")
    pending = pending_amount(invoice)
    if body.amount > pending:
        raise PaymentExceedsPending(
            f"The payment ({body.amount}) exceeds what is pending ({pending}).", param="amount"
        )
    payment = Payment(
        company_id=company_id,
        invoice_id=invoice.id,
        amount=body.amount,
        date=body.date or today,
        method=body.method,
        reference=body.reference,
    )
    PaymentRepository(session, company_id).add(payment)
    invoice.paid_amount = invoice.paid_amount + body.amount
    _settle(invoice)
    session.flush()
    if invoice.status == "paid":
        announce(session, invoice, "invoice.paid", today)
    return invoice, payment


def list_payments(session: Session, company_id: str, ref: str) -> Sequence[Payment]:
    invoice = invoices.get(session, company_id, ref)
    return invoices.payments_of(session, company_id, [invoice.id])[invoice.id]


def remove(session: Session, company_id: str, ref: str, payment_id: str) -> Invoice:
    invoice = invoices.get(session, company_id, ref, for_update=True)
    payments = PaymentRepository(session, company_id)
    payment = payments.on_invoice(invoice.id, payment_id)
    if payment is None:
        raise PaymentNotFound(f"No payment '{payment_id}' on this invoice.", param="payment_id")
    if invoice.status == "voided":
        raise InvoiceNotPayable("A voided invoice's payments are kept as they were.")
    invoice.paid_amount = max(invoice.paid_amount - payment.amount, Decimal("0.00"))
    payments.remove(payment)
    _settle(invoice)
    session.flush()
    return invoice

"""Whether an invoice is overdue: answered on every read, never stored as a status.

Stored: draft, issued, partially_paid, paid, voided. An invoice still awaiting payment
(`issued` or `partially_paid`, something pending) whose `due_on` is before today, in the
company's time zone, answers `overdue`; `pending_amount` still tells whether part was paid.
As with a quote's `expired`, no job has to run for the status to be right on the day it
becomes so, and a payment that settles it makes it `paid` at once. The worker only stamps
`overdue_at` when it announces `invoice.overdue` (invoices/overdue.py), so the event goes out
once. The list's `status` filter applies the same rule in SQL (InvoiceRepository.matching).

An F2 replaced by an F3 (`substituted_by`) is not overdue: the F3 is what is owed.
"""

from datetime import date

from talonario.models import Invoice

# The stored states of an invoice that still awaits payment.
UNPAID = ("issued", "partially_paid")


def awaits_payment(invoice: Invoice) -> bool:
    """Issued, not settled, something pending, and not replaced by an F3: what a payment
    reminder may be about."""
    return (
        invoice.status in UNPAID
        and invoice.total > invoice.paid_amount
        and invoice.substituted_by is None
    )


def is_overdue(invoice: Invoice, today: date) -> bool:
    return awaits_payment(invoice) and invoice.due_on is not None and invoice.due_on < today


def status_of(invoice: Invoice, today: date) -> str:
    """The status the API answers for `invoice` on `today`."""
    return "overdue" if is_overdue(invoice, today) else invoice.status

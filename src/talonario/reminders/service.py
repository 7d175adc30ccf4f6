"""Payment reminders: an email of an unpaid invoice, asked for (POST /remind) or due on one of
the company's reminder days (reminders/jobs.py), written to the email outbox with its reminder
row in one transaction; the worker's mailer sends it after the commit, or cancels it if the
invoice was settled meanwhile (documents/mailer.py)."""

from collections.abc import Sequence
from datetime import date

from sqlalchemy.orm import Session

from talonario.documents.repository import EmailOutboxRepository
from talonario.documents.service import client_email, pending_email, recipients_of
from talonario.errors import Conflict
from talonario.invoices import lookup
from talonario.invoices.standing import awaits_payment, status_of
from talonario.models import EmailOutbox, Invoice, InvoiceReminder
from talonario.reminders.repository import ReminderRepository, WithEmail
from talonario.reminders.schemas import RemindIn


class InvoiceNotAwaitingPayment(Conflict):
    code = "invoice_not_awaiting_payment"


def remind(session: Session, company_id: str, ref: str, body: RemindIn, today: date) -> WithEmail:
    """A reminder of the invoice `ref` to `to` (default: its client's email), queued now."""
    invoice = lookup.get(session, company_id, ref, for_update=True)
    if not awaits_payment(invoice):
        raise InvoiceNotAwaitingPayment(
            f"Invoice {invoice.number or invoice.id} is {_state(invoice, today)}: only an issued"
            " invoice with an amount pending can be reminded."
        )
    to = recipients_of(body, invoice.client)
    reminder, email = _queue(
        session, invoice, "manual", None, to, body.copies(), body.subject, body.message
    )
    assert email is not None
    return reminder, email


def remind_on_schedule(session: Session, invoice: Invoice, step: int) -> WithEmail:
    """The scheduled reminder `step` of `invoice`, to its client's email; without one it is
    kept as skipped (`no_email`), so that the user sees it was due and why it did not go."""
    return _queue(session, invoice, "schedule", step, client_email(invoice.client))


def listed(
    session: Session, company_id: str, ref: str, limit: int, starting_after: str | None
) -> tuple[Sequence[WithEmail], bool]:
    invoice = lookup.get(session, company_id, ref)
    return ReminderRepository(session, company_id).page_of(invoice.id, limit, starting_after)


def _queue(
    session: Session,
    invoice: Invoice,
    trigger: str,
    step: int | None,
    to: list[str],
    cc: list[str] | None = None,
    subject: str | None = None,
    message: str | None = None,
) -> WithEmail:
    company_id = invoice.company_id
    email: EmailOutbox | None = None
    if to:
        email = pending_email(company_id, invoice.id, to, cc, subject, message, kind="reminder")
        EmailOutboxRepository(session, company_id).add(email)
        session.flush()  # the email's id, for the reminder to name it
    reminder = InvoiceReminder(
        company_id=company_id,
        invoice_id=invoice.id,
        trigger=trigger,
        step=step,
        email_id=email.id if email is not None else None,
        skip_reason=None if email is not None else "no_email",
    )
    ReminderRepository(session, company_id).add(reminder)
    session.flush()
    return reminder, email


def _state(invoice: Invoice, today: date) -> str:
    if invoice.substituted_by is not None:
        return f"replaced by invoice {invoice.substituted_by}"
    status = status_of(invoice, today)
    return "issued with nothing pending" if status in ("issued", "partially_paid") else status

"""All the SQL of payment reminders: an invoice's reminders with their emails, the invoices a
company's schedule has a reminder due for, and the worker's scan of companies that send them."""

from collections.abc import Sequence
from datetime import date, timedelta

from sqlalchemy import Select, case, exists, func, select
from sqlalchemy.orm import Session

from talonario.db.repository import Repository
from talonario.invoices.repository import awaits_payment_sql
from talonario.models import Company, EmailOutbox, Invoice, InvoiceReminder

# A reminder and its email (None: it was skipped and has none).
WithEmail = tuple[InvoiceReminder, EmailOutbox | None]


class ReminderRepository(Repository[InvoiceReminder]):
    model = InvoiceReminder
    noun = "reminder"

    def of_invoice(self, invoice_id: str) -> list[WithEmail]:
        """Every reminder of the invoice, oldest first, with its email: what a timeline of the
        invoice shows."""
        stmt = self._with_emails(invoice_id).order_by(InvoiceReminder.id)
        found: list[WithEmail] = [(r, e) for r, e in self.session.execute(stmt)]
        return found

    def page_of(
        self, invoice_id: str, limit: int, starting_after: str | None
    ) -> tuple[list[WithEmail], bool]:
        """One cursor page of the invoice's reminders, newest first, with their emails."""
        stmt = self._with_emails(invoice_id)
        if starting_after:
            stmt = stmt.where(InvoiceReminder.id < starting_after)
        stmt = stmt.order_by(InvoiceReminder.id.desc()).limit(limit + 1)
        rows: list[WithEmail] = [(r, e) for r, e in self.session.execute(stmt)]
        return rows[:limit], len(rows) > limit

    def _with_emails(self, invoice_id: str) -> Select[InvoiceReminder, EmailOutbox]:
        # An outer join: the email is None for a skipped reminder.
        return (
            select(InvoiceReminder, EmailOutbox)
            .outerjoin(EmailOutbox, EmailOutbox.id == InvoiceReminder.email_id)
            .where(InvoiceReminder.company_id == self.company_id)
            .where(InvoiceReminder.invoice_id == invoice_id)
        )

    def due(
        self, today: date, days: Sequence[int], limit: int, *, lock: bool, skip_locked: bool
    ) -> list[tuple[Invoice, int]]:
        """Invoices awaiting payment with a scheduled reminder due on `today`, soonest due
        first, each with the latest of `days` already reached (only that one is sent: the
        earlier ones are past) and no reminder yet at that step or a later one. With `lock`
        they are locked for the rest of the transaction (PostgreSQL: those another worker
        holds are skipped with `skip_locked`)."""
        steps = sorted(set(days), reverse=True)
        # Reached when due_on <= today - step; the first reached, from the latest, wins.
        latest = case(*((Invoice.due_on <= today - timedelta(days=s), s) for s in steps))
        later_one = exists().where(
            InvoiceReminder.invoice_id == Invoice.id, InvoiceReminder.step >= latest
        )
        stmt = (
            select(Invoice, latest)
            .where(
                Invoice.company_id == self.company_id,
                Invoice.origin == "api",
                awaits_payment_sql(),
                Invoice.due_on <= today - timedelta(days=steps[-1]),
                ~later_one,
            )
            .order_by(Invoice.due_on, Invoice.id)
            .limit(limit)
        )
        if lock:
            stmt = stmt.with_for_update(of=Invoice, skip_locked=skip_locked)
        return [(invoice, step) for invoice, step in self.session.execute(stmt)]

    def last_steps(self, invoice_ids: Sequence[str]) -> dict[str, int]:
        """The latest scheduled step each invoice had a reminder for (read afresh: a worker
        that committed one since this transaction's scan is seen)."""
        if not invoice_ids:
            return {}
        stmt = (
            self.select(InvoiceReminder.invoice_id, func.max(InvoiceReminder.step))
            .where(InvoiceReminder.invoice_id.in_(invoice_ids), InvoiceReminder.step.is_not(None))
            .group_by(InvoiceReminder.invoice_id)
        )
        return {invoice_id: step for invoice_id, step in self.session.execute(stmt)}


def companies_reminding(session: Session) -> list[tuple[str, str, list[int]]]:
    """Across every company (the worker's scan): those that send automatic reminders, as
    (company id, time zone, reminder days)."""
    stmt = select(Company.id, Company.timezone, Company.reminder_days).where(
        Company.reminders_enabled.is_(True)
    )
    return [(row.id, row.timezone, list(row.reminder_days)) for row in session.execute(stmt)]

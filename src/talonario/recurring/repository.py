"""All the SQL of recurring invoices: the templates, their runs, and the worker's scan."""

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from talonario.clients.repository import ClientRepository
from talonario.db.repository import Repository
from talonario.models import Invoice, RecurringInvoice, RecurringInvoiceRun


class RecurringInvoiceRepository(Repository[RecurringInvoice]):
    model = RecurringInvoice
    noun = "recurring invoice"

    def listed(
        self, status: str | None, client: str | None, limit: int, starting_after: str | None
    ) -> tuple[Sequence[RecurringInvoice], bool]:
        """One page of the company's templates, newest first, by status and client."""
        stmt = self.select()
        if status:
            stmt = stmt.where(RecurringInvoice.status == status)
        if client:
            client_ids = ClientRepository(self.session, self.company_id).ids_of_ref(client)
            stmt = stmt.where(RecurringInvoice.client_id.in_(client_ids))
        return self.page(stmt, limit, starting_after)

    def to_run(self, template_id: str, *, skip_locked: bool) -> RecurringInvoice | None:
        """The template locked for the rest of the transaction (PostgreSQL: a template another
        worker holds is skipped, None; SQLite's writers take turns anyway)."""
        stmt = self.select().where(RecurringInvoice.id == template_id)
        return self.first(stmt.with_for_update(skip_locked=skip_locked))

    def remove(self, template: RecurringInvoice) -> None:
        self.session.delete(template)


class RecurringRunRepository(Repository[RecurringInvoiceRun]):
    model = RecurringInvoiceRun
    noun = "recurring invoice run"

    def of_template(
        self, template_id: str, limit: int, starting_after: str | None
    ) -> tuple[Sequence[tuple[RecurringInvoiceRun, Invoice]], bool]:
        """One page of a template's runs with their invoices, oldest first (ids are UUIDv7,
        runs are made in occurrence order)."""
        stmt = (
            select(RecurringInvoiceRun, Invoice)
            .join(Invoice, Invoice.id == RecurringInvoiceRun.invoice_id)
            .where(
                RecurringInvoiceRun.company_id == self.company_id,
                RecurringInvoiceRun.template_id == template_id,
                Invoice.company_id == self.company_id,
            )
        )
        if starting_after:
            stmt = stmt.where(RecurringInvoiceRun.id > starting_after)
        stmt = stmt.order_by(RecurringInvoiceRun.id).limit(limit + 1)
        rows = [(run, invoice) for run, invoice in self.session.execute(stmt)]
        return rows[:limit], len(rows) > limit


def templates_due(session: Session, on: date, limit: int) -> list[tuple[str, str, date]]:
    """Across every company (the worker's scan): active templates whose next occurrence is on
    or before `on`, soonest first, as (template id, company id, next occurrence's day)."""
    stmt = (
        select(RecurringInvoice.id, RecurringInvoice.company_id, RecurringInvoice.next_on)
        .where(RecurringInvoice.status == "active", RecurringInvoice.next_on <= on)
        .order_by(RecurringInvoice.next_on, RecurringInvoice.id)
        .limit(limit)
    )
    return [(row.id, row.company_id, row.next_on) for row in session.execute(stmt)]

"""All the SQL of invoices: the invoice rows, and what an invoice's answer shows beside them
(its payments, its public link and latest email)."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, not_, or_, select
from sqlalchemy import text as sql_text
from sqlalchemy import update as sql_update
from sqlalchemy.orm import Session, aliased

from talonario.clients.repository import ClientRepository
from talonario.db.repository import Repository
from talonario.invoices.standing import UNPAID
from talonario.models import EmailOutbox, Invoice, Payment, PublicLink
from talonario.models.base import table_of
from talonario.models.invoice import OVERDUE_SCAN_SQL

# An invoice's public link and latest email, either absent.
Delivery = tuple[PublicLink | None, EmailOutbox | None]
NO_DELIVERY: Delivery = (None, None)


@dataclass(frozen=True, slots=True)
class ListFilters:
    status: str | None = None
    client: str | None = None
    series: str | None = None
    type: str | None = None
    issued_on_gte: date | None = None
    issued_on_lte: date | None = None
    external_id: str | None = None
    verifactu_status: str | None = None
    number: str | None = None
    q: str | None = None
    # Invoices of ours (`api`) or gateway records (`gateway`): each list shows one kind.
    origin: str = "api"
    # Only those whose latest record AEAT rejected or accepted with errors.
    with_problems: bool = False
    # The company's date, against which `overdue` is told from `issued` and `partially_paid`
    # (invoices/standing.py); without it those filter on the stored status.
    today: date | None = None


class InvoiceRepository(Repository[Invoice]):
    model = Invoice
    noun = "invoice"

    def listed(
        self, filters: ListFilters, limit: int, starting_after: str | None
    ) -> tuple[Sequence[Invoice], bool]:
        """One page of the company's invoices matching every filter given, newest first."""
        return self.page(self.matching(filters), limit, starting_after)

    def matching(self, filters: ListFilters) -> Select[tuple[Invoice]]:
        """The company's invoices matching every filter given (unordered): the list's, and
        what exports of the list take."""
        stmt = self.select().where(Invoice.origin == filters.origin)
        if filters.status:
            stmt = stmt.where(_status_is(filters.status, filters.today))
        if filters.client:
            client_ids = ClientRepository(self.session, self.company_id).ids_of_ref(filters.client)
            stmt = stmt.where(Invoice.client_id.in_(client_ids))
        if filters.number:
            stmt = stmt.where(Invoice.number == filters.number)
        if filters.q:
            stmt = stmt.where(_text_matches(filters.q))
        if filters.series:
            stmt = stmt.where(
                (Invoice.series_id == filters.series) | (Invoice.series_code == filters.series)
            )
        if filters.type:
            stmt = stmt.where(Invoice.type == filters.type)
        if filters.issued_on_gte:
            stmt = stmt.where(Invoice.issued_on >= filters.issued_on_gte)
        if filters.issued_on_lte:
            stmt = stmt.where(Invoice.issued_on <= filters.issued_on_lte)
        if filters.external_id:
            stmt = stmt.where(Invoice.external_id == filters.external_id)
        if filters.verifactu_status:
            stmt = stmt.where(Invoice.verifactu_status == filters.verifactu_status)
        if filters.with_problems:
            stmt = stmt.where(Invoice.verifactu_status.in_(("rejected", "accepted_with_errors")))
        return stmt

    def remove(self, invoice: Invoice) -> None:
        """Delete the row (a draft) with the transaction's next flush."""
        self.session.delete(invoice)

    # --- between invoices: an F3 and the F2s it replaces ----------------------------------

    def mark_substituted(self, ids: Sequence[str], by: str) -> int:
        """Point the F2s `ids` at their F3 `by`, unless replaced or voided meanwhile; how many
        were marked. In the issue transaction: a Core UPDATE, no ORM load."""
        invoices = table_of(Invoice)
        result = self.session.connection().execute(
            sql_update(invoices)
            .where(
                invoices.c.company_id == self.company_id,
                invoices.c.id.in_(ids),
                invoices.c.substituted_by.is_(None),
                invoices.c.status != "voided",
            )
            .values(substituted_by=by)
        )
        return result.rowcount

    def release_substituted(self, ids: Sequence[str]) -> None:
        """The F2s `ids` stand again on their own (their F3 was voided)."""
        self.session.execute(self.update().where(Invoice.id.in_(ids)).values(substituted_by=None))

    # --- what an invoice's answer shows beside the row ------------------------------------

    def payments_of(self, invoice_ids: Sequence[str]) -> dict[str, list[Payment]]:
        """Each invoice's payments, oldest first: one query for a whole page."""
        found: dict[str, list[Payment]] = {i: [] for i in invoice_ids}
        if not invoice_ids:
            return found
        stmt = (
            select(Payment)
            .where(Payment.company_id == self.company_id, Payment.invoice_id.in_(invoice_ids))
            .order_by(Payment.id)
        )
        for payment in self.session.scalars(stmt):
            found[payment.invoice_id].append(payment)
        return found

    def deliveries_of(self, invoices: Sequence[Invoice]) -> dict[str, Delivery]:
        """The public link and the latest email of each invoice: two queries for a whole page (a
        draft has neither, so drafts cost none)."""
        found: dict[str, Delivery] = {i.id: NO_DELIVERY for i in invoices}
        ids = [i.id for i in invoices if i.status != "draft"]
        if not ids:
            return found
        links = select(PublicLink).where(
            PublicLink.company_id == self.company_id, PublicLink.invoice_id.in_(ids)
        )
        by_invoice = {link.invoice_id: link for link in self.session.scalars(links)}
        newest_first = func.row_number().over(
            partition_by=EmailOutbox.invoice_id,
            order_by=(EmailOutbox.created_at.desc(), EmailOutbox.id.desc()),
        )
        ranked = (
            select(EmailOutbox, newest_first.label("newest"))
            .where(
                EmailOutbox.company_id == self.company_id,
                EmailOutbox.invoice_id.in_(ids),
                EmailOutbox.kind == "invoice",  # reminders are listed apart (reminders/)
            )
            .subquery()
        )
        latest = aliased(EmailOutbox, ranked)
        emails = {
            email.invoice_id: email
            for email in self.session.scalars(select(latest).where(ranked.c.newest == 1))
        }
        for invoice_id in ids:
            found[invoice_id] = (by_invoice.get(invoice_id), emails.get(invoice_id))
        return found

    def delivery_of(self, invoice: Invoice) -> Delivery:
        return self.deliveries_of([invoice])[invoice.id]

    # --- overdue: the worker's announcement of invoice.overdue -----------------------------

    def lock_newly_overdue(
        self, ids: Sequence[str], today: date, *, skip_locked: bool
    ) -> Sequence[Invoice]:
        """Those of `ids` overdue on `today` and not yet announced, locked for the rest of the
        transaction (PostgreSQL: one another worker holds is skipped; SQLite's writers take
        turns anyway). Checked again here: one may have been paid since the scan."""
        stmt = self.select().where(
            Invoice.id.in_(ids), Invoice.overdue_at.is_(None), overdue_on(today)
        )
        return self.all(stmt.order_by(Invoice.id).with_for_update(skip_locked=skip_locked))

    def stamp_overdue(self, invoice_id: str, now: datetime) -> bool:
        """Mark the invoice announced, unless it already was: only one of two racing
        transactions sees its UPDATE count a row, and only that one announces it."""
        result = self.session.execute(
            self.update()
            .where(Invoice.id == invoice_id, Invoice.overdue_at.is_(None))
            .values(overdue_at=now)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]


def overdue_on(today: date) -> ColumnElement[bool]:
    """invoices/standing.is_overdue in SQL."""
    return and_(awaits_payment_sql(), Invoice.due_on < today)


def awaits_payment_sql() -> ColumnElement[bool]:
    """invoices/standing.awaits_payment in SQL: unpaid, something pending, not replaced by an
    F3. An `issued` invoice has no payment yet and a `partially_paid` one less than its total
    (payments/service._settle), so no two amounts are compared (SQLite keeps Money as text):
    an `issued` one owes when its total is positive, which its text shows too, stored at two
    places (`-` sorts before every digit)."""
    owes = or_(Invoice.status == "partially_paid", Invoice.total > Decimal("0.00"))
    return and_(Invoice.status.in_(UNPAID), owes, Invoice.substituted_by.is_(None))


def _status_is(status: str, today: date | None) -> ColumnElement[bool]:
    """The list's `status`: `overdue` is computed, so `issued` and `partially_paid` mean
    those not overdue on `today`."""
    if today is None or status not in (*UNPAID, "overdue"):
        return Invoice.status == status
    if status == "overdue":
        return overdue_on(today)
    not_due = or_(Invoice.due_on.is_(None), Invoice.due_on >= today)
    return and_(Invoice.status == status, or_(not_due, not_(awaits_payment_sql())))


def unannounced_overdue(session: Session, before: date, limit: int) -> list[tuple[str, str, date]]:
    """Across every company (the worker's scan, on the partial index ix_invoices_overdue_scan):
    unpaid invoices of ours due before `before` whose overdue was not announced, soonest due
    first, as (invoice id, company id, due_on). Each company's own date decides after."""
    stmt = (
        select(Invoice.id, Invoice.company_id, Invoice.due_on)
        .where(
            sql_text(OVERDUE_SCAN_SQL),  # the index's own words, so that SQLite sees it applies
            Invoice.due_on < before,
            Invoice.origin == "api",
            awaits_payment_sql(),  # or one never overdue would hold its place in every batch
        )
        .order_by(Invoice.due_on, Invoice.id)
        .limit(limit)
    )
    return [(row.id, row.company_id, row.due_on) for row in session.execute(stmt)]


def _text_matches(text: str) -> Any:
    """Part of the number, external_id or the client snapshot's name or NIF, in any case.

    A substring cannot use an index: the scan is bounded by the company (the list's index on
    company_id, id) and stops at the page's end, newest first. Exact lookups go through
    `number`, `external_id` and `client`, which are indexed.
    """
    needle = text.lower()
    columns = (
        Invoice.number,
        Invoice.external_id,
        Invoice.client["name"].as_string(),
        Invoice.client["nif"].as_string(),
    )
    return or_(*(func.lower(c).contains(needle, autoescape=True) for c in columns))

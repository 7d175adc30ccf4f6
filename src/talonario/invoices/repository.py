"""All the SQL of invoices: the invoice rows, and what an invoice's answer shows beside them
(its payments, its public link and latest email)."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy import update as sql_update
from sqlalchemy.orm import aliased

from talonario.clients.repository import ClientRepository
from talonario.db.repository import Repository
from talonario.models import EmailOutbox, Invoice, Payment, PublicLink
from talonario.models.base import table_of

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
            stmt = stmt.where(Invoice.status == filters.status)
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
            .where(EmailOutbox.company_id == self.company_id, EmailOutbox.invoice_id.in_(ids))
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

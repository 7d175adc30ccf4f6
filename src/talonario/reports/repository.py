"""The SQL of reports: the company's invoices as the accountant's reports read them, each
statement filtered by the company (db/repository.py)."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from talonario.db.repository import Repository
from talonario.invoices.repository import InvoiceRepository, ListFilters
from talonario.models import Invoice

# An invoice that was issued and still stands: paid or not. Drafts have no number; a voided
# invoice never existed for tax purposes (its anulación record says so).
STANDING = ("issued", "partially_paid", "paid")
# Of ours (`api`): gateway records were issued, and are declared, by the system that issued them.
OURS = "api"

# What the tax reports read of an invoice: no lines, no snapshots of the issuer.
_TAX_COLUMNS = (
    Invoice.id,
    Invoice.number,
    Invoice.type,
    Invoice.status,
    Invoice.issued_on,
    Invoice.client,
    Invoice.tax_breakdown,
    Invoice.corrective,
    Invoice.exclude_347,
    Invoice.substituted_by,
)


@dataclass(frozen=True, slots=True)
class TaxRow:
    """An issued invoice as the 347 and VAT reports see it."""

    id: str
    number: str | None
    type: str
    status: str
    issued_on: date
    client: dict[str, Any] | None
    tax_breakdown: list[dict[str, Any]]
    corrective: dict[str, Any] | None
    exclude_347: bool
    substituted_by: str | None


class ReportRepository(Repository[Invoice]):
    model = Invoice
    noun = "invoice"

    def standing_between(self, start: date, end: date) -> list[TaxRow]:
        """The company's standing invoices of ours issued from `start` to `end` (both
        included), in issue order."""
        stmt = (
            self.select(*_TAX_COLUMNS)
            .where(
                Invoice.origin == OURS,
                Invoice.status.in_(STANDING),
                Invoice.issued_on >= start,
                Invoice.issued_on <= end,
            )
            .order_by(Invoice.issued_on, Invoice.id)
        )
        return [TaxRow(*row) for row in self.session.execute(stmt)]

    def tax_rows_of(self, ids: Iterable[str]) -> dict[str, TaxRow]:
        """The invoices `ids` (those a substitution rectifies), whatever their date."""
        wanted = sorted(set(ids))
        if not wanted:
            return {}
        stmt = self.select(*_TAX_COLUMNS).where(Invoice.id.in_(wanted))
        return {row.id: TaxRow(*row) for row in self.session.execute(stmt)}

    def export_batch(self, filters: ListFilters, after: str | None, size: int) -> Sequence[Invoice]:
        """The next `size` invoices matching the list's `filters`, oldest first (by id, which
        follows creation), after the id `after`."""
        stmt = InvoiceRepository(self.session, self.company_id).matching(filters)
        if after is not None:
            stmt = stmt.where(Invoice.id > after)
        return self.all(stmt.order_by(Invoice.id).limit(size))

    def issued_ids_between(self, start: date, end: date) -> list[tuple[str, date]]:
        """Every invoice of ours issued from `start` to `end`, voided ones included (they were
        numbered and sent): (id, issued_on) in issue order."""
        stmt = (
            self.select(Invoice.id, Invoice.issued_on)
            .where(
                Invoice.origin == OURS,
                Invoice.status != "draft",
                Invoice.issued_on >= start,
                Invoice.issued_on <= end,
            )
            .order_by(Invoice.issued_on, Invoice.id)
        )
        return [(row.id, row.issued_on) for row in self.session.execute(stmt)]

"""The SQL of gateway records beyond the invoice repository's: which numbers a year holds."""

from collections.abc import Collection

from sqlalchemy.orm import Session

from talonario.db.lists import any_of
from talonario.invoices.repository import InvoiceRepository
from talonario.models import Invoice

NumberInYear = tuple[str, int]


def same_numbers(
    session: Session, company_id: str, wanted: Collection[NumberInYear]
) -> dict[NumberInYear, Invoice]:
    """The company's invoices and records holding any of `wanted` (number, year): the identity
    a second one may not take (UNIQUE company, number, issued_year). Ids first, in one query
    over the index, and whole rows only for those found: a batch asks for 1,000 at once, and
    almost all are free."""
    if not wanted:
        return {}
    repo = InvoiceRepository(session, company_id)
    numbers = sorted({number for number, _ in wanted})
    found = session.execute(
        repo.select(Invoice.id, Invoice.number, Invoice.issued_year).where(
            any_of(Invoice.number, numbers, session.get_bind().dialect)
        )
    ).all()
    taken = {(row.number, row.issued_year): row.id for row in found}
    rows = {key: repo.get(taken[key]) for key in wanted if key in taken}
    return {key: row for key, row in rows.items() if row is not None}

"""The SQL of gateway records beyond the invoice repository's: a number's record in a year."""

from sqlalchemy.orm import Session

from talonario.invoices.repository import InvoiceRepository
from talonario.models import Invoice


def same_number(session: Session, company_id: str, number: str, year: int) -> Invoice | None:
    """The company's invoice or record with `number` in `year`: the identity a second one may
    not take (UNIQUE company, number, issued_year)."""
    repo = InvoiceRepository(session, company_id)
    stmt = repo.select().where(Invoice.number == number, Invoice.issued_year == year)
    return repo.first(stmt)  # type: ignore[no-any-return]

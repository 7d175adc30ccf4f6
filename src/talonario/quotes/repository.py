"""All the SQL of quotes: the quote rows of one company, their numbers, and the public link's
lookup by token (which spans companies, as the invoices' /p/{token} does)."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from talonario.clients.repository import ClientRepository
from talonario.db.repository import CompanyRepository, Repository
from talonario.models import EmailOutbox, Quote


@dataclass(frozen=True, slots=True)
class QuoteFilters:
    status: str | None = None
    client: str | None = None
    kind: str | None = None
    issued_on_gte: date | None = None
    issued_on_lte: date | None = None
    valid_until_gte: date | None = None
    valid_until_lte: date | None = None
    external_id: str | None = None


class QuoteRepository(Repository[Quote]):
    model = Quote
    noun = "quote"

    def listed(
        self, filters: QuoteFilters, today: date, limit: int, starting_after: str | None
    ) -> tuple[Sequence[Quote], bool]:
        """One page of the company's quotes matching every filter, newest first. `expired` and
        `sent` are told apart by `valid_until` against `today` (quotes/states.py)."""
        stmt = self.select()
        if filters.status == "expired":
            stmt = stmt.where(Quote.status == "sent", Quote.valid_until < today)
        elif filters.status == "sent":
            stmt = stmt.where(Quote.status == "sent", Quote.valid_until >= today)
        elif filters.status:
            stmt = stmt.where(Quote.status == filters.status)
        if filters.client:
            client_ids = ClientRepository(self.session, self.company_id).ids_of_ref(filters.client)
            stmt = stmt.where(Quote.client_id.in_(client_ids))
        if filters.kind:
            stmt = stmt.where(Quote.kind == filters.kind)
        if filters.issued_on_gte:
            stmt = stmt.where(Quote.issued_on >= filters.issued_on_gte)
        if filters.issued_on_lte:
            stmt = stmt.where(Quote.issued_on <= filters.issued_on_lte)
        if filters.valid_until_gte:
            stmt = stmt.where(Quote.valid_until >= filters.valid_until_gte)
        if filters.valid_until_lte:
            stmt = stmt.where(Quote.valid_until <= filters.valid_until_lte)
        if filters.external_id:
            stmt = stmt.where(Quote.external_id == filters.external_id)
        return self.page(stmt, limit, starting_after)

    def latest_emails(self, quote_ids: Sequence[str]) -> dict[str, EmailOutbox]:
        """The latest email of each of the quotes that has one, by quote id."""
        if not quote_ids:
            return {}
        stmt = (
            select(EmailOutbox)
            .where(EmailOutbox.company_id == self.company_id, EmailOutbox.quote_id.in_(quote_ids))
            .order_by(EmailOutbox.created_at, EmailOutbox.id)
        )
        return {row.quote_id: row for row in self.session.scalars(stmt) if row.quote_id}

    def next_sequence(self, kind: str, year: int) -> int:
        """The next number of `kind` in `year`. The company's row is locked first (FOR NO KEY
        UPDATE on PostgreSQL, which leaves inserts referring to the company free; SQLite's
        writers are serialised anyway), so two quotes created at once never take the same one;
        the (company_id, number) constraint is the last line of defence."""
        companies = CompanyRepository(self.session, self.company_id)
        companies.first(companies.select().with_for_update(key_share=True))
        last = self.session.scalar(
            self.select(func.max(Quote.sequence)).where(Quote.kind == kind, Quote.year == year)
        )
        return (last or 0) + 1

    def remove(self, quote: Quote) -> None:
        self.session.delete(quote)


def quote_by_token(session: Session, token: str) -> Quote | None:
    # Spans companies: whoever holds the link's token names no company.
    return session.scalars(select(Quote).where(Quote.public_token == token)).first()

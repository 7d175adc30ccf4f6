"""The SQL of clients: every statement over the clients table, filtered by the company."""

from collections.abc import Sequence

from sqlalchemy import select

from talonario.db.repository import Repository
from talonario.models import Client, Invoice


class ClientRepository(Repository[Client]):
    model = Client
    noun = "client"

    def page_matching(
        self, limit: int, starting_after: str | None, nif: str | None, external_id: str | None
    ) -> tuple[Sequence[Client], bool]:
        """A page of the company's clients, newest first, with this nif and/or external_id."""
        stmt = self.select()
        if nif is not None:
            stmt = stmt.where(Client.nif == nif)
        if external_id is not None:
            stmt = stmt.where(Client.external_id == external_id)
        return self.page(stmt, limit, starting_after)

    def has_invoices(self, client_id: str) -> bool:
        """Whether any invoice of the company refers to the client."""
        stmt = select(Invoice.id).where(
            Invoice.company_id == self.company_id, Invoice.client_id == client_id
        )
        return self.session.scalar(stmt.limit(1)) is not None

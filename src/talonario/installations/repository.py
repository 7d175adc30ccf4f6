"""The SQL of installations outside the append path (whose lock and link moves are
records/chain_repository.py)."""

from collections.abc import Sequence

from sqlalchemy import or_

from talonario.db.repository import Repository
from talonario.models import Installation


class InstallationRepository(Repository[Installation]):
    model = Installation
    noun = "installation"

    def by_ref(self, ref: str, *, for_update: bool = False) -> Installation | None:
        """By id or, failing that, by installation_number."""
        for column in (Installation.id, Installation.installation_number):
            stmt = self.select().where(column == ref)
            found = self.first(stmt.with_for_update() if for_update else stmt)
            if found is not None:
                return found  # type: ignore[no-any-return]
        return None

    def named_by(self, number: str, own_id: str | None = None) -> str | None:
        """The id of another of the company's installations that `number` names (as its
        installation_number, or its id), if any."""
        stmt = self.select(Installation.id).where(
            or_(Installation.installation_number == number, Installation.id == number)
        )
        if own_id is not None:
            stmt = stmt.where(Installation.id != own_id)
        return self.session.scalar(stmt.limit(1))

    def every(self) -> Sequence[Installation]:
        """All the company's installations, oldest first (a company has a handful)."""
        return self.all(self.select().order_by(Installation.id))

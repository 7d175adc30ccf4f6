"""Event 07 after a backup restore (Orden HAC/1177/2024 art. 9): `talonario events
backup-restored` runs it once the database is back, for every company in NO VERI*FACTU (or
one)."""

from typing import Any

from talonario.db import Database
from talonario.db.repository import CompanyRepository
from talonario.events.repository import companies_in_no_verifactu
from talonario.events.service import backup_restored


def log_backup_restored(
    db: Database, settings: Any, company_id: str | None = None, note: str | None = None
) -> list[str]:
    """Log the restore in each NO VERI*FACTU company's event log (or only `company_id`'s);
    the ids of the events written."""
    with db.read_session() as session:
        ids = [company_id] if company_id else companies_in_no_verifactu(session)
    written = []
    for one in ids:
        with db.write_session() as session:
            company = CompanyRepository(session, one).existing()
            row = backup_restored(session, settings, company, note)
            session.commit()
            if row is not None:
                written.append(row.id)
    return written

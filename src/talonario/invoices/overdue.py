"""The worker's job: announce each invoice that became overdue with `invoice.overdue`, once.

The status needs no job (invoices/standing.py computes it on read); the event does. A scan of
unpaid invoices not yet announced (a partial index) finds the candidates across companies;
each company's are then taken in one write transaction: locked (PostgreSQL: FOR UPDATE SKIP
LOCKED, so a second worker passes over them; SQLite: its writers take turns), checked again,
and stamped `overdue_at` by an UPDATE that only counts a row still unstamped, which alone
writes the event. Two workers, or a pass run again, announce an invoice once; a crash before
the commit announced nothing and the next pass does it.

An invoice paid, voided or replaced meanwhile is no longer a candidate; one that comes back
to unpaid (a payment deleted) after it was announced is overdue again but not announced again.
"""

from collections import defaultdict
from datetime import date, timedelta

from sqlalchemy.orm import Session

from talonario.config import Settings
from talonario.db import Database
from talonario.db.repository import CompanyRepository
from talonario.invoices.events import announce
from talonario.invoices.repository import InvoiceRepository, unannounced_overdue
from talonario.kit.clock import today_in, utcnow

# Invoices looked at per pass; the worker runs again at once while a pass did something.
BATCH = 200


def announce_overdue(db: Database, settings: Settings, *, today: date | None = None) -> int:
    """Announce the invoices overdue today; how many were. `today` (tests) stands for the day
    in every company; otherwise each company's own day in its time zone."""
    # No time zone is a day ahead of UTC: due before UTC's tomorrow takes every candidate.
    before = today + timedelta(days=1) if today else utcnow().date() + timedelta(days=1)
    by_company: dict[str, list[str]] = defaultdict(list)
    with db.read_session() as session:
        days: dict[str, date] = {}
        for invoice_id, company_id, due_on in unannounced_overdue(session, before, BATCH):
            if company_id not in days:
                days[company_id] = today or _today_of(session, settings, company_id)
            if due_on < days[company_id]:
                by_company[company_id].append(invoice_id)
    announced = 0
    for company_id, ids in by_company.items():
        announced += _announce(db, company_id, ids, today or days[company_id])
    return announced


def _today_of(session: Session, settings: Settings, company_id: str) -> date:
    company = CompanyRepository(session, company_id).existing(detached=True)
    return today_in(company.timezone or settings.timezone)


def _announce(db: Database, company_id: str, ids: list[str], today: date) -> int:
    announced = 0
    with db.write_session() as session:
        repo = InvoiceRepository(session, company_id)
        now = utcnow()
        for invoice in repo.lock_newly_overdue(ids, today, skip_locked=not db.is_sqlite):
            if repo.stamp_overdue(invoice.id, now):
                announce(session, invoice, "invoice.overdue", today)
                announced += 1
        session.commit()
    return announced

"""The worker's job: make every due occurrence of every active template, exactly once.

Each occurrence is one write transaction: the template row locked (PostgreSQL: FOR UPDATE
SKIP LOCKED, so a second worker passes to another template; SQLite: its writers take turns),
its next occurrence read again under the lock, and if still due, the invoice made through
the invoices service, its run row (UNIQUE per template and occurrence) and the template's
move to the next occurrence committed together. Two workers, a crash between any two
statements, or a pass run again can neither make an occurrence twice nor skip one: what is
not committed is not made, and what is committed moved the template past it.

Missed occurrences (the worker was down) are made in order, one transaction each, on the day
of the catch-up (recurring/service.py says why the invoice is dated that day).
"""

import logging
from datetime import date, timedelta

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from talonario.config import Settings
from talonario.db import Database
from talonario.db.repository import CompanyRepository
from talonario.errors import AppError
from talonario.kit.clock import today_in, utcnow
from talonario.recurring import service
from talonario.recurring.repository import RecurringInvoiceRepository, templates_due

log = logging.getLogger(__name__)

# Templates looked at per pass; the next pass takes the rest.
BATCH = 100


def issue_due(db: Database, settings: Settings, *, today: date | None = None) -> int:
    """Make the due occurrences; how many invoices were made. `today` (tests) stands for the
    day in every company; otherwise each company's own day in its timezone."""
    # No timezone is more than a day ahead of UTC: the scan takes every template maybe due.
    horizon = today or utcnow().date() + timedelta(days=1)
    due = []
    with db.read_session() as session:
        days: dict[str, date] = {}  # each company's today
        for template_id, company_id, next_on in templates_due(session, horizon, BATCH):
            if company_id not in days:
                days[company_id] = today or _today_of(session, settings, company_id)
            if next_on <= days[company_id]:  # due where the company is: worth a write lock
                due.append((template_id, company_id))
    made = 0
    for template_id, company_id in due:
        while _make_one(db, settings, company_id, template_id, today):
            made += 1
    return made


def _today_of(session: Session, settings: Settings, company_id: str) -> date:
    company = CompanyRepository(session, company_id).existing(detached=True)
    return today_in(company.timezone or settings.timezone)


def _make_one(
    db: Database, settings: Settings, company_id: str, template_id: str, today: date | None
) -> bool:
    """The template's next occurrence, if due and the template is free: made and committed."""
    error: AppError | None = None
    with db.write_session() as session:
        repo = RecurringInvoiceRepository(session, company_id)
        template = repo.to_run(template_id, skip_locked=not db.is_sqlite)
        if template is None or template.status != "active" or template.next_on is None:
            return False
        company = CompanyRepository(session, company_id).existing()
        day = today or today_in(company.timezone or settings.timezone)
        if template.next_on > day:
            return False
        occurrence = template.next_index
        try:
            service.make_next(session, settings, company, template, day)
            session.commit()
            return True
        except AppError as exc:
            error = exc
        except IntegrityError:
            # Made meanwhile by another worker: the run's UNIQUE refused the second.
            log.warning("recurring invoice %s occurrence %s already made", template_id, occurrence)
            return False
    # The invoice rules refused it (outside the failed transaction): pause with the reason.
    with db.write_session() as session:
        template = RecurringInvoiceRepository(session, company_id).to_run(
            template_id, skip_locked=False
        )
        still = template is not None and template.status == "active"
        if still and template is not None and template.next_index == occurrence:
            log.warning("recurring invoice %s paused: %s", template_id, error)
            service.halt(template, day, f"Occurrence {occurrence}: {error}")
            session.commit()
    return False

"""The worker's job: send each company's scheduled payment reminders, each step of each
unpaid invoice at most once.

A step is a day relative to the invoice's `due_on` (the company's `reminders.days`). On a
company's day, an invoice awaiting payment gets the latest step it has reached, if it has no
reminder at that step or a later one: steps passed while reminders were off or the worker was
down are not sent one after another, only the latest (so an invoice three weeks overdue when
reminders are switched on gets one reminder, not three).

The company's due invoices are taken in one write transaction: locked (PostgreSQL: FOR UPDATE
SKIP LOCKED, a second worker passes over them; SQLite: its writers take turns), their latest
steps read again under the lock, and each reminder row written with its outbox email, so the
email exists if and only if its reminder does. UNIQUE (invoice_id, step) is the last line of
defence: a second worker's insert is refused and its transaction rolls back whole.

Reminder days are whole days, so with the real clock a company is looked at again only after
RESCAN (its state may change meanwhile: an invoice issued already past a step waits that long).
"""

import logging
from datetime import date, datetime, timedelta

from sqlalchemy.exc import IntegrityError

from talonario.config import Settings
from talonario.db import Database
from talonario.kit.clock import today_in, utcnow
from talonario.reminders import service
from talonario.reminders.repository import ReminderRepository, companies_reminding

log = logging.getLogger(__name__)

BATCH = 100
RESCAN = timedelta(minutes=5)
# When this process last found nothing more to send for each company (the real clock only).
_scanned: dict[str, datetime] = {}


def send_scheduled(db: Database, settings: Settings, *, today: date | None = None) -> int:
    """Queue the reminders due; how many were written (sent or skipped). `today` (tests)
    stands for the day in every company, and looks at every company at once."""
    now = utcnow()
    with db.read_session() as session:
        reminding = companies_reminding(session)
    written = 0
    for company_id, timezone, days in reminding:
        scanned = _scanned.get(company_id)
        if today is None and scanned is not None and now - scanned < RESCAN:
            continue
        day = today or today_in(timezone or settings.timezone)
        made, more = _remind(db, company_id, days, day)
        written += made
        if not more:
            _scanned[company_id] = now
    return written


def _remind(db: Database, company_id: str, days: list[int], today: date) -> tuple[int, bool]:
    """The company's due reminders, a batch at a time: (written, whether more may wait)."""
    with db.read_session() as session:
        if not ReminderRepository(session, company_id).due(
            today, days, 1, lock=False, skip_locked=False
        ):
            return 0, False  # nothing due: no write lock taken
    written = 0
    try:
        with db.write_session() as session:
            repo = ReminderRepository(session, company_id)
            due = repo.due(today, days, BATCH, lock=True, skip_locked=not db.is_sqlite)
            last = repo.last_steps([invoice.id for invoice, _ in due])
            for invoice, step in due:
                if invoice.id in last and last[invoice.id] >= step:
                    continue  # another worker sent it since this transaction's scan
                service.remind_on_schedule(session, invoice, step)
                written += 1
            session.commit()
    except IntegrityError:
        log.warning("reminders of company %s were written meanwhile by another worker", company_id)
        return 0, True
    return written, len(due) == BATCH

"""The worker's share of the event log: the summary event (10) of every company in NO
VERI*FACTU at least every 6 hours of operation and once more before the worker stops (Orden
HAC/1177/2024 art. 9), and anomaly detection once a day. Each company in its own transaction;
the head row's lock and a second look at the due time keep two workers from doubling one."""

import logging
from collections.abc import Callable, Collection
from datetime import datetime, timedelta
from typing import Any

from talonario.db import Database
from talonario.db.repository import CompanyRepository
from talonario.events.audit import audit_company
from talonario.events.repository import (
    EventRepository,
    companies_in_no_verifactu,
    summaries_due,
)
from talonario.events.service import SUMMARY_EVERY_SECONDS, summarize
from talonario.kit.clock import utcnow
from talonario.verifactu.events import EventType

log = logging.getLogger(__name__)
AUDIT_EVERY = timedelta(days=1)


def summarize_due(
    db: Database, settings: Any, now: datetime | None = None, only: Collection[str] = ()
) -> int:
    """The summaries whose 6 hours are up (of the companies `only`, if given); how many were
    written."""
    now = now or utcnow()
    cutoff = now - timedelta(seconds=SUMMARY_EVERY_SECONDS)
    return _summaries(db, settings, now, cutoff, only)


def summarize_before_shutdown(
    db: Database, settings: Any, now: datetime | None = None, only: Collection[str] = ()
) -> int:
    """Every NO VERI*FACTU company's summary of its running period, before the worker stops."""
    return _summaries(db, settings, now or utcnow(), None, only)


def _summaries(
    db: Database,
    settings: Any,
    now: datetime,
    due_before: datetime | None,
    only: Collection[str],
) -> int:
    with db.read_session() as session:
        due = [c for c in summaries_due(session, due_before) if not only or c in only]

    def one(company_id: str) -> object:
        with db.write_session() as session:
            company = CompanyRepository(session, company_id).company()
            if company is None:
                return None
            row = summarize(session, settings, company, now, due_before=due_before)
            session.commit()
            return row

    return _each_company(due, "summary event", one)


def _each_company(company_ids: Collection[str], what: str, job: Callable[[str], object]) -> int:
    """Run `job` for each company, each in transactions of its own; one that fails is logged
    and the others go on. How many did something (`job` answered a true value)."""
    done = 0
    for company_id in company_ids:
        try:
            if job(company_id):
                done += 1
        except Exception:
            log.exception("%s of company %s failed", what, company_id)
    return done


def audit_due(
    db: Database, settings: Any, now: datetime | None = None, only: Collection[str] = ()
) -> int:
    """Anomaly detection for every NO VERI*FACTU company (of `only`, if given) not checked in
    the last day: each checked in read sessions, its events logged in a short write
    transaction at the end (events/audit.py). `now` decides which are due and, when given (a
    test's clock), is when their events are generated; by default each company's events are
    generated when they are logged, at the end of its check (a time taken once for every
    company would put a later company's events before any logged during the checks before)."""
    when = now or utcnow()
    with db.read_session() as session:
        due = [
            company_id
            for company_id in companies_in_no_verifactu(session)
            if not only or company_id in only
            if (
                last := EventRepository(session, company_id).last_of_type(
                    EventType.RECORDS_AUDIT_LAUNCHED.value
                )
            )
            is None
            or last <= when - AUDIT_EVERY
        ]
    return _each_company(
        due,
        "anomaly detection",
        lambda company_id: audit_company(db, settings, company_id, now),
    )

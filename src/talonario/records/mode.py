"""Which records a company makes now: VERI*FACTU (remitted) or NO VERI*FACTU (signed, kept).

The mode is read under the company's chain head lock, in the transaction that chains: a mode
read earlier (a request's read phase, a company loaded before the lock) may have changed since,
and a record made in the wrong mode is either a kept record nobody regularises or an unsigned
one AEAT was never meant to receive. A switch (companies/mode.py) takes the same lock first, so
records and switches are in one order, and the event log's lock always comes after the chain's.

A switch scheduled for a later day (leaving VERI*FACTU from 1 January, Orden HAC/1177/2024
art. 17) is made here too: by the first transaction that chains on or after that day in the
company's time zone, or by the worker's `switch_due` job, whichever comes first; the other
finds it made.
"""

import logging
from datetime import date, datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from sqlalchemy import inspect
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from talonario.config import Settings
from talonario.db import Database
from talonario.db.txmemo import memo, remembered
from talonario.events.service import CertificateRequired, log_event
from talonario.kit.clock import utcnow
from talonario.models import Company
from talonario.records import chain
from talonario.records.mode_repository import ModeRepository, companies_with_switch_by

Mode = Literal["verifactu", "no_verifactu"]
VERIFACTU: Mode = "verifactu"
NO_VERIFACTU: Mode = "no_verifactu"
# L2E TipoEvento of a switch (EventosSIF.xsd): start / end of NO VERI*FACTU operation.
EVENT_START_NO_VERIFACTU = "01"
EVENT_END_NO_VERIFACTU = "02"
_NOTES = {
    EVENT_START_NO_VERIFACTU: "start of NO VERI*FACTU operation",
    EVENT_END_NO_VERIFACTU: "end of NO VERI*FACTU operation (VERI*FACTU from now)",
}
_SCHEDULED_NOTE = " (scheduled for {on})"

log = logging.getLogger(__name__)


def local_today(company: Company, now: datetime) -> date:
    return now.astimezone(ZoneInfo(company.timezone)).date()


def current_mode(
    session: Session, settings: Settings, company: Company, now: datetime | None = None
) -> Mode:
    """The company's mode as stored now, with a due scheduled switch made; once per
    transaction. Locks the chain head (if the transaction does not hold it yet). A `company`
    of this session shows the answer; a read phase's detached copy is left as it was (a
    group-commit unit may run twice and touches nothing outside its session)."""

    def read() -> Mode:
        chain.lock_head(session, company.id)
        row = ModeRepository(session, company.id).stored()
        _show(company, *row)
        when = now or utcnow()
        due = row.verifactu_next_mode_on
        if row.verifactu_next_mode is not None and due <= local_today(company, when):
            switch(session, settings, company, row.verifactu_next_mode, when, scheduled=due)
            return row.verifactu_next_mode  # type: ignore[no-any-return]
        return row.verifactu_mode  # type: ignore[no-any-return]

    return remembered(session, ("verifactu_mode", company.id), read)


def switch(
    session: Session,
    settings: Settings,
    company: Company,
    mode: Mode,
    now: datetime,
    *,
    scheduled: date | None = None,
) -> None:
    """Make `company` operate in `mode` from `now`: its columns, and its signed event (01 or 02)
    in the same transaction. The caller holds the chain head's lock and has decided the switch
    is allowed; a switch back to VERI*FACTU also needs the kept records regularised
    (records/regularisation.py), which the caller does."""
    chain.lock_head(session, company.id)
    ModeRepository(session, company.id).switched(mode, now)
    _show(company, mode, now, None, None)
    kind = EVENT_START_NO_VERIFACTU if mode == NO_VERIFACTU else EVENT_END_NO_VERIFACTU
    note = _NOTES[kind] + (_SCHEDULED_NOTE.format(on=scheduled.isoformat()) if scheduled else "")
    log_event(session, settings, company, kind, note=note, now=now)
    # The answer of current_mode for the rest of the transaction.
    _remember(session, company, mode)


def schedule(session: Session, company: Company, mode: Mode | None, on: date | None) -> None:
    """Keep (or with None, drop) a switch to `mode` on the day `on`."""
    ModeRepository(session, company.id).scheduled(mode, on)
    _show(company, company.verifactu_mode, company.verifactu_mode_since, mode, on)


def _remember(session: Session, company: Company, mode: Mode) -> None:
    values = memo(session)
    if values is not None:
        values[("verifactu_mode", company.id)] = mode


def end_date(company: Company) -> date | None:
    """RemisionVoluntaria/FechaFinVeriFactu for the company's submissions: the last day it
    operates as VERI*FACTU, while a renounce is scheduled and AEAT has not yet answered a
    submission that said so."""
    if company.verifactu_next_mode != NO_VERIFACTU or company.verifactu_next_mode_on is None:
        return None
    if company.verifactu_end_reported_at is not None:
        return None
    return company.verifactu_next_mode_on - timedelta(days=1)


def end_reported(session: Session, company_id: str, end: date, now: datetime) -> None:
    """AEAT answered a submission announcing the renounce that ends on `end`: later submissions
    need not say it again (unless the schedule changed meanwhile)."""
    ModeRepository(session, company_id).end_reported(end, now)


def switch_due(db: Database, settings: Settings) -> int:
    """The worker's job: make the scheduled switches that are due (so the switch and its event
    happen at the turn of the day even when the company issues nothing); how many it made."""
    now = utcnow()
    with db.read_session() as session:
        # A day ahead of UTC covers every time zone a Spanish issuer is in.
        soon = now.date() + timedelta(days=1)
        candidates = companies_with_switch_by(session, soon)
    made = 0
    for company_id in candidates:
        try:
            with db.write_session() as session:
                company = ModeRepository(session, company_id).company()
                if company is None:
                    continue
                before = company.verifactu_mode
                if current_mode(session, settings, company, now) != before:
                    made += 1
                session.commit()
        except CertificateRequired as exc:
            # Its event cannot be signed: the switch waits (issuing says why: 422).
            log.warning("scheduled mode switch of company %s waits: %s", company_id, exc)
    return made


def _show(
    company: Company,
    mode: str,
    since: datetime | None,
    next_mode: str | None,
    next_on: date | None,
) -> None:
    if inspect(company).session is None:
        return
    # Committed values: the row already says so (read or just written), nothing to flush.
    set_committed_value(company, "verifactu_mode", mode)
    set_committed_value(company, "verifactu_mode_since", since)
    set_committed_value(company, "verifactu_next_mode", next_mode)
    set_committed_value(company, "verifactu_next_mode_on", next_on)
    set_committed_value(company, "verifactu_end_reported_at", None)

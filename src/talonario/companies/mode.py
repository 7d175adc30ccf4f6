"""A company's VERI*FACTU mode: `verifactu` (each record remitted to AEAT as it is made) or
`no_verifactu` (each record XAdES-signed and kept, with the event log, handed to AEAT only when
it asks).

The one limit on switching is Orden HAC/1177/2024 art. 17: a system that has started operating
as VERI*FACTU must continue as VERI*FACTU at least until 31 December of that year; the renounce
takes effect from the next year. So leaving VERI*FACTU is refused (422 `verifactu_until_year_end`)
when the company made any VERI*FACTU record this calendar year (in its own time zone); a company
that has not operated as VERI*FACTU this year (a new one, or one that made no record yet) may
leave. Nothing limits starting VERI*FACTU: it may start at any moment; the records kept
meanwhile are then regularised (records/regularisation.py) in the same transaction.

Each switch is a signed event of the company's event log (L2E 01: start of NO VERI*FACTU
operation, 02: its end; `events.service.log_event`), in the same transaction: a switch needs the
company's certificate to sign it (422 `certificate_required` otherwise).
"""

from datetime import datetime
from typing import Literal
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from talonario.companies.mode_repository import ModeRecords
from talonario.config import Settings
from talonario.errors import InvalidRequest
from talonario.events.service import log_event
from talonario.kit.clock import utcnow
from talonario.models import Company
from talonario.records.regularisation import regularise_kept

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


class VerifactuUntilYearEnd(InvalidRequest):
    code = "verifactu_until_year_end"


def start_of_year(company: Company, now: datetime) -> datetime:
    """1 January 00:00 of `now`'s year where the company issues from."""
    local = now.astimezone(ZoneInfo(company.timezone))
    return local.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)


def change_mode(
    session: Session,
    settings: Settings,
    company: Company,
    mode: Mode,
    now: datetime | None = None,
) -> bool:
    """Switch `company` (a row of `session`) to `mode`; False when it already is in it.
    Raises VerifactuUntilYearEnd when art. 17 keeps it VERI*FACTU this year."""
    if mode == company.verifactu_mode:
        return False
    now = now or utcnow()
    if mode == NO_VERIFACTU:
        since = start_of_year(company, now)
        made = ModeRecords(session, company.id).verifactu_records_since(since)
        if made:
            year = since.year
            raise VerifactuUntilYearEnd(
                f"the company has operated as VERI*FACTU in {year} ({made} records) and must"
                f" continue as VERI*FACTU until 31-12-{year} (Orden HAC/1177/2024, art. 17);"
                f" leaving it takes effect from 1-1-{year + 1}",
                param="verifactu.mode",
            )
    company.verifactu_mode = mode
    company.verifactu_mode_since = now
    kind = EVENT_START_NO_VERIFACTU if mode == NO_VERIFACTU else EVENT_END_NO_VERIFACTU
    log_event(session, settings, company, kind, note=_NOTES[kind], now=now)
    if mode == VERIFACTU:
        regularise_kept(session, settings, company)
    return True

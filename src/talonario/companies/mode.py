"""A company's VERI*FACTU mode, as a PATCH changes it: `verifactu` (each record remitted to AEAT
as it is made) or `no_verifactu` (each record XAdES-signed and kept, with the event log, handed
to AEAT only when it asks).

The one limit on switching is Orden HAC/1177/2024 art. 17: a system that has started operating
as VERI*FACTU must continue as VERI*FACTU at least until 31 December of that year; the renounce
takes effect from the next year. So leaving VERI*FACTU now is refused (422
`verifactu_until_year_end`) when the company made any VERI*FACTU record this calendar year (in
its own time zone); a company that has not operated as VERI*FACTU this year may leave at once.
Leaving from 1 January next year is always allowed: `effective_on` schedules it, the company's
submissions announce it to AEAT meanwhile (RemisionVoluntaria/FechaFinVeriFactu), and
records/mode.py makes the switch on the day. Nothing limits starting VERI*FACTU: it may start at
any moment; the records kept meanwhile are then regularised (records/regularisation.py) in the
same transaction.

Each switch is a signed event of the company's event log (L2E 01: start of NO VERI*FACTU
operation, 02: its end) in the same transaction: a switch, or a schedule, needs the company's
certificate to sign it (422 `certificate_required` otherwise).
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from talonario.config import Settings
from talonario.errors import InvalidRequest
from talonario.events.service import signing_credentials
from talonario.kit.clock import utcnow
from talonario.models import Company
from talonario.records import mode as records_mode
from talonario.records.mode import NO_VERIFACTU, VERIFACTU, Mode, local_today
from talonario.records.mode_repository import ModeRecords
from talonario.records.regularisation import regularise_kept

__all__ = ["NO_VERIFACTU", "VERIFACTU", "Mode", "VerifactuUntilYearEnd", "change_mode"]

_EFFECTIVE_ON = "verifactu.effective_on"


class VerifactuUntilYearEnd(InvalidRequest):
    code = "verifactu_until_year_end"


def change_mode(
    session: Session,
    settings: Settings,
    company: Company,
    mode: Mode,
    now: datetime | None = None,
    effective_on: date | None = None,
) -> bool:
    """Switch `company` (a row of `session`) to `mode` now, or on `effective_on` (1 January of
    next year, to leave VERI*FACTU); False when nothing changes. Raises VerifactuUntilYearEnd
    when art. 17 keeps it VERI*FACTU this year."""
    now = now or utcnow()
    # Under the chain head's lock, the mode as stored (a due scheduled switch made first).
    current = records_mode.current_mode(session, settings, company, now)
    today = local_today(company, now)
    if effective_on is not None and effective_on > today:
        _check_schedule(company, current, mode, effective_on, today)
        if (company.verifactu_next_mode, company.verifactu_next_mode_on) == (mode, effective_on):
            return False
        signing_credentials(session, settings, company.id)  # the day's event will be signed
        records_mode.schedule(session, company, mode, effective_on)
        return True
    if effective_on is not None and effective_on < today:
        raise InvalidRequest(
            f"effective_on {effective_on.isoformat()} is past: omit it to switch now.",
            param=_EFFECTIVE_ON,
        )
    if mode == current:
        if company.verifactu_next_mode is None:
            return False
        # Staying in `mode` drops the switch scheduled away from it.
        records_mode.schedule(session, company, None, None)
        return True
    if mode == NO_VERIFACTU:
        since = datetime(today.year, 1, 1, tzinfo=ZoneInfo(company.timezone))
        made = ModeRecords(session, company.id).verifactu_records_since(since)
        if made:
            year = today.year
            raise VerifactuUntilYearEnd(
                f"the company has operated as VERI*FACTU in {year} ({made} records) and must"
                f" continue as VERI*FACTU until 31-12-{year} (Orden HAC/1177/2024, art. 17);"
                f" leaving it takes effect from 1-1-{year + 1}: send"
                f" verifactu.effective_on = {year + 1}-01-01 to schedule it",
                param="verifactu.mode",
            )
    records_mode.switch(session, settings, company, mode, now)
    if mode == VERIFACTU:
        regularise_kept(session, settings, company)
    session.expire(company, ["updated_at"])
    return True


def _check_schedule(
    company: Company, current: Mode, mode: Mode, effective_on: date, today: date
) -> None:
    if mode != NO_VERIFACTU or current != VERIFACTU:
        raise InvalidRequest(
            "only leaving VERI*FACTU is scheduled (art. 17 makes it take effect on 1 January);"
            " any other switch is made at once: omit effective_on.",
            param=_EFFECTIVE_ON,
        )
    first = date(today.year + 1, 1, 1)
    if effective_on != first:
        raise InvalidRequest(
            f"leaving VERI*FACTU takes effect on 1 January (Orden HAC/1177/2024, art. 17):"
            f" effective_on must be {first.isoformat()}.",
            param=_EFFECTIVE_ON,
        )

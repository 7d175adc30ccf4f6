"""Series: CRUD, and handing out the next number under the series' row lock."""

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from sqlalchemy.orm import Session

from talonario.db import txmemo
from talonario.errors import Conflict, InvalidRequest, NotFound
from talonario.models import Series
from talonario.series.numbering import check_invoice_number, render
from talonario.series.repository import (
    SeriesRepository,
    lock_counter,
    lock_counters_of,
    save_counters,
)
from talonario.series.schemas import SeriesCreate, SeriesUpdate

# A new company starts with one default series of each kind. Rectifying invoices need a series
# of their own (RD 1619/2012 art. 6.1.a).
DEFAULT_FORMAT = "{code}{year}-{number:05}"
DEFAULTS = (("F", "standard"), ("S", "simplified"), ("R", "corrective"))


class SeriesNotFound(NotFound):
    code = "series_not_found"


class SeriesInUse(Conflict):
    code = "series_in_use"


class SeriesCodeTaken(Conflict):
    code = "series_code_taken"


@dataclass(frozen=True, slots=True)
class AssignedNumber:
    series_id: str
    series_code: str
    number: str
    sequence: int


def create_defaults(session: Session, company_id: str) -> None:
    repo = SeriesRepository(session, company_id)
    for code, kind in DEFAULTS:
        repo.add(
            Series(
                company_id=company_id,
                code=code,
                format=DEFAULT_FORMAT,
                next_number=1,
                kind=kind,
                is_default=True,
                reset_yearly=False,
            )
        )


def get(session: Session, company_id: str, series_id: str) -> Series:
    return SeriesRepository(session, company_id).found(SeriesNotFound, series_id)


def find_by_code_or_id(session: Session, company_id: str, ref: str) -> Series | None:
    return SeriesRepository(session, company_id).by_code_or_id(ref)


def list_series(
    session: Session, company_id: str, limit: int, starting_after: str | None, kind: str | None
) -> tuple[Sequence[Series], bool]:
    return SeriesRepository(session, company_id).page_of_kind(kind, limit, starting_after)


def _check_number_fits(fmt: str, code: str, next_number: int) -> None:
    """The numbers this series will produce must be valid AEAT NumSerieFactura values."""
    try:
        check_invoice_number(render(fmt, code, 9999, max(next_number, 99999)))
    except ValueError as exc:
        raise InvalidRequest(
            f"This format makes invalid invoice numbers: {exc}.", param="format"
        ) from None


def _check_yearly(fmt: str, reset_yearly: bool) -> None:
    if reset_yearly and "{year" not in fmt:
        raise InvalidRequest(
            "A series that restarts every year needs {year} in its format, or numbers repeat.",
            param="format",
        )


def create(session: Session, company_id: str, body: SeriesCreate) -> Series:
    _check_yearly(body.format, body.reset_yearly)
    _check_number_fits(body.format, body.code, body.next_number)
    repo = SeriesRepository(session, company_id)
    if repo.code_taken(body.code):
        raise SeriesCodeTaken(f"A series with code '{body.code}' exists.", param="code")
    if body.default:
        repo.clear_default(body.kind)
    series = Series(
        company_id=company_id,
        code=body.code,
        format=body.format,
        next_number=body.next_number,
        kind=body.kind,
        is_default=body.default,
        reset_yearly=body.reset_yearly,
    )
    repo.add(series)
    session.flush()
    return series


def update_series(session: Session, company_id: str, series_id: str, body: SeriesUpdate) -> Series:
    repo = SeriesRepository(session, company_id)
    series = repo.found(SeriesNotFound, series_id)
    changes = body.model_dump(exclude_unset=True)
    if ("format" in changes or "next_number" in changes) and repo.has_issued(series.id):
        raise SeriesInUse(
            "This series has issued invoices: its format and next number can no longer change,"
            " or numbering would stop being correlative.",
            param="next_number" if "next_number" in changes else "format",
        )
    fmt = changes.get("format", series.format)
    reset = changes.get("reset_yearly", series.reset_yearly)
    _check_yearly(fmt, reset)
    _check_number_fits(fmt, series.code, changes.get("next_number", series.next_number))
    if changes.get("default"):
        repo.clear_default(series.kind, keep=series.id)
        series.is_default = True
    series.format = fmt
    series.reset_yearly = reset
    if "next_number" in changes:
        series.next_number = changes["next_number"]
    session.flush()
    return series


def delete(session: Session, company_id: str, series_id: str) -> None:
    repo = SeriesRepository(session, company_id)
    series = repo.found(SeriesNotFound, series_id)
    if series.is_default or repo.in_use(series.id):
        raise SeriesInUse(
            "A default series, or one that invoices use, cannot be deleted.", param="id"
        )
    session.delete(series)
    session.flush()


class _Counter:
    """A series row locked by the transaction, and where its numbering stands in it."""

    __slots__ = ("code", "format", "id", "next_number", "number_year", "reset_yearly")

    def __init__(self, row: Any) -> None:
        self.id: str = row.id
        self.code: str = row.code
        self.format: str = row.format
        self.next_number: int = row.next_number
        self.number_year: int | None = row.number_year
        self.reset_yearly: bool = row.reset_yearly

    def following(self, year: int) -> tuple[int, int, int]:
        """(sequence, next_number, number_year) after numbering one invoice dated in `year`: a
        yearly series starts again at 1 in a later year; a backdated invoice takes the next
        number of the year the series is in."""
        if self.reset_yearly and (self.number_year or year) < year:
            sequence = 1
        else:
            sequence = self.next_number
        return sequence, sequence + 1, max(self.number_year or 0, year)


def _locked_counter(
    session: Session, company_id: str, series_id: str | None, kind: str
) -> _Counter | None:
    """The series' counter, locked once per transaction (db/txmemo.py): group commit numbers
    many invoices in one transaction, and each after the first costs no statement."""
    conn = session.connection()  # begins the transaction the memo belongs to
    values = txmemo.memo(session)
    by_kind = _by_kind(company_id, kind)
    key = _by_id(company_id, series_id) if series_id is not None else by_kind
    if values is not None:
        counter = values.get(key)
        if counter is not None:
            return counter  # type: ignore[no-any-return]
    row = lock_counter(conn, company_id, series_id, kind)
    if row is None:
        return None
    if values is None:
        return _Counter(row)
    # The same row may have been reached the other way (by id, then as the default) before.
    counter = values.setdefault(_by_id(company_id, row.id), _Counter(row))
    if series_id is None:
        values[by_kind] = counter
    return counter  # type: ignore[no-any-return]


def _by_id(company_id: str, series_id: str) -> tuple[str, str, str]:
    return ("series", company_id, series_id)


def _by_kind(company_id: str, kind: str) -> tuple[str, str, str]:
    return ("series_default", company_id, kind)


def assign_number(
    session: Session, company_id: str, series_id: str | None, kind: str, year: int
) -> AssignedNumber:
    """The next number of the series (its default of `kind` without an id): gapless and unique
    under concurrency.

    The series row is locked until the issuing transaction ends, and its new `next_number` is
    written when it commits (with every number the transaction took), so a rollback gives the
    numbers back and no two transactions can ever read the same value.
    """
    counter = _locked_counter(session, company_id, series_id, kind)
    if counter is None:
        raise SeriesNotFound(f"No {kind} series to number this invoice.", param="series")
    sequence, next_number, number_year = counter.following(year)
    number = render(counter.format, counter.code, year, sequence)
    try:
        check_invoice_number(number)
    except ValueError as exc:
        raise InvalidRequest(
            f"Series '{counter.code}' gives '{number}': {exc}.", param="series"
        ) from None
    counter.next_number, counter.number_year = next_number, number_year
    # The series this transaction numbered in are written together, once, at its commit.
    conn = session.connection()

    def save(counters: list[_Counter]) -> None:
        save_counters(conn, [(c.id, c.next_number, c.number_year) for c in counters])

    txmemo.defer_together(session, "save_series", counter.id, counter, save)
    return AssignedNumber(counter.id, counter.code, number, sequence)


def lock_counters(session: Session, company_ids: list[str]) -> None:
    """Lock every series of several companies at once, in company order, and remember their
    counters for assign_number (group commit's batches: records/batch.py)."""
    for row in lock_counters_of(session.connection(), company_ids):
        # A counter already kept for the row stays the one both keys name.
        counter = txmemo.remembered(session, _by_id(row.company_id, row.id), partial(_Counter, row))
        if row.is_default:
            txmemo.remember(session, [(_by_kind(row.company_id, row.kind), counter)])

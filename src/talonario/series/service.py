"""Series: CRUD and the one atomic statement that hands out the next number."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, bindparam, case, func, select, update
from sqlalchemy.orm import Session

from talonario.errors import Conflict, InvalidRequest, NotFound
from talonario.kit.pagination import paginate
from talonario.models import Invoice, Series
from talonario.series.numbering import check_invoice_number, render
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
    for code, kind in DEFAULTS:
        session.add(
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


def _query(company_id: str):  # type: ignore[no-untyped-def]
    return select(Series).where(Series.company_id == company_id)


def get(session: Session, company_id: str, series_id: str) -> Series:
    series = session.scalars(_query(company_id).where(Series.id == series_id)).first()
    if series is None:
        raise SeriesNotFound(f"No series '{series_id}'.", param="id")
    return series


def find_by_code_or_id(session: Session, company_id: str, ref: str) -> Series | None:
    return session.scalars(
        _query(company_id).where((Series.id == ref) | (Series.code == ref))
    ).first()


def list_series(
    session: Session, company_id: str, limit: int, starting_after: str | None, kind: str | None
) -> tuple[Sequence[Series], bool]:
    stmt = _query(company_id)
    if kind:
        stmt = stmt.where(Series.kind == kind)
    return paginate(session, stmt, Series.id, limit, starting_after)


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


def _clear_default(session: Session, company_id: str, kind: str, keep: str | None = None) -> None:
    session.execute(
        update(Series)
        .where(
            Series.company_id == company_id,
            Series.kind == kind,
            Series.is_default,
            Series.id != (keep or ""),
        )
        .values(is_default=False)
        .execution_options(synchronize_session=False)
    )


def create(session: Session, company_id: str, body: SeriesCreate) -> Series:
    _check_yearly(body.format, body.reset_yearly)
    _check_number_fits(body.format, body.code, body.next_number)
    if session.scalar(
        select(Series.id).where(Series.company_id == company_id, Series.code == body.code)
    ):
        raise SeriesCodeTaken(f"A series with code '{body.code}' exists.", param="code")
    if body.default:
        _clear_default(session, company_id, body.kind)
    series = Series(
        company_id=company_id,
        code=body.code,
        format=body.format,
        next_number=body.next_number,
        kind=body.kind,
        is_default=body.default,
        reset_yearly=body.reset_yearly,
    )
    session.add(series)
    session.flush()
    return series


def _has_issued(session: Session, series: Series) -> bool:
    return (
        session.scalar(
            select(func.count())
            .select_from(Invoice)
            .where(Invoice.series_id == series.id, Invoice.sequence.is_not(None))
        )
        or 0
    ) > 0


def update_series(session: Session, company_id: str, series_id: str, body: SeriesUpdate) -> Series:
    series = get(session, company_id, series_id)
    changes = body.model_dump(exclude_unset=True)
    if ("format" in changes or "next_number" in changes) and _has_issued(session, series):
        raise SeriesInUse(
            "This series has issued invoices: its format and next number can no longer change,"
            " or numbering would stop being correlative.",
            param="next_number" if "next_number" in changes else "format",
        )
    fmt = changes.get("format") or series.format
    reset = changes.get("reset_yearly", series.reset_yearly)
    _check_yearly(fmt, reset)
    _check_number_fits(fmt, series.code, changes.get("next_number") or series.next_number)
    if changes.get("default"):
        _clear_default(session, company_id, series.kind, keep=series.id)
        series.is_default = True
    series.format = fmt
    series.reset_yearly = reset
    if "next_number" in changes:
        series.next_number = changes["next_number"]
    session.flush()
    return series


def delete(session: Session, company_id: str, series_id: str) -> None:
    series = get(session, company_id, series_id)
    used = session.scalar(select(Invoice.id).where(Invoice.series_id == series.id).limit(1))
    if used or series.is_default:
        raise SeriesInUse(
            "A default series, or one that invoices use, cannot be deleted.", param="id"
        )
    session.delete(series)
    session.flush()


def _next_number_statement(by_id: bool) -> Any:
    """UPDATE series SET next_number = next_number + 1 (or 2 on a yearly reset) RETURNING ...

    Built once: this runs on every issue, and constructing it costs more than executing it.
    """
    table = Series.__table__
    c = table.c
    year = bindparam("p_year")
    new_year = func.coalesce(c.number_year, year) < year
    target = (
        c.id == bindparam("p_series_id")
        if by_id
        else and_(c.kind == bindparam("p_kind"), c.is_default)
    )
    return (
        update(table)
        .where(c.company_id == bindparam("p_company_id"), target)
        .values(
            next_number=case((and_(c.reset_yearly, new_year), 2), else_=c.next_number + 1),
            number_year=case((func.coalesce(c.number_year, 0) < year, year), else_=c.number_year),
        )
        .returning(c.id, c.code, c.format, c.next_number)
    )


_NEXT_BY_ID = _next_number_statement(by_id=True)
_NEXT_BY_KIND = _next_number_statement(by_id=False)


def assign_number(
    session: Session, company_id: str, series_id: str | None, kind: str, year: int
) -> AssignedNumber:
    """Take the next number in one UPDATE ... RETURNING: gapless and unique under concurrency.

    The row lock this statement takes is held until the issuing transaction ends, so a rollback
    gives the number back and no two transactions can ever read the same value.
    """
    params = {"p_company_id": company_id, "p_year": year, "p_series_id": series_id, "p_kind": kind}
    stmt = _NEXT_BY_ID if series_id is not None else _NEXT_BY_KIND
    row = session.connection().execute(stmt, params).first()
    if row is None:
        raise SeriesNotFound(f"No {kind} series to number this invoice.", param="series")
    sequence = row.next_number - 1
    number = render(row.format, row.code, year, sequence)
    try:
        check_invoice_number(number)
    except ValueError as exc:
        # The transaction rolls back, and the number with it.
        raise InvalidRequest(
            f"Series '{row.code}' gives '{number}': {exc}.", param="series"
        ) from None
    return AssignedNumber(row.id, row.code, number, sequence)

"""The SQL of series: CRUD statements, and the precompiled ones that number invoices."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, and_, bindparam, func, select, update

from talonario.db.lists import any_of
from talonario.db.repository import Repository
from talonario.models import Invoice, Series
from talonario.models.base import table_of


class SeriesRepository(Repository[Series]):
    model = Series
    noun = "series"

    def by_code_or_id(self, ref: str) -> Series | None:
        return self.first(self.select().where((Series.id == ref) | (Series.code == ref)))

    def page_of_kind(
        self, kind: str | None, limit: int, starting_after: str | None
    ) -> tuple[Sequence[Series], bool]:
        stmt = self.select()
        if kind:
            stmt = stmt.where(Series.kind == kind)
        return self.page(stmt, limit, starting_after)

    def code_taken(self, code: str) -> bool:
        return self.session.scalar(self.select(Series.id).where(Series.code == code)) is not None

    def clear_default(self, kind: str, keep: str | None = None) -> None:
        """No series of `kind` but `keep` is the default any more."""
        self.session.execute(
            self.update()
            .where(Series.kind == kind, Series.is_default, Series.id != (keep or ""))
            .values(is_default=False)
            .execution_options(synchronize_session=False)
        )

    def has_issued(self, series_id: str) -> bool:
        """Whether an invoice was numbered in the series."""
        issued = (
            select(func.count())
            .select_from(Invoice)
            .where(
                Invoice.company_id == self.company_id,
                Invoice.series_id == series_id,
                Invoice.sequence.is_not(None),
            )
        )
        return (self.session.scalar(issued) or 0) > 0

    def in_use(self, series_id: str) -> bool:
        """Whether any invoice, draft or issued, belongs to the series."""
        stmt = select(Invoice.id).where(
            Invoice.company_id == self.company_id, Invoice.series_id == series_id
        )
        return self.session.scalar(stmt.limit(1)) is not None


# --- numbering: the issuing path, one SELECT ... FOR UPDATE per series and transaction, and one
# UPDATE at commit; statements built once, run on the connection.

_SERIES = table_of(Series)
# What a locked series row gives numbering (series/service.py _Counter).
_COUNTER = (
    _SERIES.c.id,
    _SERIES.c.code,
    _SERIES.c.format,
    _SERIES.c.next_number,
    _SERIES.c.number_year,
    _SERIES.c.reset_yearly,
)


def _lock_statement(by_id: bool) -> Any:
    """SELECT the series row FOR UPDATE (on SQLite, BEGIN IMMEDIATE already holds the write
    lock). Built once: this runs on every issuing transaction."""
    c = _SERIES.c
    target = (
        c.id == bindparam("p_series_id")
        if by_id
        else and_(c.kind == bindparam("p_kind"), c.is_default)
    )
    return (
        select(*_COUNTER).where(c.company_id == bindparam("p_company_id"), target).with_for_update()
    )


_LOCK_BY_ID = _lock_statement(by_id=True)
_LOCK_BY_KIND = _lock_statement(by_id=False)
_SAVE_COUNTER = (
    update(_SERIES)
    .where(_SERIES.c.id == bindparam("p_series_id"))
    .values(next_number=bindparam("p_next_number"), number_year=bindparam("p_number_year"))
)


def lock_counter(conn: Connection, company_id: str, series_id: str | None, kind: str) -> Any:
    """The counter columns of the company's series `series_id` (its default of `kind` without
    one), locked until the transaction ends; None when there is no such series."""
    if series_id is not None:
        params = {"p_company_id": company_id, "p_series_id": series_id}
        return conn.execute(_LOCK_BY_ID, params).first()
    return conn.execute(_LOCK_BY_KIND, {"p_company_id": company_id, "p_kind": kind}).first()


def lock_counters_of(conn: Connection, company_ids: list[str]) -> list[Any]:
    """The counter columns of every series of these companies (with company_id, kind and
    is_default), locked in company order until the transaction ends."""
    c = _SERIES.c
    stmt = (
        select(*_COUNTER, c.company_id, c.kind, c.is_default)
        .where(any_of(c.company_id, company_ids, conn.dialect))
        .order_by(c.company_id, c.id)
        .with_for_update()
    )
    return list(conn.execute(stmt))


def save_counters(conn: Connection, counters: list[tuple[str, int, int | None]]) -> None:
    """Write where series' numbering stands, (id, next_number, number_year) each, one statement
    run for all (their rows are locked by this transaction)."""
    if counters:
        conn.execute(
            _SAVE_COUNTER,
            [
                {"p_series_id": series_id, "p_next_number": next_number, "p_number_year": year}
                for series_id, next_number, year in counters
            ],
        )

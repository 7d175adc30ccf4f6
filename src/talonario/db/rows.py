"""Plain Core reads and inserts of mapped objects, for the hot paths.

The ORM's unit of work costs more than the INSERT it emits: issuing an invoice writes two new
rows that nothing else in the transaction touches, so they go straight to the connection.
Column types (Money, JSON, UTCDateTime) and Python-side column defaults apply as in a flush;
the object stays transient and keeps the values written, ready to be presented.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from sqlalchemy import Insert, Select, Table, bindparam, insert, inspect, select
from sqlalchemy.orm import Mapper, Session
from sqlalchemy.sql.schema import ColumnDefault

from talonario.db.txmemo import defer, memo
from talonario.models.base import Base

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class _Field:
    attr: str
    column: str
    default: Callable[[], Any] | None


@dataclass(frozen=True, slots=True)
class _Plan:
    table: Table
    fields: tuple[_Field, ...]
    insert: Insert
    by_pk: Select[Any]
    insert_order: int  # staged rows are inserted in foreign-key order


_PLANS: dict[type, _Plan] = {}
_STAGED = "talonario.staged_rows"
_Staged = dict[Table, tuple[_Plan, list[dict[str, Any]]]]  # each table's plan and new rows


def _default_of(column: Any) -> Callable[[], Any] | None:
    default = column.default
    if not isinstance(default, ColumnDefault):
        return None
    if default.is_callable:
        fn = default.arg
        return lambda: fn(None)  # SQLAlchemy wraps zero-argument callables to take a context
    value = default.arg
    return lambda: value


def _plan(cls: type) -> _Plan:
    plan = _PLANS.get(cls)
    if plan is None:
        mapper: Mapper[Any] = inspect(cls)
        table = cast(Table, mapper.local_table)
        fields = tuple(
            _Field(prop.key, prop.columns[0].key, _default_of(prop.columns[0]))
            for prop in mapper.column_attrs
        )
        # metadata.sorted_tables sorts every table again on each access: read once per table.
        order = Base.metadata.sorted_tables.index(table)
        plan = _Plan(table, fields, insert(table), _by_pk(table), order)
        _PLANS[cls] = plan
    return plan


def _by_pk(table: Table) -> Select[Any]:
    (pk,) = table.primary_key.columns
    return select(table).where(pk == bindparam("p_pk"))


def _values(plan: _Plan, obj: Any) -> dict[str, Any]:
    state = obj.__dict__
    values: dict[str, Any] = {}
    for field in plan.fields:
        value = state.get(field.attr)
        if value is None and field.default is not None:
            value = field.default()
            setattr(obj, field.attr, value)
        values[field.column] = value
    return values


def insert_new(session: Session, obj: Any) -> None:
    """INSERT a transient mapped object as it stands, filling its column defaults first."""
    plan = _plan(type(obj))
    session.connection().execute(plan.insert, _values(plan, obj))


def stage_new(session: Session, obj: Any) -> None:
    """As insert_new, but the INSERT waits for the commit, together with the other rows staged
    in the transaction: one executemany per table, in foreign-key order. The object is complete
    at once (defaults filled). For rows nothing reads back before the commit."""
    plan = _plan(type(obj))
    values = _values(plan, obj)
    conn = session.connection()  # begins the transaction the rows belong to
    staged = memo(session)
    if staged is None:
        conn.execute(plan.insert, values)
        return
    tables: _Staged = staged.setdefault(_STAGED, {})
    tables.setdefault(plan.table, (plan, []))[1].append(values)
    defer(session, _STAGED, lambda: _insert_staged(session, tables))


def _insert_staged(session: Session, tables: _Staged) -> None:
    conn = session.connection()
    for plan, rows in sorted(tables.values(), key=lambda staged: staged[0].insert_order):
        conn.execute(plan.insert, rows)
    tables.clear()


def load(session: Session, cls: type[T], pk: str) -> T | None:
    """One row by primary key as a detached, fully loaded object, without the ORM's identity map."""
    plan = _plan(cls)
    row = session.connection().execute(plan.by_pk, {"p_pk": pk}).first()
    if row is None:
        return None
    data = row._mapping
    return cls(**{f.attr: data[f.column] for f in plan.fields})

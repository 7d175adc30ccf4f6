"""Cursor lists: newest first, `starting_after=<id>` continues after that object.

Ids are UUIDv7, so ordering by id is ordering by creation, and a cursor stays valid however
many objects are created meanwhile.
"""

from collections.abc import Callable, Sequence
from typing import Annotated, Any, TypeVar

from fastapi import Query
from sqlalchemy import Select
from sqlalchemy.orm import InstrumentedAttribute, Session

T = TypeVar("T")

Limit = Annotated[int, Query(ge=1, le=100, description="Page size (1 to 100).")]
StartingAfter = Annotated[
    str | None,
    Query(max_length=36, description="Return objects after this id (from the previous page)."),
]


def paginate(
    session: Session,
    stmt: Select[Any],
    id_column: InstrumentedAttribute[str],
    limit: int,
    starting_after: str | None,
    ascending: bool = False,
) -> tuple[Sequence[Any], bool]:
    if starting_after:
        stmt = stmt.where(id_column > starting_after if ascending else id_column < starting_after)
    stmt = stmt.order_by(id_column.asc() if ascending else id_column.desc()).limit(limit + 1)
    rows = session.scalars(stmt).all()
    return rows[:limit], len(rows) > limit


def page(items: Sequence[T], has_more: bool, of: Callable[[T], Any]) -> dict[str, Any]:
    """A list answer (`ListOf[XOut]`): each item as `of` answers it (its `XOut.of`)."""
    return {"object": "list", "data": [of(i) for i in items], "has_more": has_more}

"""A column equal to any of a list of values, written as one statement text whatever the
list's length.

`column IN (…)` renders a parameter per value, so each length is another statement. psycopg
prepares a statement on PostgreSQL once a connection has run its text five times, and keeps a
hundred: group commit's batches lock and read the rows of 1 to 16 companies, and with many
companies issuing, their IN lists were a new text at almost every length, prepared and evicted
in turn. On PostgreSQL the list goes as one array parameter (`= ANY(…)`); SQLite keeps IN.
"""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, any_, literal
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import Dialect


def any_of(column: Any, values: Sequence[Any], dialect: Dialect) -> ColumnElement[bool]:
    if dialect.name == "postgresql":
        return column == any_(literal(list(values), ARRAY(column.type)))  # type: ignore[no-any-return]
    return column.in_(values)  # type: ignore[no-any-return]

"""any_of (db/lists.py): the rows whose column is in a list, as one statement text on
PostgreSQL whatever the list's length (psycopg prepares, and keeps, statements by text)."""

from typing import Any

from sqlalchemy import Select, select

from talonario.db.lists import any_of
from talonario.models import Company
from talonario.runtime import Runtime
from tests.fixtures.factories import create_company


def test_any_of_finds_the_rows_named_and_is_one_text_on_postgresql(runtime: Runtime) -> None:
    ids = [create_company(runtime.db)[0] for _ in range(3)]
    dialect = runtime.db.write_engine.dialect

    def statement(wanted: list[str]) -> Select[Any]:
        return select(Company.id).where(any_of(Company.id, wanted, dialect))

    with runtime.db.read_session() as session:
        assert set(session.scalars(statement(ids[:2]))) == set(ids[:2])
        assert list(session.scalars(statement(ids[2:]))) == ids[2:]
    texts = {
        str(
            statement(ids[:n]).compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
        )
        for n in (1, 2, 3)
    }
    assert len(texts) == (1 if dialect.name == "postgresql" else 3)

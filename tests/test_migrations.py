"""The Alembic migrations build exactly the tables the models describe, on both databases, and
every migration can be undone and done again."""

from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

import talonario.aeat_sandbox.models  # noqa: F401 - their migration (0003) is written by hand
from talonario.migrate import alembic_config, upgrade
from talonario.models import Base
from tests.fixtures.database import migrated_database


def differences(url: str) -> list[object]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            return list(compare_metadata(context, Base.metadata))
    finally:
        engine.dispose()


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_migrated_schema_is_the_models_schema(kind: str, tmp_path: Path) -> None:
    with migrated_database(kind, tmp_path) as url:
        assert differences(url) == []


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_every_migration_downgrades_and_upgrades_again(kind: str, tmp_path: Path) -> None:
    with migrated_database(kind, tmp_path) as url:
        command.downgrade(alembic_config(url), "base")
        upgrade(url)
        assert differences(url) == []

"""The Alembic migrations build exactly the tables the models describe, on both databases, and
every migration can be undone and done again."""

from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text

import talonario.aeat_sandbox.models  # noqa: F401 - their migration (0003) is written by hand
from talonario.migrate import alembic_config, upgrade
from talonario.models import Base
from talonario.records.repository import RecordRepository, qr_png
from talonario.runtime import Runtime
from talonario.verifactu.audit import audit
from tests.conftest import make_settings
from tests.fixtures.database import migrated_database
from tests.fixtures.factories import create_company, issue_invoices


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


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_records_keep_their_xml_and_qr_through_0015_down_and_up(kind: str, tmp_path: Path) -> None:
    """0015 moves each record's XML and QR PNG to verifactu_record_documents: nothing is lost
    either way, and the chain still verifies from what was moved."""
    with migrated_database(kind, tmp_path) as url:
        company_id, kept = _issued_records(url)
        command.downgrade(alembic_config(url), "0014")
        engine = create_engine(url)
        try:
            with engine.connect() as conn:
                rows = conn.execute(text("SELECT id, xml, qr_png FROM verifactu_records"))
                assert {row.id: (row.xml, row.qr_png) for row in rows} == kept
        finally:
            engine.dispose()
        upgrade(url)
        runtime = Runtime.from_settings(make_settings(url))
        try:
            with runtime.db.read_session() as session:
                repo = RecordRepository(session, company_id)
                assert audit(repo.stream()).valid
                moved = {r: repo.xml_of(r) for r in kept}
            assert moved == {r: xml for r, (xml, _) in kept.items()}
        finally:
            runtime.close()


def _issued_records(url: str) -> tuple[str, dict[str, tuple[str, bytes | None]]]:
    """A company with three issued invoices, the first one's QR rendered; each record's XML
    and QR PNG, by record id."""
    runtime = Runtime.from_settings(make_settings(url))
    try:
        company_id, _ = create_company(runtime.db)
        issued = issue_invoices(runtime.db, runtime.settings, company_id, 3)
        png = qr_png(runtime.db, company_id, issued[0].id)
        with runtime.db.read_session() as session:
            repo = RecordRepository(session, company_id)
            kept = {r.id: (r.xml, png if r.sequence == 1 else None) for r in repo.stream()}
        return company_id, kept
    finally:
        runtime.close()

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
from tests.events.helpers import events_of, no_verifactu_company
from tests.fixtures.database import migrated_database
from tests.fixtures.factories import create_company, issue_invoices
from tests.installations.helpers import add_installation, encadenamiento, issue_in


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


def _chain_rows(url: str) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """Every record's link columns, and every company head, as stored."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            records = conn.execute(
                text(
                    "SELECT id, company_id, sequence, huella, previous_huella, previous_record_id"
                    " FROM verifactu_records ORDER BY company_id, sequence"
                )
            )
            heads = conn.execute(
                text(
                    "SELECT company_id, last_record_id, last_sequence, last_huella"
                    " FROM verifactu_chain_heads ORDER BY company_id"
                )
            )
            return [tuple(r) for r in records], [tuple(h) for h in heads]
    finally:
        engine.dispose()


def _revision(url: str) -> str | None:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_a_default_chain_passes_0017_down_and_up_whole_and_chains_on(
    kind: str, tmp_path: Path
) -> None:
    """0017 adds installations: a company's chain (its default installation's) and its head
    go down and up untouched, and issuing chains on from them, in any installation."""
    with migrated_database(kind, tmp_path) as url:
        company_id, _ = _issued_records(url)
        runtime = Runtime.from_settings(make_settings(url))
        add_installation(runtime.db, company_id, "SIN-REGISTROS")  # no records: dropped
        runtime.close()
        before = _chain_rows(url)
        command.downgrade(alembic_config(url), "0016")
        assert _chain_rows(url) == before
        upgrade(url)
        assert _chain_rows(url) == before
        runtime = Runtime.from_settings(make_settings(url))
        try:
            shop = add_installation(runtime.db, company_id, "TIENDA-1")
            issue_in(runtime.db, runtime.settings, company_id, None)
            issue_in(runtime.db, runtime.settings, company_id, shop)
            with runtime.db.read_session() as session:
                stored = list(RecordRepository(session, company_id).stream())
            assert audit(iter(stored)).valid
            assert [(r.sequence, r.installation) for r in stored[3:]] == [(4, None), (5, shop)]
            assert stored[3].previous_huella == stored[2].huella
            assert encadenamiento(stored[4].xml) == ("TIENDA-1", "S")
        finally:
            runtime.close()


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_0017_is_not_undone_over_another_installation_s_records(kind: str, tmp_path: Path) -> None:
    """Put back in one chain per company, an installation's records would fork it: the
    downgrade refuses before changing anything, and the chains stay as they were."""
    with migrated_database(kind, tmp_path) as url:
        company_id, _ = _issued_records(url)
        runtime = Runtime.from_settings(make_settings(url))
        shop = add_installation(runtime.db, company_id, "TIENDA-1")
        issue_in(runtime.db, runtime.settings, company_id, shop)
        runtime.close()
        command.downgrade(alembic_config(url), "0017")
        before = _chain_rows(url)
        with pytest.raises(RuntimeError, match="0017 cannot be undone: 1 records"):
            command.downgrade(alembic_config(url), "0016")
        assert _revision(url) == "0017"
        assert _chain_rows(url) == before
        upgrade(url)
        runtime = Runtime.from_settings(make_settings(url))
        try:
            with runtime.db.read_session() as session:
                stored = list(RecordRepository(session, company_id).stream())
            assert audit(iter(stored)).valid
            assert [r.installation for r in stored] == [None, None, None, shop]
        finally:
            runtime.close()


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_0021_keeps_the_record_chain_and_refuses_to_drop_a_kept_event_log(
    kind: str, tmp_path: Path
) -> None:
    """0021 adds the event log beside the record chain, which passes down and up untouched;
    once a company has events, undoing 0021 refuses (an event log is never deleted to make
    room) and changes nothing."""
    with migrated_database(kind, tmp_path) as url:
        company_id, _ = _issued_records(url)
        before = _chain_rows(url)
        command.downgrade(alembic_config(url), "0020")
        assert _chain_rows(url) == before
        upgrade(url)
        assert _chain_rows(url) == before
        runtime = Runtime.from_settings(make_settings(url))
        try:
            no_verifactu_company(runtime, company_id)
        finally:
            runtime.close()
        command.downgrade(alembic_config(url), "0021")
        with pytest.raises(RuntimeError, match="refusing to drop the event log: 1 events"):
            command.downgrade(alembic_config(url), "0020")
        assert _revision(url) == "0021"
        runtime = Runtime.from_settings(make_settings(url))
        try:
            assert [e.event_type for e in events_of(runtime, company_id)] == ["01"]
        finally:
            runtime.close()

"""The worker's statements read the records that wait, never a company's whole chain.

SQLite plans without statistics: given `company_id = ?` it walks the (company_id, sequence)
index from the first record the company ever made unless a statement says better. With a
10^6-record chain that was seconds per batch. Every statement one remission runs against
verifactu_records is explained here and must either address records (by id, invoice, a
sequence range) or go through ix_verifactu_records_waiting.
"""

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from talonario.records import remission
from talonario.runtime import Runtime
from tests.conftest import make_settings
from tests.fixtures.database import migrated_database
from tests.fixtures.factories import create_company, issue_invoices

_WHOLE_CHAIN = re.compile(r"verifactu_records USING (?:COVERING )?INDEX (\S+) \(company_id=\?\)$")


@pytest.fixture
def sqlite_runtime(tmp_path: Path) -> Iterator[Runtime]:
    with migrated_database("sqlite", tmp_path) as url:
        runtime = Runtime.from_settings(make_settings(url))
        yield runtime
        runtime.db.dispose()


def _statements(runtime: Runtime) -> tuple[list[tuple[str, Any]], Any]:
    seen: list[tuple[str, Any]] = []

    def keep(conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: bool) -> None:
        if "verifactu_records" in statement:
            seen.append((statement, params[0] if many else params))

    for engine in (runtime.db.write_engine, runtime.db.read_engine):
        event.listen(engine, "before_cursor_execute", keep)
    return seen, keep


def test_a_remission_reads_only_waiting_records_or_records_it_names(
    sqlite_runtime: Runtime,
) -> None:
    runtime = sqlite_runtime
    company_id, _ = create_company(runtime.db)
    issue_invoices(runtime.db, runtime.settings, company_id, 3)
    seen, keep = _statements(runtime)

    sent = remission.remit_due(runtime.db, runtime.settings)

    for engine in (runtime.db.write_engine, runtime.db.read_engine):
        event.remove(engine, "before_cursor_execute", keep)
    assert sent == 1 and len(seen) >= 4  # the scan, the claim, the marking, the answer
    with runtime.db.read_engine.connect() as conn:
        for statement, params in seen:
            plan = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params).all()
            for row in plan:
                detail = row[-1]
                assert not detail.startswith("SCAN verifactu_records") or (
                    "ix_verifactu_records_waiting" in detail
                ), (statement, detail)
                whole = _WHOLE_CHAIN.search(detail)
                assert whole is None or whole.group(1) == "ix_verifactu_records_waiting", (
                    statement,
                    detail,
                )

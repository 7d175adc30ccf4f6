"""Group commit with the real issuing unit: many invoices in one transaction, and a failing one
that fails alone."""

import re
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from sqlalchemy.exc import IntegrityError

from talonario.companies import service as companies
from talonario.db.group_commit import GroupCommit
from talonario.invoices import service
from talonario.invoices.schemas import InvoiceCreate
from talonario.kit.clock import today_in
from talonario.kit.external_ids import ExternalIdTaken
from talonario.records.batch import prepare_batch
from talonario.runtime import Runtime
from tests.conftest import Api
from tests.fixtures.events import recorded
from tests.fixtures.factories import create_company, invoice_body

SIZE = 12


def prepared(runtime: Runtime, company_id: str, **overrides: Any) -> Any:
    body = InvoiceCreate.model_validate(invoice_body(issue=True, **overrides))
    with runtime.db.read_session() as session:
        company = companies.load(session, company_id)
        invoice = service.prepare(session, company, body, today_in("Europe/Madrid"))
    return company, invoice


def issue_unit(runtime: Runtime, company: Any, invoice: Any) -> Any:
    return lambda session: service.save_new(session, runtime.settings, company, invoice, True)


def run_one_batch(
    writes: GroupCommit, units: list[Any], companies: list[str] | None = None
) -> list[Any]:
    """Submit `units` (for `companies`, if given) while the writer is held, so they are taken
    as one batch; each outcome (a result or the exception raised to its caller), in order."""
    gate, held = threading.Event(), threading.Event()

    def hold(session: Any) -> None:
        session.connection()  # the transaction begins, as a real first unit's would
        held.set()
        gate.wait(10)

    def outcome(unit: Any, company_id: str | None) -> Any:
        try:
            return writes.run(unit, company_id)
        except Exception as exc:
            return exc

    with ThreadPoolExecutor(len(units) + 1) as pool:
        blocker = pool.submit(writes.run, hold)
        assert held.wait(10)
        futures = [
            pool.submit(outcome, unit, (companies or [None] * len(units))[i])
            for i, unit in enumerate(units)
        ]
        while writes._queue.qsize() < len(units):  # every unit queued behind the held one
            threading.Event().wait(0.005)
        gate.set()
        blocker.result(10)
        return [f.result(10) for f in futures]


@pytest.fixture
def writes(runtime: Runtime) -> Any:
    group = GroupCommit(runtime.db)
    yield group
    group.stop()


def test_a_batch_of_issues_gets_consecutive_numbers_and_one_whole_chain(
    api: Api, runtime: Runtime, writes: GroupCommit
) -> None:
    units = [issue_unit(runtime, *prepared(runtime, api.company_id)) for _ in range(SIZE)]
    issued = run_one_batch(writes, units)

    numbers = sorted(inv.sequence for inv in issued)
    assert numbers == list(range(1, SIZE + 1))
    assert len({inv.verifactu_huella for inv in issued}) == SIZE
    chain = api.get("/v1/verifactu/chain/verify").json()
    assert (chain["valid"], chain["records"], chain["first_break"]) == (True, SIZE, None)
    listed = api.get("/v1/invoices", params={"limit": 100}).json()["data"]
    assert sorted(i["id"] for i in listed) == sorted(inv.id for inv in issued)


def test_units_that_arrive_while_a_batch_waits_for_its_lock_join_it(
    api: Api, runtime: Runtime, writes: GroupCommit
) -> None:
    # The first unit of a batch waits for the rows it locks (PostgreSQL) or the database's
    # write lock; every issue queued meanwhile is written in the same transaction.
    with recorded(runtime.db.write_engine, "commit") as commits:
        units = [issue_unit(runtime, *prepared(runtime, api.company_id)) for _ in range(SIZE)]
        issued = run_one_batch(writes, units)
    assert len(commits) == 1
    assert sorted(inv.sequence for inv in issued) == list(range(1, SIZE + 1))


def test_a_failing_unit_fails_alone_and_leaves_no_trace(
    api: Api, runtime: Runtime, writes: GroupCommit
) -> None:
    taken = api.post("/v1/invoices", invoice_body(issue=True, external_id="pedido-7"))
    assert taken.status_code == 201, taken.text
    units = [issue_unit(runtime, *prepared(runtime, api.company_id)) for _ in range(SIZE)]
    # Checked free in its read phase, taken by the time it is written: the race a batch meets.
    company, clash = prepared(runtime, api.company_id)
    clash.external_id = "pedido-7"
    units.insert(SIZE // 2, issue_unit(runtime, company, clash))

    outcomes = run_one_batch(writes, units)

    failed = outcomes.pop(SIZE // 2)
    # Its row meets the constraint at the commit; the endpoint maps that to external_id_taken.
    assert isinstance(failed, IntegrityError)
    assert isinstance(service.conflict_of(failed), ExternalIdTaken)
    assert all(not isinstance(o, Exception) for o in outcomes), outcomes
    # The first invoice took number 1; the batch numbers on from 2 without a gap.
    assert sorted(inv.sequence for inv in outcomes) == list(range(2, SIZE + 2))
    assert api.get(f"/v1/invoices/{clash.id}").status_code == 404
    chain = api.get("/v1/verifactu/chain/verify").json()
    assert (chain["valid"], chain["records"], chain["first_break"]) == (True, SIZE + 1, None)


def test_batches_issuing_in_two_series_never_deadlock(api: Api, runtime: Runtime) -> None:
    # Worker A's batch issues an F1 (series F), then an F2 (series S); meanwhile worker B's
    # batch issues an F2. Were series locked before the chain head, B would hold S while
    # waiting for the head, A would wait for S, and PostgreSQL would kill one of them.
    first, second, other = (
        prepared(runtime, api.company_id),
        prepared(runtime, api.company_id, type="F2"),
        prepared(runtime, api.company_id, type="F2"),
    )
    a_holds, b_waits = threading.Event(), threading.Event()

    def worker_a() -> list[Any]:
        with runtime.db.write_session() as session:
            done = [service.save_new(session, runtime.settings, *first, True)]
            a_holds.set()
            assert b_waits.wait(10)
            threading.Event().wait(0.3)  # B is now blocked on a lock A holds
            done.append(service.save_new(session, runtime.settings, *second, True))
            session.commit()
        return done

    def worker_b() -> list[Any]:
        assert a_holds.wait(10)
        b_waits.set()
        with runtime.db.write_session() as session:
            done = [service.save_new(session, runtime.settings, *other, True)]
            session.commit()
        return done

    with ThreadPoolExecutor(2) as pool:
        a, b = pool.submit(worker_a), pool.submit(worker_b)
        issued = a.result(20) + b.result(20)

    assert [inv.number for inv in issued] == [
        f"F{first[1].issued_on.year}-00001",
        f"S{first[1].issued_on.year}-00001",
        f"S{first[1].issued_on.year}-00002",
    ]
    chain = api.get("/v1/verifactu/chain/verify").json()
    assert (chain["valid"], chain["records"], chain["first_break"]) == (True, 3, None)


def test_a_batch_for_many_companies_locks_their_heads_and_series_once_and_chains_each(
    app_client: Any, runtime: Runtime
) -> None:
    writes = GroupCommit(runtime.db, prepare=prepare_batch)
    made = [create_company(runtime.db) for _ in range(6)]
    # Two invoices per company, the companies interleaved, as many clients' requests arrive.
    order = [company_id for _ in range(2) for company_id, _ in made]
    units = [issue_unit(runtime, *prepared(runtime, company_id)) for company_id in order]
    try:
        with recorded(runtime.db.write_engine, "before_cursor_execute") as statements:
            issued = run_one_batch(writes, units, order)
    finally:
        writes.stop()

    sql = [args[2] for args in statements]
    heads = [s for s in sql if "verifactu_chain_heads" in s]
    series = [s for s in sql if re.search(r"\b(FROM|UPDATE) series\b", s)]
    # One statement locks the six heads, one moves them; the same for the series.
    assert [s.split()[0] for s in heads] == ["SELECT", "UPDATE"], heads
    assert [s.split()[0] for s in series] == ["SELECT", "UPDATE"], series
    assert all(not isinstance(i, Exception) for i in issued), issued
    for company_id, key in made:
        api = Api(app_client, company_id, key)
        numbers = sorted(i.sequence for i in issued if i.company_id == company_id)
        assert numbers == [1, 2]
        chain = api.get("/v1/verifactu/chain/verify").json()
        assert (chain["valid"], chain["records"], chain["first_break"]) == (True, 2, None)

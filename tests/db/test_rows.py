"""Staged and plain inserts (db/rows.py) on a real write session: a staged row waits for the
commit, lands in foreign-key order, and a rollback (or a unit re-run after one) leaves exactly
what the committed attempt wrote."""

from collections.abc import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from talonario.db.group_commit import GroupCommit
from talonario.db.rows import insert_new, load, stage_new
from talonario.db.txmemo import run_deferred
from talonario.kit.ids import new_id
from talonario.models.account import Account
from talonario.models.client import Client
from talonario.models.company import Company
from talonario.runtime import Runtime
from tests.db.test_group_commit import run_one_batch


def count(session: Session, cls: type, pk: str) -> int:
    return session.scalar(select(func.count()).select_from(cls).where(cls.id == pk)) or 0  # type: ignore[attr-defined]


def stored(runtime: Runtime, cls: type, pk: str) -> int:
    with runtime.db.read_session() as session:
        return count(session, cls, pk)


_ACCOUNTS: dict[int, str] = {}


def account_of(runtime: Runtime) -> str:
    """An account (stored once per database) for the companies these tests write by hand."""
    if id(runtime) not in _ACCOUNTS:
        with runtime.db.write_session() as session:
            account = Account(name="Filas")
            session.add(account)
            session.commit()
            _ACCOUNTS[id(runtime)] = account.id
    return _ACCOUNTS[id(runtime)]


def new_company(runtime: Runtime, **fields: object) -> Company:
    return Company(
        account_id=account_of(runtime), **({"legal_name": "Filas SL", "nif": "B12345674"} | fields)
    )


def test_a_staged_row_is_invisible_to_queries_until_the_commit(runtime: Runtime) -> None:
    company = new_company(runtime)
    with runtime.db.write_session() as session:
        stage_new(session, company)
        assert count(session, Company, company.id) == 0
        session.commit()
    assert stored(runtime, Company, company.id) == 1


def test_a_staged_object_is_complete_at_once_with_the_values_stored(runtime: Runtime) -> None:
    company = new_company(runtime)
    with runtime.db.write_session() as session:
        stage_new(session, company)
        assert company.id and company.created_at and company.timezone == "Europe/Madrid"
        session.commit()
    with runtime.db.read_session() as session:
        again = load(session, Company, company.id)
    assert again is not None
    assert (again.id, again.created_at, again.timezone) == (
        company.id,
        company.created_at,
        company.timezone,
    )


def test_a_child_staged_before_its_parent_still_lands(runtime: Runtime) -> None:
    company = new_company(runtime)
    with runtime.db.write_session() as session:
        company.id = new_id()
        client = Client(company_id=company.id, name="Hija SL")
        stage_new(session, client)
        stage_new(session, company)
        session.commit()
    assert stored(runtime, Company, company.id) == 1
    assert stored(runtime, Client, client.id) == 1


def test_a_rollback_leaves_no_staged_row_and_a_re_run_stores_it_once(runtime: Runtime) -> None:
    company = new_company(runtime)
    with runtime.db.write_session() as session:
        stage_new(session, company)
        session.rollback()
        session.commit()  # a new, empty transaction: the undone row is not staged in it
        assert stored(runtime, Company, company.id) == 0
        stage_new(session, company)  # the unit re-run (db/group_commit.py): same object
        session.commit()
    assert stored(runtime, Company, company.id) == 1


def test_a_failed_batch_re_runs_its_units_and_stores_each_good_row_once(
    runtime: Runtime,
) -> None:
    good, bad, last = new_company(runtime), new_company(runtime), new_company(runtime)

    def unit(company: Company, fails: bool) -> Callable[[Session], str]:
        def run(session: Session) -> str:
            stage_new(session, company)
            if fails:
                raise ValueError("refused")
            return company.id

        return run

    writes = GroupCommit(runtime.db)
    try:
        outcomes = run_one_batch(writes, [unit(good, False), unit(bad, True), unit(last, False)])
    finally:
        writes.stop()
    assert outcomes[0] == good.id and outcomes[2] == last.id
    assert isinstance(outcomes[1], ValueError)
    assert [stored(runtime, Company, c.id) for c in (good, bad, last)] == [1, 0, 1]


def test_rows_staged_after_an_early_run_deferred_are_each_inserted_once(
    runtime: Runtime,
) -> None:
    first, second = new_company(runtime), new_company(runtime)
    with runtime.db.write_session() as session:
        stage_new(session, first)
        run_deferred(session)  # as before a SAVEPOINT: the rows staged so far are written now
        assert count(session, Company, first.id) == 1
        stage_new(session, second)
        session.commit()
    assert (stored(runtime, Company, first.id), stored(runtime, Company, second.id)) == (1, 1)


def test_inside_a_savepoint_a_staged_row_is_inserted_at_once(runtime: Runtime) -> None:
    company = new_company(runtime)
    with runtime.db.write_session() as session, session.begin_nested():
        stage_new(session, company)
        assert count(session, Company, company.id) == 1


def test_insert_new_writes_at_once_with_its_defaults(runtime: Runtime) -> None:
    company = new_company(runtime)
    with runtime.db.write_session() as session:
        insert_new(session, company)
        assert company.id and company.verifactu_environment == "sandbox"
        assert count(session, Company, company.id) == 1


def test_load_gives_a_detached_copy_usable_after_its_session_or_none(runtime: Runtime) -> None:
    company = new_company(runtime, legal_name="Leída SL", address={"city": "Madrid"})
    with runtime.db.write_session() as session:
        stage_new(session, company)
        session.commit()
    with runtime.db.read_session() as session:
        loaded = load(session, Company, company.id)
        assert loaded is not None and loaded not in session
        assert load(session, Company, "no-such-id") is None
    # The session is closed: a read-phase object keeps every column, nothing left to load.
    assert (loaded.legal_name, loaded.address, loaded.created_at) == (
        "Leída SL",
        {"city": "Madrid"},
        company.created_at,
    )

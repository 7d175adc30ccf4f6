"""The per-transaction memo (db/txmemo.py) on a real write session: a value lives for one
transaction, a deferred write runs once at its commit and never after a rollback, and a
SAVEPOINT keeps no memo and is refused while writes are deferred."""

from collections.abc import Callable
from typing import Any

import pytest

from talonario.db.txmemo import defer, remembered, run_deferred
from talonario.runtime import Runtime


def recorder() -> tuple[list[Any], Callable[[Any], Callable[[], Any]]]:
    calls: list[Any] = []

    def call(name: Any) -> Callable[[], Any]:
        return lambda: calls.append(name) or len(calls)

    return calls, call


def test_a_remembered_value_lasts_one_transaction(runtime: Runtime) -> None:
    calls, call = recorder()
    with runtime.db.write_session() as session:
        session.connection()
        assert remembered(session, "k", call("a")) == remembered(session, "k", call("a")) == 1
        session.commit()
        session.connection()
        assert remembered(session, "k", call("b")) == 2  # a new transaction recomputes it
        assert remembered(session, "k", call("b")) == 2
        session.rollback()
        session.connection()
        assert remembered(session, "k", call("c")) == 3  # and so does one after a rollback
    assert calls == ["a", "b", "c"]


def test_a_deferred_write_runs_once_at_commit_the_first_given_per_key(runtime: Runtime) -> None:
    calls, call = recorder()
    with runtime.db.write_session() as session:
        session.connection()
        defer(session, "head", call("head, first"))
        defer(session, "rows", call("rows"))
        defer(session, "head", call("head, second"))
        assert calls == []
        session.commit()
        assert calls == ["head, first", "rows"]
        session.commit()
    assert calls == ["head, first", "rows"]


def test_a_deferred_write_never_runs_after_a_rollback(runtime: Runtime) -> None:
    calls, call = recorder()
    with runtime.db.write_session() as session:
        session.connection()
        defer(session, "head", call("undone"))
        session.rollback()
        session.commit()
    assert calls == []


def test_without_a_transaction_nothing_is_remembered_and_writes_run_now(runtime: Runtime) -> None:
    calls, call = recorder()
    with runtime.db.write_session() as session:
        assert remembered(session, "k", call("a")) == 1
        assert remembered(session, "k", call("b")) == 2
        defer(session, "head", call("now"))
        assert calls == ["a", "b", "now"]


def test_inside_a_savepoint_nothing_is_remembered_and_writes_run_now(runtime: Runtime) -> None:
    calls, call = recorder()
    with runtime.db.write_session() as session:
        session.connection()
        remembered(session, "k", call("outside"))
        with session.begin_nested():
            assert remembered(session, "k", call("inside")) == 2
            defer(session, "head", call("now"))
            assert calls == ["outside", "inside", "now"]
        assert remembered(session, "k", call("after")) == 1  # the outer memo is still there


def test_a_savepoint_is_refused_while_writes_are_deferred(runtime: Runtime) -> None:
    calls, call = recorder()
    with runtime.db.write_session() as session:
        session.connection()
        defer(session, "head", call("head"))
        refused = pytest.raises(RuntimeError, match="deferred writes are pending")
        with refused, session.begin_nested():
            remembered(session, "k", call("inside"))  # the memo used inside
        with refused, session.begin_nested():
            pass  # releasing it runs the commit hook: refused as well
        run_deferred(session)  # written now: a savepoint may follow
        with session.begin_nested():
            remembered(session, "k", call("inside"))
        session.commit()
    assert calls == ["head", "inside"]  # the head once, not again at the commit

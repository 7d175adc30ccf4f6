"""Engines and sessions (db/engine.py): writers take turns, readers never wait for them, and a
session handed back mid-transaction leaves nothing behind."""

import fcntl
import os
import sqlite3
import threading
import time
from pathlib import Path

from sqlalchemy import text

from talonario.config import Settings
from talonario.db import create_database
from talonario.models import Client
from talonario.runtime import Runtime
from tests.fixtures.database import migrated_database
from tests.fixtures.factories import create_company


def test_sqlite_writers_take_turns_and_both_writes_land(runtime: Runtime) -> None:
    company, _ = create_company(runtime.db)
    spans: list[tuple[float, float]] = []

    def write(name: str) -> None:
        with runtime.db.write_session() as session:
            start = time.monotonic()
            session.add(Client(company_id=company, name=name, external_id=name))
            session.flush()
            time.sleep(0.2)
            session.commit()
            spans.append((start, time.monotonic()))

    threads = [threading.Thread(target=write, args=(f"w{i}",)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    (_, a_end), (b_start, _) = sorted(spans)
    # SQLite queues writers on a lock; PostgreSQL lets both run (they touch different rows).
    if runtime.db.is_sqlite:
        assert b_start >= a_end
    with runtime.db.read_session() as session:
        names = {c.external_id for c in session.query(Client).filter_by(company_id=company)}
    assert names == {"w0", "w1"}


def test_a_reader_does_not_wait_for_an_open_writer(runtime: Runtime) -> None:
    company, _ = create_company(runtime.db)
    with runtime.db.write_session() as session:
        session.add(Client(company_id=company, name="uncommitted"))
        session.flush()
        done = threading.Event()

        def read() -> None:
            with runtime.db.read_session() as reader:
                assert reader.query(Client).filter_by(company_id=company).count() == 0
            done.set()

        threading.Thread(target=read).start()
        assert done.wait(5), "the read waited for the writer"
        session.commit()


def test_a_write_session_left_without_commit_is_rolled_back(runtime: Runtime) -> None:
    company, _ = create_company(runtime.db)
    with runtime.db.write_session() as session:
        session.add(Client(company_id=company, name="dropped"))
        session.flush()
    with runtime.db.read_session() as session:
        assert session.query(Client).filter_by(company_id=company).count() == 0


def test_sqlite_commits_leave_the_wal_to_a_checkpointer_that_copies_it_into_the_file(
    tmp_path: Path,
) -> None:
    # A database of its own: another test's open read would hold the checkpoint back.
    with migrated_database("sqlite", tmp_path) as url:
        db = create_database(Settings(database_url=url))
        try:
            assert db.sqlite_file is not None
            company, _ = create_company(db)
            # `immutable=1` reads the database file alone, without its WAL: it sees a row only
            # once a checkpoint has copied it there. Commits do not (wal_autocheckpoint=0); the
            # checkpointer thread does, within a second or so, while the database stays open.
            deadline = time.monotonic() + 10
            found = None
            while found is None and time.monotonic() < deadline:
                time.sleep(0.2)
                uri = f"file:{db.sqlite_file}?immutable=1"
                with sqlite3.connect(uri, uri=True) as conn:
                    found = conn.execute(
                        "SELECT id FROM companies WHERE id = ?", (company,)
                    ).fetchone()
            assert found is not None
            with db.write_engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 0
        finally:
            db.dispose()


def test_a_sqlite_writer_that_lets_the_lock_go_and_asks_again_waits_behind_the_one_waiting(
    tmp_path: Path,
) -> None:
    """Two processes' writers (here two Databases over one file: each has its own descriptors,
    as a process has). The worker writes a batch a chunk per transaction; a request that was
    already waiting when a chunk commits must go before the worker's next chunk."""
    url = f"sqlite:///{tmp_path / 'talonario.db'}"
    worker, api = (
        create_database(Settings(database_url=url)),
        create_database(Settings(database_url=url)),
    )
    order: list[str] = []
    try:

        def request() -> None:
            with api.write_session() as session:
                session.execute(text("SELECT 1"))
                order.append("request")

        with worker.write_session() as session:
            session.execute(text("SELECT 1"))
            waiting = threading.Thread(target=request)
            waiting.start()
            _wait_until_queued(tmp_path / "talonario.db-writelock-turnstile")
        with worker.write_session() as session:  # the next chunk, asked for at once
            session.execute(text("SELECT 1"))
            order.append("worker")
        waiting.join(10)
        assert order == ["request", "worker"]
    finally:
        worker.dispose()
        api.dispose()


def _wait_until_queued(turnstile: Path) -> None:
    """Until a writer holds the turnstile: it is the one waiting for the lock."""
    fd = os.open(turnstile, os.O_RDWR)
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return
            fcntl.flock(fd, fcntl.LOCK_UN)
            time.sleep(0.01)
        raise AssertionError("the request never queued for the write lock")
    finally:
        os.close(fd)

"""Engines and sessions. The boundary (a request or a task) owns the transaction.
Services never commit.

SQLite is the embedded default: WAL, and every write transaction starts with BEGIN IMMEDIATE so
two writers never both hold a read snapshot they then try to upgrade (which SQLite can only
answer with SQLITE_BUSY). Writers also queue on a lock, a thread lock within the process and an
flock on a file beside the database across processes, instead of on SQLite's busy handler:
its polling sleeps (up to 100 ms each) would show as latency spikes with several workers.
An flock is no queue, so writers pass a turnstile first (a second flock, held only while
waiting for the first): a process that lets the lock go and asks again at once waits behind
the one already waiting, instead of taking it back before that one is scheduled.
Commits do not checkpoint the WAL; a thread per database does, without blocking anyone.
"""

import fcntl
import logging
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from talonario.config import Settings
from talonario.db.txmemo import run_deferred
from talonario.kit.jsonenc import dumps_stored, loads

log = logging.getLogger(__name__)
CHECKPOINT_SECONDS = 0.5


@dataclass
class Database:
    write_engine: Engine
    read_engine: Engine
    is_sqlite: bool
    _write_lock: "threading.Lock | None"
    _lock_file: Path | None = None
    sqlite_file: Path | None = None

    def __post_init__(self) -> None:
        self._beside: dict[str, Database] = {}
        self._lock_fd: int | None = None
        self._turnstile_fd: int | None = None
        if self._lock_file is not None:
            self._lock_fd = os.open(self._lock_file, os.O_RDWR | os.O_CREAT, 0o600)
            turnstile = self._lock_file.with_name(self._lock_file.name + "-turnstile")
            self._turnstile_fd = os.open(turnstile, os.O_RDWR | os.O_CREAT, 0o600)
        self._writer = sessionmaker(self.write_engine, expire_on_commit=False, autoflush=False)
        # Writes deferred to the end of a transaction (db/txmemo.py) happen on every commit.
        event.listen(self._writer, "before_commit", run_deferred)
        self._reader = sessionmaker(self.read_engine, expire_on_commit=False, autoflush=False)
        self._checkpoints: _Checkpointer | None = None
        if self.sqlite_file is not None:
            self._checkpoints = _Checkpointer(self.sqlite_file)

    @contextmanager
    def write_session(self) -> Iterator[Session]:
        """A session whose transaction may write; the caller commits, anything else rolls back."""
        lock = self._write_lock
        if lock is not None:
            lock.acquire()
        if self._lock_fd is not None:
            try:
                self._take_file_lock()
            except BaseException:
                if lock is not None:
                    lock.release()
                raise
        try:
            with self._writer() as session:
                try:
                    yield session
                finally:
                    if session.in_transaction():
                        session.rollback()
        finally:
            if self._lock_fd is not None:
                fcntl.flock(self._lock_fd, fcntl.LOCK_UN)
            if lock is not None:
                lock.release()

    def _take_file_lock(self) -> None:
        """The cross-process write lock, through the turnstile: whoever holds the turnstile is
        the next to have the lock, and the rest (a writer that just let it go, too) queue on
        the turnstile meanwhile."""
        assert self._lock_fd is not None and self._turnstile_fd is not None
        fcntl.flock(self._turnstile_fd, fcntl.LOCK_EX)
        try:
            fcntl.flock(self._lock_fd, fcntl.LOCK_EX)
        finally:
            fcntl.flock(self._turnstile_fd, fcntl.LOCK_UN)

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        # Closing (not rolling back) ends the read: the pool resets the connection, and the
        # objects read stay loaded, detached, for the write phase that follows.
        with self._reader() as session:
            yield session

    def beside(self, name: str) -> "Database":
        """For a SQLite file, a database of its own in a file beside it (`talonario.db` gives
        `talonario.<name>.db`), with its own write lock; made once, disposed with this one.
        Otherwise (PostgreSQL, SQLite in memory) this same database."""
        main = self.sqlite_file
        if main is None:
            return self
        found = self._beside.get(name)
        if found is None:
            path = main.with_name(f"{main.stem}.{name}{main.suffix or '.db'}")
            found = self._beside[name] = _sqlite_database(f"sqlite:///{path}", path)
        return found

    def dispose(self) -> None:
        if self._checkpoints is not None:
            self._checkpoints.stop()
            self._checkpoints = None
        for other in self._beside.values():
            other.dispose()
        self._beside.clear()
        for fd in (self._lock_fd, self._turnstile_fd):
            if fd is not None:
                os.close(fd)
        self._lock_fd = self._turnstile_fd = None
        self.write_engine.dispose()
        if self.read_engine is not self.write_engine:
            self.read_engine.dispose()


class _Checkpointer:
    """Copies the WAL into the database file from a thread of its own, PASSIVE (it waits for
    no reader or writer), every CHECKPOINT_SECONDS. Commits no longer do it themselves
    (wal_autocheckpoint=0): the commit that crossed SQLite's 1,000-page threshold paid for the
    whole copy, tens of milliseconds under the write lock every request waits for."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="sqlite-checkpoint", daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        conn: sqlite3.Connection | None = None
        try:
            while not self._stop.wait(CHECKPOINT_SECONDS):
                try:
                    if conn is None:
                        conn = sqlite3.connect(self._path, timeout=0, check_same_thread=False)
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                except sqlite3.OperationalError:
                    continue  # busy (another process checkpointing) or not made yet
                except Exception:  # never let the WAL grow for want of this thread
                    log.exception("SQLite checkpoint of %s failed", self._path)
        finally:
            if conn is not None:
                conn.close()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)


def _sqlite_engine(url: str, immediate: bool) -> Engine:
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": 30},
        json_serializer=dumps_stored,
        json_deserializer=loads,
        pool_size=8,
        max_overflow=32,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Take transaction control from the driver so BEGIN is ours to choose.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        # FULL: a committed invoice survives power loss, not only a process crash.
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute("PRAGMA wal_autocheckpoint=0")  # _Checkpointer does it, off the commit
        # When the WAL starts over, its file is cut back to 64 MiB: a burst leaves no giant.
        cur.execute("PRAGMA journal_size_limit=67108864")
        cur.close()

    if immediate:

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Any) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

    # Reads run in autocommit (no BEGIN, and the ROLLBACK on return is then a no-op), as on
    # PostgreSQL: each statement reads committed data; what a write relies on it checks again.

    return engine


def _sqlite_database(url: str, path: Path | None) -> Database:
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    return Database(
        write_engine=_sqlite_engine(url, immediate=True),
        read_engine=_sqlite_engine(url, immediate=False),
        is_sqlite=True,
        _write_lock=threading.Lock(),
        _lock_file=path.with_name(path.name + "-writelock") if path is not None else None,
        sqlite_file=path,
    )


def create_database(settings: Settings) -> Database:
    url = settings.database_url
    if settings.is_sqlite:
        return _sqlite_database(url, settings.sqlite_path())
    engine = create_engine(
        url,
        json_serializer=dumps_stored,
        json_deserializer=loads,
        # As many as the thread pool runs requests at once (40): overflow connections would be
        # opened and closed under load, each costing a PostgreSQL backend start and exit.
        pool_size=40,
        max_overflow=10,
        pool_pre_ping=True,
    )
    # Reads run in autocommit: no BEGIN and ROLLBACK round trips around a request's read phase
    # (each statement reads committed data; what the write must rely on, it checks again).
    reads = engine.execution_options(isolation_level="AUTOCOMMIT")
    return Database(write_engine=engine, read_engine=reads, is_sqlite=False, _write_lock=None)

"""Group commit: the write units of many requests share one transaction and one commit.

Issuing serialises on a company's series row and chain head, and a durable commit costs an
fsync (about 3 ms on a laptop disk, on SQLite with synchronous=FULL as on PostgreSQL). One
transaction per invoice would cap a company at about 300 invoices/s however many workers run.
Here a single writer thread per process takes every unit that is waiting, runs them in one
transaction, commits once, and only then answers each caller: no caller hears "done" before
its work is durable. Failures are rare (every check ran before, in the read phase): when one
happens the batch rolls back and each unit runs again alone, so only the failing one fails.
(A SAVEPOINT per unit would isolate failures too, but costs as much as the unit's own work.)

A unit names the company it writes for; `prepare` (runtime.py gives records/batch.py's) then
locks and reads what the batch's companies will need in a few statements for all of them, in
company order, before their units run: otherwise a batch of units for many companies costs a
statement per company for each of its chain head, series and webhooks, where one company's
batch pays once.
"""

import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from talonario.db import Database

T = TypeVar("T")
Unit = Callable[[Session], Any]
Prepare = Callable[[Session, list[str]], None]
Item = tuple[Unit, "Future[Any]", str | None]
log = logging.getLogger(__name__)

# Bounds the wait of the last caller of a batch; units arriving meanwhile form the next one.
MAX_UNITS = 64
_STOP = object()


class GroupCommit:
    def __init__(
        self, db: Database, max_units: int = MAX_UNITS, prepare: Prepare | None = None
    ) -> None:
        self._db = db
        self._max_units = max_units
        self._prepare = prepare
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()

    def run(self, unit: Callable[[Session], T], company_id: str | None = None) -> T:
        """Run `unit(session)` in a shared write transaction; its result once committed.
        `company_id`: the company it writes for, if one.

        The unit's exception is raised here, after the batch committed without it; a failed
        commit is raised to every unit of the batch.
        """
        future: Future[T] = Future()
        self._ensure_started()
        self._queue.put((unit, future, company_id))
        return future.result()

    def stop(self) -> None:
        """Finish what is queued, then end the writer thread."""
        with self._start_lock:
            thread, self._thread = self._thread, None
        if thread is not None:
            self._queue.put(_STOP)
            thread.join()

    def _ensure_started(self) -> None:
        if self._thread is not None:
            return
        with self._start_lock:
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._loop, name="talonario-group-commit", daemon=True
                )
                self._thread.start()

    def _loop(self) -> None:
        while True:
            item = self._queue.get()
            if item is _STOP:
                return
            if self._write([item], gather=True):
                return

    def _gather(self, batch: list[Any]) -> bool:
        """Add the units waiting now to `batch`; True if told to stop meanwhile."""
        while len(batch) < self._max_units:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                return False
            if item is _STOP:
                return True
            batch.append(item)
        return False

    def _write(self, batch: list[Item], gather: bool = False) -> bool:
        """Commit the batch whole; if any unit (or the commit) fails, run each unit alone, so
        that only the failing one fails. Units are re-runnable: a rolled-back attempt leaves
        nothing behind but the values it set on its own new objects, which a rerun overwrites.

        With `gather`, the units that arrive while the batch runs join it, up to the bound: the
        first wait is for the write lock (SQLite's, taken before the transaction starts, or the
        rows PostgreSQL locks in the first unit), and whatever queued meanwhile would otherwise
        wait a whole further turn of the lock. Returns True if told to stop meanwhile."""
        stopping = False
        try:
            with self._db.write_session() as session:
                results: list[Any] = []
                prepared: set[str] = set()
                while True:
                    if gather and not stopping:
                        stopping = self._gather(batch)
                    if len(results) == len(batch):
                        break
                    if self._prepare is not None:
                        self._prepare_for(session, batch[len(results) :], prepared)
                    results.append(batch[len(results)][0](session))
                session.commit()
        except BaseException as exc:
            if len(batch) > 1:
                for single in batch:
                    self._write([single])
                return stopping
            if not isinstance(exc, Exception):
                log.error("group commit unit raised %r", exc)
            batch[0][1].set_exception(exc)
            return stopping
        for (_, future, _), result in zip(batch, results, strict=True):
            future.set_result(result)
        return stopping

    def _prepare_for(self, session: Session, coming: list[Item], prepared: set[str]) -> None:
        """Prepare the companies of the units still to run that are not prepared yet."""
        new = sorted({c for _, _, c in coming if c is not None} - prepared)
        if new:
            assert self._prepare is not None
            self._prepare(session, new)
            prepared.update(new)

"""The background worker: remits VERI*FACTU records, delivers webhooks, sends email, and
forgets Idempotency-Keys past their time.

`talonario worker` runs it as a process; `talonario serve --worker` (what `make run` does) runs
it as a thread beside the API. Several may run at once, in any mix: every job claims its work
(a lease, and FOR UPDATE SKIP LOCKED on PostgreSQL), so nothing is sent twice. A remission
lease is renewed by a heartbeat while its batch is in flight, so a worker killed mid-send (even
SIGKILL) holds its company for at most TALONARIO_REMISSION_LEASE_SECONDS; SIGTERM lets the
pass in progress finish first.
"""

import logging
import threading
from collections.abc import Callable

from talonario.auth.idempotency import purge_expired
from talonario.config import Settings
from talonario.db import Database
from talonario.documents.mailer import send_due_emails
from talonario.records.remission import remit_due
from talonario.webhooks.delivery import deliver_due

log = logging.getLogger(__name__)

Job = Callable[[Database, Settings], int]

# Each job claims its own work and answers how much it did.
JOBS: tuple[tuple[str, Job], ...] = (
    ("remission", remit_due),
    ("webhooks", deliver_due),
    ("email", send_due_emails),
    ("idempotency", purge_expired),
)


def run_once(db: Database, settings: Settings) -> int:
    """One pass of every job; how much work was done. A failing job never stops the others."""
    done = 0
    for name, job in JOBS:
        try:
            done += job(db, settings)
        except Exception:
            log.exception("worker job %s failed", name)
    return done


def run(db: Database, settings: Settings, stop: threading.Event) -> None:
    log.info("worker started")
    while not stop.is_set():
        if run_once(db, settings) == 0:
            stop.wait(settings.worker_poll_seconds)
    log.info("worker stopped")


class WorkerThread:
    """The worker inside the API process (make run): started and stopped with the app."""

    def __init__(self, db: Database, settings: Settings) -> None:
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=run, args=(db, settings, self._stop), name="talonario-worker", daemon=True
        )

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._thread.join(timeout)

"""The background worker: remits VERI*FACTU records, delivers webhooks, sends email, and
forgets Idempotency-Keys past their time.

`talonario worker` runs it as a process; `talonario serve --worker` (what `make run` does) starts
one such process beside the API processes and keeps it running. Never a thread of an API
process: a 1,000-record batch is a second of Python (envelope, answer, bookkeeping) that would
hold the API's GIL, and under load its answers waited seconds behind it.

Several may run at once, in any mix: every job claims its work (a lease, and FOR UPDATE SKIP
LOCKED on PostgreSQL), so nothing is sent twice. A remission
lease is renewed by a heartbeat while its batch is in flight, so a worker killed mid-send (even
SIGKILL) holds its company for at most TALONARIO_REMISSION_LEASE_SECONDS; SIGTERM lets the
pass in progress finish first.
"""

import logging
import os
import signal
import threading
from collections.abc import Callable

from talonario.auth.idempotency import purge_expired
from talonario.config import Settings, get_settings
from talonario.db import Database, create_database
from talonario.documents.mailer import send_due_emails
from talonario.events.jobs import audit_due, summarize_before_shutdown, summarize_due
from talonario.invoices.overdue import announce_overdue
from talonario.kit.collector import tune_gc

# Registers a quote's email with the mailer, which sends quotes' emails too but may not import
# the quotes package (a layer above it).
from talonario.quotes import email as _quote_email  # noqa: F401
from talonario.records.mode import switch_due
from talonario.records.remission import remit_due
from talonario.recurring.jobs import issue_due as issue_recurring
from talonario.reminders.jobs import send_scheduled as send_reminders
from talonario.webhooks.delivery import deliver_due
from talonario.webhooks.feed import purge_expired_events

log = logging.getLogger(__name__)

Job = Callable[[Database, Settings], int]

# Each job claims its own work and answers how much it did.
JOBS: tuple[tuple[str, Job], ...] = (
    # A switch of VERI*FACTU mode scheduled for today (leaving it on 1 January, art. 17).
    ("scheduled mode switches", switch_due),
    ("recurring invoices", issue_recurring),
    # invoice.overdue once per invoice past due_on unpaid; then the scheduled payment
    # reminders, whose emails the email job below sends in the same pass.
    ("overdue invoices", announce_overdue),
    ("payment reminders", send_reminders),
    ("remission", remit_due),
    ("webhooks", deliver_due),
    ("email", send_due_emails),
    ("idempotency", purge_expired),
    # The events feed keeps 30 days: older events go, with their finished deliveries.
    ("events feed retention", purge_expired_events),
    # The NO VERI*FACTU event log (Orden HAC/1177/2024 art. 9): the 6-hour summary, a daily
    # anomaly detection.
    ("event summaries", summarize_due),
    ("anomaly detection", audit_due),
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
    try:
        # Orden art. 9: a summary event before the system stops.
        summarize_before_shutdown(db, settings)
    except Exception:
        log.exception("the summary events before stopping failed")
    log.info("worker stopped")


def run_process(parent_pid: int | None = None) -> None:
    """The worker as a process, until SIGTERM/SIGINT; with `parent_pid` (started by `serve`),
    also until that process is gone, so a killed server leaves no orphan remitting."""
    settings = get_settings()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    if parent_pid is not None:
        threading.Thread(
            target=_stop_when_orphaned, args=(parent_pid, stop), name="parent-watch", daemon=True
        ).start()
    if settings.worker_nice:
        os.nice(settings.worker_nice)  # the API's requests first (config.py)
    db = create_database(settings)
    tune_gc()
    try:
        run(db, settings, stop)
    finally:
        db.dispose()


def _stop_when_orphaned(parent_pid: int, stop: threading.Event) -> None:
    while not stop.wait(1.0):
        if os.getppid() != parent_pid:
            log.warning("the server that started this worker is gone: stopping")
            stop.set()

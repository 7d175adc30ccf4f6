"""A company's remission lease: one holder at a time, kept while the holder lives.

The holder writes `locked_until = now + lease` when it claims a batch, and a heartbeat thread
renews it every third of the lease for as long as the send lasts, however long AEAT takes to
answer. A holder that dies stops renewing, so its company moves again once `locked_until`
passes: within TALONARIO_REMISSION_LEASE_SECONDS (default 25) of its death, plus one worker
poll; under the 30 s a dead worker may block a company (issue 11).
"""

import logging
import threading
from datetime import timedelta
from types import TracebackType

from talonario.config import Settings
from talonario.db import Database
from talonario.kit.clock import utcnow
from talonario.records.remission_repository import RemissionRepository

log = logging.getLogger(__name__)


def duration(settings: Settings) -> timedelta:
    return timedelta(seconds=settings.remission_lease_seconds)


def heartbeat_seconds(settings: Settings) -> float:
    """Three renewals per lease: one late or failed renewal does not lose it."""
    return settings.remission_lease_seconds / 3


class Heartbeat:
    """Renews `holder`'s lease on the company from a thread while the `with` block runs.

    A renewal that finds the lease no longer ours (the holder stalled past it and another took
    over) stops renewing; the holder then records only its own submission's answer, never the
    company's state (remission._still_ours decides, under the state row's lock)."""

    def __init__(self, db: Database, settings: Settings, company_id: str, holder: str) -> None:
        self._db = db
        self._company_id = company_id
        self._holder = holder
        self._lease = duration(settings)
        self._every = heartbeat_seconds(settings)
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._run, name=f"lease-{company_id[:8]}", daemon=True
        )

    def __enter__(self) -> "Heartbeat":
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self._every):
            try:
                if not self.renew():
                    log.warning("lost the remission lease of %s", self._company_id)
                    return
            except Exception:  # the database may be back by the next beat
                log.exception("renewing the remission lease of %s failed", self._company_id)

    def renew(self) -> bool:
        """Push the lease a full term ahead; False if it is no longer ours."""
        with self._db.write_session() as session:
            repo = RemissionRepository(session, self._company_id)
            renewed = repo.renew_lease(self._holder, utcnow() + self._lease)
            session.commit()
        return renewed

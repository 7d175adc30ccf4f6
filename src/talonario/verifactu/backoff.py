"""When a company's next submission may go, and why (`reason` in GET /v1/verifactu/status).

Pure: no database, no clock of its own. Two kinds of wait, kept apart because the law treats
them apart:

* AEAT's TiempoEsperaEnvio (spec §8.3, Orden HAC/1177/2024 art. 16.2): a legal duty. Nothing
  shortens it, not even a retry by hand; only 1,000 waiting records let a batch go earlier.
* A failure's backoff: ours to choose. Transport faults (AEAT down, a lost answer) wait 30 s,
  doubling per consecutive failure to at most 10 minutes, each wait drawn between half and all
  of that (jitter: companies hit by one outage do not all come back at the same second).
  Permanent faults (AEAT refused the whole submission, or our certificate cannot be used) wait
  an hour, the art. 16.4 minimum retry rate, unless lifted by `POST /v1/verifactu/retry`.
"""

import random
from collections.abc import Callable
from datetime import datetime, timedelta
from enum import StrEnum


class Reason(StrEnum):
    """Why the next attempt is when it is."""

    NOTHING_PENDING = "nothing_pending"  # no record waits
    DUE = "due"  # records wait and may go now: the worker's next pass sends them
    SENDING = "sending"  # a worker holds the company's lease and is sending a batch
    AEAT_WAIT = "aeat_wait"  # AEAT's TiempoEsperaEnvio since the last answered submission
    TRANSPORT_BACKOFF = "transport_backoff"  # AEAT unreachable or the answer lost
    PERMANENT_ERROR = "permanent_error"  # AEAT refused the submission (SOAP Client fault, 4xx)
    CERTIFICATE_MISSING = "certificate_missing"  # preproduction/production without certificate
    CERTIFICATE_UNUSABLE = "certificate_unusable"  # unreadable or invalid certificate or CA file
    RETRY_REQUESTED = "retry_requested"  # a failure's backoff was lifted: due now


# What a retry by hand may lift: a failure's backoff, never AEAT's wait.
FAILURES = frozenset(
    {
        Reason.TRANSPORT_BACKOFF,
        Reason.PERMANENT_ERROR,
        Reason.CERTIFICATE_MISSING,
        Reason.CERTIFICATE_UNUSABLE,
    }
)

FIRST_BACKOFF = timedelta(seconds=30)
MAX_TRANSPORT_BACKOFF = timedelta(minutes=10)
PERMANENT_BACKOFF = timedelta(hours=1)  # ORDEN art. 16.4: retry at least once an hour


def stored(reason: str | None) -> Reason | None:
    """The reason kept on the remission state row (NULL: none)."""
    return Reason(reason) if reason else None


def transport_backoff(failures: int, draw: Callable[[], float] = random.random) -> timedelta:
    """The wait after the `failures`-th consecutive transport fault (1 for the first)."""
    ceiling = min(FIRST_BACKOFF * 2 ** min(max(failures, 1) - 1, 10), MAX_TRANSPORT_BACKOFF)
    return ceiling * (0.5 + draw() / 2)


def after_failure(
    reason: Reason,
    failures: int,
    aeat_wait_until: datetime | None,
    now: datetime,
    draw: Callable[[], float] = random.random,
) -> datetime:
    """The next attempt after a failure of this kind (`failures` in a row, this one
    included). Never before AEAT's wait ends; the failure stays the reason, so 1,000 waiting
    records do not send again at once what just failed."""
    transient = reason is Reason.TRANSPORT_BACKOFF
    at = now + (transport_backoff(failures, draw) if transient else PERMANENT_BACKOFF)
    return max(at, aeat_wait_until) if aeat_wait_until is not None else at


def may_go(
    next_allowed_at: datetime | None, reason: Reason | None, batch_full: bool, now: datetime
) -> bool:
    """Whether a submission may go now: its time has come, or 1,000 records wait and only
    AEAT's wait holds them (spec §8.3: whichever happens first)."""
    if next_allowed_at is None or next_allowed_at <= now:
        return True
    return batch_full and reason in (None, Reason.AEAT_WAIT)


def lifted(
    reason: Reason | None, aeat_wait_until: datetime | None, now: datetime
) -> tuple[datetime | None, Reason] | None:
    """A retry by hand: the next attempt and its reason, or None if there is no failure's
    backoff to lift (AEAT's wait, nothing at all). AEAT's wait still holds after it."""
    if reason not in FAILURES:
        return None
    if aeat_wait_until is not None and aeat_wait_until > now:
        return aeat_wait_until, Reason.AEAT_WAIT
    return None, Reason.RETRY_REQUESTED


def shown(
    stored: Reason | None,
    next_allowed_at: datetime | None,
    *,
    pending: int,
    batch_full: bool,
    leased: bool,
    now: datetime,
) -> Reason:
    """The reason the status shows, from the one stored with the state and what is now."""
    if pending == 0:
        return Reason.NOTHING_PENDING
    if leased:
        return Reason.SENDING
    if not may_go(next_allowed_at, stored, batch_full, now):
        return stored or Reason.AEAT_WAIT
    return Reason.RETRY_REQUESTED if stored is Reason.RETRY_REQUESTED else Reason.DUE

"""When the next submission may go after a failure, and what a retry by hand may lift: the
pure rules of verifactu/backoff.py (the API and worker behaviour is in
test_remission_recovery.py)."""

from datetime import UTC, datetime, timedelta

import pytest

from talonario.verifactu.backoff import Reason, after_failure, lifted, may_go, shown

NOW = datetime(2026, 12, 3, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize("failures", range(1, 14))
@pytest.mark.parametrize("draw", [0.0, 0.5, 0.999])
def test_transport_backoff_is_30_s_doubling_to_10_minutes_with_jitter(
    failures: int, draw: float
) -> None:
    ceiling = min(timedelta(seconds=30) * 2 ** (failures - 1), timedelta(minutes=10))
    at = after_failure(Reason.TRANSPORT_BACKOFF, failures, None, NOW, draw=lambda: draw)
    assert ceiling / 2 <= at - NOW <= ceiling


def test_jitter_spreads_companies_failing_together() -> None:
    draws = iter([0.1, 0.9])
    first, second = (
        after_failure(Reason.TRANSPORT_BACKOFF, 3, None, NOW, draw=lambda: next(draws))
        for _ in range(2)
    )
    assert first != second


@pytest.mark.parametrize(
    "reason", [Reason.PERMANENT_ERROR, Reason.CERTIFICATE_MISSING, Reason.CERTIFICATE_UNUSABLE]
)
def test_permanent_faults_wait_an_hour(reason: Reason) -> None:
    assert after_failure(reason, 1, None, NOW) - NOW == timedelta(hours=1)


def test_a_failure_never_ends_aeat_s_wait_early() -> None:
    aeat = NOW + timedelta(seconds=90)
    assert after_failure(Reason.TRANSPORT_BACKOFF, 1, aeat, NOW) == aeat


def test_a_retry_lifts_a_failure_s_backoff_but_not_aeat_s_wait() -> None:
    assert lifted(Reason.PERMANENT_ERROR, None, NOW) == (None, Reason.RETRY_REQUESTED)
    assert lifted(Reason.TRANSPORT_BACKOFF, NOW - timedelta(seconds=1), NOW) == (
        None,
        Reason.RETRY_REQUESTED,
    )
    aeat = NOW + timedelta(seconds=40)
    assert lifted(Reason.PERMANENT_ERROR, aeat, NOW) == (aeat, Reason.AEAT_WAIT)
    assert lifted(Reason.AEAT_WAIT, aeat, NOW) is None
    assert lifted(None, None, NOW) is None


def test_1000_waiting_lift_aeat_s_wait_not_a_failure_s_backoff() -> None:
    later = NOW + timedelta(seconds=30)
    assert may_go(later, Reason.AEAT_WAIT, True, NOW)
    assert not may_go(later, Reason.AEAT_WAIT, False, NOW)
    assert not may_go(later, Reason.TRANSPORT_BACKOFF, True, NOW)
    assert not may_go(later, Reason.PERMANENT_ERROR, True, NOW)
    assert may_go(NOW, Reason.PERMANENT_ERROR, False, NOW)


def test_the_reason_shown() -> None:
    later = NOW + timedelta(seconds=30)

    def show(stored: Reason | None, at: datetime | None, **kw: object) -> Reason:
        values: dict[str, object] = {"pending": 1, "batch_full": False, "leased": False}
        return shown(stored, at, now=NOW, **(values | kw))  # type: ignore[arg-type]

    assert show(Reason.PERMANENT_ERROR, later, pending=0) is Reason.NOTHING_PENDING
    assert show(Reason.AEAT_WAIT, later, leased=True) is Reason.SENDING
    assert show(Reason.TRANSPORT_BACKOFF, later) is Reason.TRANSPORT_BACKOFF
    assert show(Reason.TRANSPORT_BACKOFF, NOW) is Reason.DUE
    assert show(Reason.AEAT_WAIT, later, batch_full=True) is Reason.DUE
    assert show(Reason.RETRY_REQUESTED, None) is Reason.RETRY_REQUESTED
    assert show(None, None) is Reason.DUE

"""The only reader of the wall clock, so tests and records agree on what "now" is."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo


def utcnow() -> datetime:
    return datetime.now(UTC)


def today_in(tz: str) -> date:
    """The calendar date where the issuer is: an invoice is dated in Spain, not in UTC."""
    return datetime.now(ZoneInfo(tz)).date()

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal as D

import pytest

from talonario.verifactu import formats


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (D("121"), "121.00"),
        (D("121.0"), "121.00"),
        (D("-24.2"), "-24.20"),
        (D("0"), "0.00"),
        (D("-0.00"), "0.00"),
        (D("1E+2"), "100.00"),
        (D("1234567.89"), "1234567.89"),
        (D("999999999999.99"), "999999999999.99"),
    ],
)
def test_amounts_have_two_decimals_and_a_dot(value: D, text: str) -> None:
    assert formats.amount(value) == text


@pytest.mark.parametrize("value", [D("1.005"), D("1E12"), D("-1E12"), D("NaN"), D("Infinity")])
def test_amounts_aeat_cannot_take_are_refused(value: D) -> None:
    with pytest.raises(ValueError):
        formats.amount(value)


@pytest.mark.parametrize("value", [1.1, 1, "1.10"])
def test_only_decimals_are_amounts(value: object) -> None:
    with pytest.raises(TypeError, match="Decimal"):
        formats.amount(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "text"), [(D("21"), "21.00"), (D("5.2"), "5.20"), (D("0.26"), "0.26")]
)
def test_rates_have_two_decimals(value: D, text: str) -> None:
    assert formats.rate(value) == text


@pytest.mark.parametrize("value", [D("-1"), D("1000"), D("0.125")])
def test_rates_aeat_cannot_take_are_refused(value: D) -> None:
    with pytest.raises(ValueError):
        formats.rate(value)


def test_dates_are_zero_padded_day_month_year() -> None:
    assert formats.day(date(2014, 7, 2)) == "02-07-2014"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (
            datetime(2024, 1, 1, 19, 20, 30, tzinfo=timezone(timedelta(hours=1))),
            "2024-01-01T19:20:30+01:00",
        ),
        (datetime(2024, 1, 1, 18, 20, 30, 999999, tzinfo=UTC), "2024-01-01T18:20:30+00:00"),
    ],
)
def test_timestamps_carry_the_offset_and_no_fraction(value: datetime, text: str) -> None:
    assert formats.timestamp(value) == text


def test_timestamps_need_an_offset_in_whole_minutes() -> None:
    with pytest.raises(ValueError, match="aware"):
        formats.timestamp(datetime(2024, 1, 1))
    with pytest.raises(ValueError, match="seconds"):
        formats.timestamp(datetime(2024, 1, 1, tzinfo=timezone(timedelta(seconds=30))))

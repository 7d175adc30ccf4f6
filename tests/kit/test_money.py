"""Money helpers: one rounding rule (half up to the cent) and no way in for floats."""

from decimal import Decimal, getcontext, localcontext

import pytest
from hypothesis import given
from hypothesis import strategies as st

from talonario.kit.money import CENT, ZERO, percent_of, round_money, to_decimal


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0.005", "0.01"),
        ("0.004", "0.00"),
        ("2.675", "2.68"),
        ("1.00", "1.00"),
        ("-0.005", "-0.01"),
        ("-2.675", "-2.68"),
        ("-0.004", "0.00"),
        ("12", "12.00"),
    ],
)
def test_round_money_is_half_up_away_from_zero(value: str, expected: str) -> None:
    result = round_money(Decimal(value))
    assert result == Decimal(expected)
    assert result.as_tuple().exponent == -2


def test_round_money_never_returns_negative_zero() -> None:
    assert str(round_money(Decimal("-0.001"))) == "0.00"


def test_round_money_ignores_a_tampered_global_context() -> None:
    with localcontext() as ctx:
        ctx.prec = 3
        assert round_money(Decimal("123456.785")) == Decimal("123456.79")
        assert percent_of(Decimal("1000000.00"), Decimal("21")) == Decimal("210000.00")
    assert getcontext().prec >= 28


def test_constants() -> None:
    assert str(CENT) == "0.01"
    assert str(ZERO) == "0.00"


def test_percent_of_rounds_the_product() -> None:
    assert percent_of(Decimal("280.50"), Decimal("21")) == Decimal("58.91")  # 58.905
    assert percent_of(Decimal("-280.50"), Decimal("21")) == Decimal("-58.91")
    assert percent_of(Decimal("100"), Decimal("5.2")) == Decimal("5.20")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (Decimal("1.10"), Decimal("1.10")),
        (3, Decimal("3")),
        ("  19.99 ", Decimal("19.99")),
        ("-0.5", Decimal("-0.5")),
    ],
)
def test_to_decimal_accepts_exact_inputs(raw: object, expected: Decimal) -> None:
    result = to_decimal(raw)
    assert isinstance(result, Decimal)
    assert result == expected


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (0.1, "float"),  # the one float in the suite: proving it is refused
        (True, "bool"),
        ("NaN", "finite"),
        ("Infinity", "finite"),
        (Decimal("NaN"), "finite"),
        ("abc", "not a decimal"),
        ("", "not a decimal"),
        (None, "not a number"),
        ([1], "not a number"),
    ],
)
def test_to_decimal_rejects_inexact_or_non_numbers(raw: object, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        to_decimal(raw)


def test_to_decimal_rejects_more_digits_than_it_can_compute() -> None:
    with pytest.raises(ValueError, match="digits"):
        to_decimal("1" * 40)


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_round_money_is_symmetric(millis: int) -> None:
    value = Decimal(millis).scaleb(-3)
    assert round_money(-value) == -round_money(value)
    assert abs(round_money(value) - value) <= Decimal("0.005")

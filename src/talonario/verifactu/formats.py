"""The exact text AEAT expects for dates, timestamps, amounts and rates.

The huella, the XML and the QR URL all take their values from these functions, so the hash is
always computed over the very strings that are sent: AEAT hashes the text of the XML, and `123.1`
and `123.10` give different digests (AEAT hash spec v0.1.2 §3).
"""

from datetime import date, datetime, timedelta
from decimal import Context, Decimal, Inexact, InvalidOperation

from talonario.kit.money import DECIMAL_CONTEXT

CENT = Decimal("0.01")
# Quantizing in this context raises instead of rounding: printing must never change an amount.
_EXACT = Context(prec=DECIMAL_CONTEXT.prec, traps=[Inexact, InvalidOperation])


def amount(value: Decimal) -> str:
    """`-1234.50`: always two decimals, dot separator, no thousands separator (our canonical
    rendering of ImporteSgn12.2Type). Refuses what would need rounding: that is the caller's
    decision (kit.money), never a side effect of printing."""
    cents = _cents(value, "amount")
    if cents.adjusted() >= 12:
        raise ValueError(f"amount {value} has more than 12 integer digits")
    # str() of a Decimal with exponent -2 is never in E notation; -0.00 is written 0.00.
    return str(cents) if cents else "0.00"


def rate(value: Decimal) -> str:
    """`21.00`, `5.20`, `0.26`: a percentage as Tipo2.2Type, with two decimals."""
    cents = _cents(value, "rate")
    if cents < 0 or cents.adjusted() >= 3:
        raise ValueError(f"rate {value} must be between 0 and 999.99")
    return str(cents) if cents else "0.00"


def day(value: date) -> str:
    """`dd-mm-yyyy`, zero-padded (AEAT type `fecha`)."""
    return f"{value.day:02d}-{value.month:02d}-{value.year:04d}"


def timestamp(value: datetime) -> str:
    """`2024-01-01T19:20:30+01:00`: seconds precision with the explicit UTC offset AEAT requires
    (never `Z`, never fractions). The offset must be the issuing territory's (Orden art. 7.e)."""
    offset = value.utcoffset()
    if offset is None:
        raise ValueError("the generation timestamp needs a UTC offset (an aware datetime)")
    if offset % timedelta(minutes=1):
        raise ValueError("a UTC offset with seconds cannot be written as +hh:mm")
    return value.isoformat(timespec="seconds")


def _cents(value: Decimal, what: str) -> Decimal:
    """`value` with exactly two decimals (str() of such a Decimal is never in E notation)."""
    if not isinstance(value, Decimal):
        # A float here would mean an amount went through binary arithmetic somewhere.
        raise TypeError(f"{what} must be a Decimal, not {type(value).__name__}")
    if not value.is_finite():
        raise ValueError(f"{what} {value} is not a finite number")
    try:
        return value.quantize(CENT, context=_EXACT)
    except (Inexact, InvalidOperation):
        raise ValueError(
            f"{what} {value} is not a finite number with at most two decimals"
        ) from None

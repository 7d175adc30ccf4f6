"""The exact text AEAT expects for dates, timestamps, amounts and rates.

The huella, the XML and the QR URL all take their values from these functions, so the hash is
always computed over the very strings that are sent: AEAT hashes the text of the XML, and `123.1`
and `123.10` give different digests (AEAT hash spec v0.1.2 §3).
"""

from datetime import date, datetime
from decimal import Context, Decimal, Inexact, InvalidOperation
from functools import lru_cache

CENT = Decimal("0.01")
# Quantizing in this context raises instead of rounding: printing must never change an amount.
# 34 digits, as kit.money's context: the library imports nothing of the app.
_EXACT = Context(prec=34, traps=[Inexact, InvalidOperation])


def amount(value: Decimal) -> str:
    """`-1234.50`: always two decimals, dot separator, no thousands separator (our canonical
    rendering of ImporteSgn12.2Type). Refuses what would need rounding: that is the caller's
    decision (kit.money), never a side effect of printing."""
    if isinstance(value, Decimal):
        # Fast path, ten times per record: an amount already in cents (as kit.money rounds
        # them) is printed as it is, without a quantize. The point third from the end of its
        # str() means exactly two decimals: E notation ends with the exponent (`1.5E+7`), and
        # NaN or Infinity have no point.
        text = str(value)
        if text[-3:-2] == "." and value.adjusted() < 12 and text != "-0.00":
            return text
    cents = _cents(value, "amount")
    if cents.adjusted() >= 12:
        raise ValueError(f"amount {value} has more than 12 integer digits")
    # str() of a Decimal with exponent -2 is never in E notation; -0.00 is written 0.00.
    return str(cents) if cents else "0.00"


def rate(value: Decimal) -> str:
    """`21.00`, `5.20`, `0.26`: a percentage as Tipo2.2Type, with two decimals."""
    if isinstance(value, Decimal):
        # Fast paths, once per breakdown line: a whole percentage (`21`: digits only, so no
        # sign, point or exponent) or a rate already in cents (as in `amount`), in range, is
        # printed as it is.
        text = str(value)
        if text.isdigit():
            if len(text) <= 3:
                return text + ".00"
        elif text[-3:-2] == "." and text[0] != "-" and value.adjusted() < 3:
            return text
    cents = _cents(value, "rate")
    if cents < 0 or cents.adjusted() >= 3:
        raise ValueError(f"rate {value} must be between 0 and 999.99")
    return str(cents) if cents else "0.00"


@lru_cache(maxsize=1024)
def day(value: date) -> str:
    """`dd-mm-yyyy`, zero-padded (AEAT type `fecha`).

    Cached: each record writes its issue date twice and the previous record's once, and the
    records of a day mostly share them. A date only equals a date of the same day (never a
    datetime), so a cached text is always the right one.
    """
    return f"{value.day:02d}-{value.month:02d}-{value.year:04d}"


def timestamp(value: datetime) -> str:
    """`2024-01-01T19:20:30+01:00`: seconds precision with the explicit UTC offset AEAT requires
    (never `Z`, never fractions). The offset must be the issuing territory's (Orden art. 7.e)."""
    offset = value.utcoffset()
    if offset is None:
        raise ValueError("the generation timestamp needs a UTC offset (an aware datetime)")
    # Whole minutes: timedelta keeps 0 <= seconds < 86400 (a day is whole minutes, so a
    # negative offset works too); no `offset % timedelta(minutes=1)`, which is 10 times slower.
    if offset.seconds % 60 or offset.microseconds:
        raise ValueError("a UTC offset with seconds cannot be written as +hh:mm")
    if not value.microsecond:
        # The same text without parsing the `timespec` keyword, a third of the cost.
        return value.isoformat()
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

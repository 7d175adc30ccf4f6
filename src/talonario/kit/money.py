"""Money as Decimal, rounded one way only.

Amounts in euros are rounded to the nearest cent, halves away from zero, as Ley 46/1998
(introduction of the euro), art. 11, requires. Floats are refused: they cannot hold 0.10 exactly.
"""

from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation, localcontext

CENT = Decimal("0.01")
ZERO = Decimal("0.00")

# Our own context, so a caller who changed the global one cannot change our results.
DECIMAL_CONTEXT = Context(prec=34, rounding=ROUND_HALF_UP)


def round_money(value: Decimal) -> Decimal:
    """Round to cents, half up (Ley 46/1998 art. 11); -0.005 becomes -0.01, -0.00 becomes 0.00."""
    rounded = value.quantize(CENT, rounding=ROUND_HALF_UP, context=DECIMAL_CONTEXT)
    return rounded if rounded else ZERO


def percent_of(base: Decimal, rate: Decimal) -> Decimal:
    """`rate` percent of `base`, rounded to cents: how every quota and withholding is computed."""
    with localcontext(DECIMAL_CONTEXT):
        return round_money(base * rate / 100)


def to_decimal(value: object) -> Decimal:
    """Turn user input into an exact, finite Decimal, refusing anything that could be inexact."""
    if isinstance(value, bool | float):
        # bool is an int subclass; float is binary and would smuggle in rounding errors.
        raise ValueError(f"{type(value).__name__} is not accepted as an amount; use a string")
    if isinstance(value, str):
        value = value.strip()
    if not isinstance(value, Decimal | int | str):
        raise ValueError(f"{type(value).__name__} is not a number")
    try:
        with localcontext(DECIMAL_CONTEXT):
            result = Decimal(value)
    except InvalidOperation:
        raise ValueError(f"{value!r} is not a decimal number") from None
    if not result.is_finite():
        raise ValueError(f"{value!r} is not a finite number")
    if len(result.as_tuple().digits) > DECIMAL_CONTEXT.prec:
        raise ValueError(f"{value!r} has more digits than can be computed exactly")
    return result


def decimal_or_none(value: str | Decimal | None) -> Decimal | None:
    """A decimal read back from a JSON column (stored as text), or None."""
    return None if value is None else Decimal(value)

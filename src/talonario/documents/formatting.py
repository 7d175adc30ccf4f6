"""Spanish formatting of amounts, quantities, rates and dates for documents (never via float).

Spain writes 1.234,56 € (dot for thousands, comma for decimals, the symbol after a space) and
dates as 21/11/2026. The spaces are non-breaking so "386,73 €" never wraps apart.
"""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

NBSP = "\u00a0"
_MONTHS = (
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
)


def _group(digits: str) -> str:
    """'1234567' -> '1.234.567'."""
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return ".".join(parts)


def decimal(value: Decimal, places: int | None = 2) -> str:
    """1234.5 -> '1.234,50' with `places` decimals (rounded half up); places=None keeps the
    value's own decimals, dropping trailing zeros (quantities: 3 -> '3', 1.50 -> '1,5')."""
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    elif value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    else:
        value = value.normalize()
    sign = "-" if value < 0 else ""
    text = format(abs(value), "f")
    whole, _, fraction = text.partition(".")
    return sign + _group(whole) + ("," + fraction if fraction else "")


def money(value: Decimal, currency: str = "EUR") -> str:
    """386.73 -> '386,73 €'; other currencies keep their ISO code after the amount."""
    symbol = "€" if currency == "EUR" else currency
    return f"{decimal(value, 2)}{NBSP}{symbol}"


def unit_price(value: Decimal) -> str:
    """Unit prices may carry more than two decimals (0.125 €); never fewer than two."""
    places = max(2, -value.normalize().as_tuple().exponent)  # type: ignore[operator]
    return decimal(value, places)


def quantity(value: Decimal) -> str:
    return decimal(value, None)


def percent(value: Decimal) -> str:
    """21 -> '21 %', 5.20 -> '5,2 %' (RAE: a space before the sign)."""
    return f"{decimal(value, None)}{NBSP}%"


def day(value: date) -> str:
    return value.strftime("%d/%m/%Y")


def long_day(value: date) -> str:
    """21 de noviembre de 2026."""
    return f"{value.day} de {_MONTHS[value.month - 1]} de {value.year}"

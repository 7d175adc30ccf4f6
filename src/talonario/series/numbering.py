"""Series formats: `{code}`, `{year}` and `{number:05}` and nothing else (pure)."""

import re
import string

FIELDS = {"code", "year", "number"}
_NUMBER_SPEC = re.compile(r"^0?\d{0,2}d?$")
# AEAT NumSerieFactura: printable ASCII, none of " ' < > =, no edge spaces, at most 60 characters.
_FORBIDDEN = set("\"'<>=")


def check_format(fmt: str) -> None:
    """Raise ValueError when `fmt` uses anything but the three fields or lacks the number."""
    seen = set()
    try:
        parsed = list(string.Formatter().parse(fmt))
    except ValueError as exc:
        raise ValueError(f"invalid format: {exc}") from exc
    for _, field, spec, conversion in parsed:
        if field is None:
            continue
        if field not in FIELDS or conversion:
            raise ValueError(f"unknown field '{{{field}}}': use {{code}}, {{year}}, {{number:05}}")
        if spec and (field != "number" or not _NUMBER_SPEC.match(spec)):
            raise ValueError(f"unsupported format spec '{spec}' for {{{field}}}")
        seen.add(field)
    if "number" not in seen:
        raise ValueError("the format must contain {number} (e.g. {number:05})")
    check_invoice_number(render(fmt, "X", 2026, 1))


def render(fmt: str, code: str, year: int, number: int) -> str:
    return fmt.format(code=code, year=year, number=number)


def check_invoice_number(value: str) -> str:
    if not 1 <= len(value) <= 60:
        raise ValueError("an invoice number has 1 to 60 characters")
    if value != value.strip() or any(c in _FORBIDDEN or not 32 <= ord(c) < 127 for c in value):
        raise ValueError("an invoice number is printable ASCII without \" ' < > = or edge spaces")
    return value

"""JSON for responses: orjson, with Decimal written as an exact number literal (never float)."""

import json
from decimal import Decimal
from typing import Any

import orjson
from pydantic import BaseModel


def _default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return orjson.Fragment(str(value).encode())
    if isinstance(value, BaseModel):
        # An answer's *Out model: its fields as Python values, so decimals stay exact literals.
        return value.model_dump()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def dumps(value: Any) -> bytes:
    return orjson.dumps(value, default=_default, option=orjson.OPT_UTC_Z)


def _default_stored(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


def dumps_stored(value: Any) -> str:
    """JSON for database columns: decimals kept as strings so nothing is read back as float."""
    return orjson.dumps(value, default=_default_stored).decode()


def loads(raw: str | bytes) -> Any:
    return orjson.loads(raw)


def loads_exact(raw: str | bytes) -> Any:
    """JSON this API wrote, read back with every fractional number a Decimal (orjson would
    make it a float), so `dumps` writes it again digit for digit."""
    return json.loads(raw, parse_float=Decimal)

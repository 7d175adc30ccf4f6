"""check_line_tax's static rules as JSON Schema, published on the `tax` object of lines and
products: which fields each qualification carries, the regime keys, the IVA rates and the
recargo de equivalencia pairs that an invoice can still be issued with (issue date from
verifactu.records.FIRST_ISSUE_DATE on). What depends on the day (a rate's window) stays
server-side."""

from decimal import Decimal
from typing import Any

from talonario.taxes.totals import (
    _IVA_RATES,
    _SURCHARGE_PAIRS,
    IGIC_ONLY_EXEMPTIONS,
    IPSI_REGIMES,
    REGIMES,
    Exemption,
)
from talonario.verifactu.records import FIRST_ISSUE_DATE

NULL = {"type": "null"}  # null, or absent: `properties` only bind the fields that are sent
SET = {"not": NULL}


def _values(*decimals: Decimal) -> list[Any]:
    """A decimal as the JSON number and the string a client may send."""
    out: list[Any] = []
    for d in decimals:
        out += [int(d) if d == d.to_integral() else float(d), str(d)]
    return out


def _issuable(window: tuple[Any, Any]) -> bool:
    return bool(window[1] >= FIRST_ISSUE_DATE)


def _qualified(**properties: Any) -> dict[str, Any]:
    base = {
        "exemption": NULL,
        "not_subject": NULL,
        "rate": NULL,
        "surcharge_rate": NULL,
        "reverse_charge": {"const": False},
    }
    return {"properties": base | properties}


def rules() -> dict[str, Any]:
    iva_rates = sorted(r for r, window in _IVA_RATES if _issuable(window))
    pairs = sorted((r, s) for r, s, window in _SURCHARGE_PAIRS if _issuable(window))
    everywhere = sorted(e.value for e in Exemption if e not in IGIC_ONLY_EXEMPTIONS)
    shapes = [
        {"required": ["exemption"], **_qualified(exemption={"enum": everywhere})},
        {
            "required": ["type", "exemption"],
            **_qualified(type={"const": "IGIC"}, exemption={"enum": sorted(IGIC_ONLY_EXEMPTIONS)}),
        },
        {"required": ["not_subject"], **_qualified(not_subject=SET)},
        # S2: the customer self-assesses; rate 0 or none, IVA or IGIC.
        {
            "required": ["reverse_charge"],
            **_qualified(
                type={"enum": ["IVA", "IGIC"]},
                rate={"enum": [*_values(Decimal(0)), None]},
                reverse_charge={"const": True},
            ),
        },
        {
            "required": ["rate"],
            **_qualified(type={"const": "IVA"}, rate={"enum": _values(*iva_rates)}),
        },
        *(
            {
                "required": ["rate", "surcharge_rate"],
                **_qualified(
                    type={"const": "IVA"},
                    rate={"enum": _values(rate)},
                    surcharge_rate={"enum": _values(surcharge)},
                ),
            }
            for rate, surcharge in pairs
        ),
        {
            "required": ["type", "rate"],
            **_qualified(type={"enum": ["IGIC", "IPSI"]}, rate=SET),
        },
    ]
    regimes = [
        {"properties": {"type": {"enum": ["IVA", "IGIC"]}, "regime": {"enum": sorted(REGIMES)}}},
        {
            "required": ["type"],
            "properties": {"type": {"const": "IPSI"}, "regime": {"enum": sorted(IPSI_REGIMES)}},
        },
    ]
    return {"allOf": [{"anyOf": shapes}, {"anyOf": regimes}]}

from typing import Literal, cast

QuoteOutKind = Literal["proforma", "quote"]

QUOTE_OUT_KIND_VALUES: set[QuoteOutKind] = {
    "proforma",
    "quote",
}


def check_quote_out_kind(value: str) -> QuoteOutKind:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(QuoteOutKind, value)

from typing import Literal, cast

QuoteUpdateKind = Literal["proforma", "quote"]

QUOTE_UPDATE_KIND_VALUES: set[QuoteUpdateKind] = {
    "proforma",
    "quote",
}


def check_quote_update_kind(value: str) -> QuoteUpdateKind:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(QuoteUpdateKind, value)

from typing import Literal, cast

QuoteCreateKind = Literal["proforma", "quote"]

QUOTE_CREATE_KIND_VALUES: set[QuoteCreateKind] = {
    "proforma",
    "quote",
}


def check_quote_create_kind(value: str) -> QuoteCreateKind:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(QuoteCreateKind, value)

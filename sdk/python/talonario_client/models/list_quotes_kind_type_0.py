from typing import Literal, cast

ListQuotesKindType0 = Literal["proforma", "quote"]

LIST_QUOTES_KIND_TYPE_0_VALUES: set[ListQuotesKindType0] = {
    "proforma",
    "quote",
}


def check_list_quotes_kind_type_0(value: str) -> ListQuotesKindType0:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(ListQuotesKindType0, value)

from typing import Literal, cast

ListSeriesKindType0 = Literal["corrective", "simplified", "standard"]

LIST_SERIES_KIND_TYPE_0_VALUES: set[ListSeriesKindType0] = {
    "corrective",
    "simplified",
    "standard",
}


def check_list_series_kind_type_0(value: str) -> ListSeriesKindType0:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(ListSeriesKindType0, value)

from typing import Literal, cast

SeriesCreateKind = Literal["corrective", "simplified", "standard"]

SERIES_CREATE_KIND_VALUES: set[SeriesCreateKind] = {
    "corrective",
    "simplified",
    "standard",
}


def check_series_create_kind(value: str) -> SeriesCreateKind:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(SeriesCreateKind, value)

from typing import Literal, cast

SeriesOutKind = Literal["corrective", "simplified", "standard"]

SERIES_OUT_KIND_VALUES: set[SeriesOutKind] = {
    "corrective",
    "simplified",
    "standard",
}


def check_series_out_kind(value: str) -> SeriesOutKind:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(SeriesOutKind, value)

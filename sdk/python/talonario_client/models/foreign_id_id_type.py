from typing import Literal, cast

ForeignIdIdType = Literal["02", "03", "04", "05", "06", "07"]

FOREIGN_ID_ID_TYPE_VALUES: set[ForeignIdIdType] = {
    "02",
    "03",
    "04",
    "05",
    "06",
    "07",
}


def check_foreign_id_id_type(value: str) -> ForeignIdIdType:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(ForeignIdIdType, value)

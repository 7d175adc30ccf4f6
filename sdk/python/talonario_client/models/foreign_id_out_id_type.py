from typing import Literal, cast

ForeignIdOutIdType = Literal["02", "03", "04", "05", "06", "07"]

FOREIGN_ID_OUT_ID_TYPE_VALUES: set[ForeignIdOutIdType] = {
    "02",
    "03",
    "04",
    "05",
    "06",
    "07",
}


def check_foreign_id_out_id_type(value: str) -> ForeignIdOutIdType:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(ForeignIdOutIdType, value)

from typing import Literal, cast

RectifyInType = Literal["R1", "R2", "R3", "R4", "R5"]

RECTIFY_IN_TYPE_VALUES: set[RectifyInType] = {
    "R1",
    "R2",
    "R3",
    "R4",
    "R5",
}


def check_rectify_in_type(value: str) -> RectifyInType:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(RectifyInType, value)

from typing import Literal, cast

RectifyInMethod = Literal["differences", "substitution"]

RECTIFY_IN_METHOD_VALUES: set[RectifyInMethod] = {
    "differences",
    "substitution",
}


def check_rectify_in_method(value: str) -> RectifyInMethod:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(RectifyInMethod, value)

from typing import Literal, cast

CorrectiveInMethod = Literal["differences", "substitution"]

CORRECTIVE_IN_METHOD_VALUES: set[CorrectiveInMethod] = {
    "differences",
    "substitution",
}


def check_corrective_in_method(value: str) -> CorrectiveInMethod:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(CorrectiveInMethod, value)

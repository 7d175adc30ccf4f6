from typing import Literal, cast

CorrectiveOutMethod = Literal["differences", "substitution"]

CORRECTIVE_OUT_METHOD_VALUES: set[CorrectiveOutMethod] = {
    "differences",
    "substitution",
}


def check_corrective_out_method(value: str) -> CorrectiveOutMethod:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(CorrectiveOutMethod, value)

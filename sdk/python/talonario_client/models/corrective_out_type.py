from typing import Literal, cast

CorrectiveOutType = Literal["R1", "R2", "R3", "R4", "R5"]

CORRECTIVE_OUT_TYPE_VALUES: set[CorrectiveOutType] = {
    "R1",
    "R2",
    "R3",
    "R4",
    "R5",
}


def check_corrective_out_type(value: str) -> CorrectiveOutType:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(CorrectiveOutType, value)

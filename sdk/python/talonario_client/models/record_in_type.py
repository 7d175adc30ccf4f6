from typing import Literal, cast

RecordInType = Literal["F1", "F2", "F3", "R1", "R2", "R3", "R4", "R5"]

RECORD_IN_TYPE_VALUES: set[RecordInType] = {
    "F1",
    "F2",
    "F3",
    "R1",
    "R2",
    "R3",
    "R4",
    "R5",
}


def check_record_in_type(value: str) -> RecordInType:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(RecordInType, value)

from typing import Literal, cast

BreakdownInOperation = Literal["E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8", "N1", "N2", "S1", "S2"]

BREAKDOWN_IN_OPERATION_VALUES: set[BreakdownInOperation] = {
    "E1",
    "E2",
    "E3",
    "E4",
    "E5",
    "E6",
    "E7",
    "E8",
    "N1",
    "N2",
    "S1",
    "S2",
}


def check_breakdown_in_operation(value: str) -> BreakdownInOperation:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(BreakdownInOperation, value)

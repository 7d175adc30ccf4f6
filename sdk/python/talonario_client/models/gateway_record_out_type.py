from typing import Literal, cast

GatewayRecordOutType = Literal["F1", "F2", "F3", "R1", "R2", "R3", "R4", "R5"]

GATEWAY_RECORD_OUT_TYPE_VALUES: set[GatewayRecordOutType] = {
    "F1",
    "F2",
    "F3",
    "R1",
    "R2",
    "R3",
    "R4",
    "R5",
}


def check_gateway_record_out_type(value: str) -> GatewayRecordOutType:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(GatewayRecordOutType, value)

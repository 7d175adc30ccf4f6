from typing import Literal, cast

GatewayRecordOutStatus = Literal["cancelled", "registered"]

GATEWAY_RECORD_OUT_STATUS_VALUES: set[GatewayRecordOutStatus] = {
    "cancelled",
    "registered",
}


def check_gateway_record_out_status(value: str) -> GatewayRecordOutStatus:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(GatewayRecordOutStatus, value)

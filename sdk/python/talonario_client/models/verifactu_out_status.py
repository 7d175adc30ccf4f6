from typing import Literal, cast

VerifactuOutStatus = Literal["accepted", "accepted_with_errors", "kept", "pending", "rejected", "submitted"]

VERIFACTU_OUT_STATUS_VALUES: set[VerifactuOutStatus] = {
    "accepted",
    "accepted_with_errors",
    "kept",
    "pending",
    "rejected",
    "submitted",
}


def check_verifactu_out_status(value: str) -> VerifactuOutStatus:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(VerifactuOutStatus, value)

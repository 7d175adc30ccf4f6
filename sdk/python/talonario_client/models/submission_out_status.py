from typing import Literal, cast

SubmissionOutStatus = Literal["abandoned", "answered", "permanent_error", "sending", "transient_error"]

SUBMISSION_OUT_STATUS_VALUES: set[SubmissionOutStatus] = {
    "abandoned",
    "answered",
    "permanent_error",
    "sending",
    "transient_error",
}


def check_submission_out_status(value: str) -> SubmissionOutStatus:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(SubmissionOutStatus, value)

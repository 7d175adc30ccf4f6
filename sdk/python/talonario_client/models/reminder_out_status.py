from typing import Literal, cast

ReminderOutStatus = Literal["cancelled", "failed", "pending", "retrying", "sending", "sent", "skipped"]

REMINDER_OUT_STATUS_VALUES: set[ReminderOutStatus] = {
    "cancelled",
    "failed",
    "pending",
    "retrying",
    "sending",
    "sent",
    "skipped",
}


def check_reminder_out_status(value: str) -> ReminderOutStatus:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(ReminderOutStatus, value)

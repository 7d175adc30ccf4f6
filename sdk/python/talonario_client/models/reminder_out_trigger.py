from typing import Literal, cast

ReminderOutTrigger = Literal["manual", "schedule"]

REMINDER_OUT_TRIGGER_VALUES: set[ReminderOutTrigger] = {
    "manual",
    "schedule",
}


def check_reminder_out_trigger(value: str) -> ReminderOutTrigger:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(ReminderOutTrigger, value)

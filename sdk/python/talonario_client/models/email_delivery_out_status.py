from typing import Literal, cast

EmailDeliveryOutStatus = Literal["cancelled", "failed", "pending", "retrying", "sending", "sent"]

EMAIL_DELIVERY_OUT_STATUS_VALUES: set[EmailDeliveryOutStatus] = {
    "cancelled",
    "failed",
    "pending",
    "retrying",
    "sending",
    "sent",
}


def check_email_delivery_out_status(value: str) -> EmailDeliveryOutStatus:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(EmailDeliveryOutStatus, value)

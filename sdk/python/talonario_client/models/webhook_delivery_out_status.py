from typing import Literal, cast

WebhookDeliveryOutStatus = Literal["failed", "pending", "succeeded"]

WEBHOOK_DELIVERY_OUT_STATUS_VALUES: set[WebhookDeliveryOutStatus] = {
    "failed",
    "pending",
    "succeeded",
}


def check_webhook_delivery_out_status(value: str) -> WebhookDeliveryOutStatus:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(WebhookDeliveryOutStatus, value)

from typing import Literal, cast

WebhookEndpointOutDisabledReasonType0 = Literal["failing", "gone"]

WEBHOOK_ENDPOINT_OUT_DISABLED_REASON_TYPE_0_VALUES: set[WebhookEndpointOutDisabledReasonType0] = {
    "failing",
    "gone",
}


def check_webhook_endpoint_out_disabled_reason_type_0(value: str) -> WebhookEndpointOutDisabledReasonType0:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(WebhookEndpointOutDisabledReasonType0, value)

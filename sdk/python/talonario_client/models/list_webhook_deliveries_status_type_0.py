from typing import Literal, cast

ListWebhookDeliveriesStatusType0 = Literal["failed", "pending", "succeeded"]

LIST_WEBHOOK_DELIVERIES_STATUS_TYPE_0_VALUES: set[ListWebhookDeliveriesStatusType0] = {
    "failed",
    "pending",
    "succeeded",
}


def check_list_webhook_deliveries_status_type_0(value: str) -> ListWebhookDeliveriesStatusType0:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(ListWebhookDeliveriesStatusType0, value)

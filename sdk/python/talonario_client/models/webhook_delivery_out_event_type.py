from typing import Literal, cast

WebhookDeliveryOutEventType = Literal[
    "invoice.issued",
    "invoice.overdue",
    "invoice.paid",
    "invoice.sent",
    "invoice.voided",
    "quote.accepted",
    "quote.invoiced",
    "quote.rejected",
    "quote.sent",
    "verifactu.record.accepted",
    "verifactu.record.accepted_with_errors",
    "verifactu.record.rejected",
]

WEBHOOK_DELIVERY_OUT_EVENT_TYPE_VALUES: set[WebhookDeliveryOutEventType] = {
    "invoice.issued",
    "invoice.overdue",
    "invoice.paid",
    "invoice.sent",
    "invoice.voided",
    "quote.accepted",
    "quote.invoiced",
    "quote.rejected",
    "quote.sent",
    "verifactu.record.accepted",
    "verifactu.record.accepted_with_errors",
    "verifactu.record.rejected",
}


def check_webhook_delivery_out_event_type(value: str) -> WebhookDeliveryOutEventType:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(WebhookDeliveryOutEventType, value)

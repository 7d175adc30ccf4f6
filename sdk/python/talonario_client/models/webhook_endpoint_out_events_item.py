from typing import Literal, cast

WebhookEndpointOutEventsItem = Literal[
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

WEBHOOK_ENDPOINT_OUT_EVENTS_ITEM_VALUES: set[WebhookEndpointOutEventsItem] = {
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


def check_webhook_endpoint_out_events_item(value: str) -> WebhookEndpointOutEventsItem:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(WebhookEndpointOutEventsItem, value)

from typing import Literal, cast

WebhookEndpointCreateEventsItem = Literal[
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

WEBHOOK_ENDPOINT_CREATE_EVENTS_ITEM_VALUES: set[WebhookEndpointCreateEventsItem] = {
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


def check_webhook_endpoint_create_events_item(value: str) -> WebhookEndpointCreateEventsItem:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(WebhookEndpointCreateEventsItem, value)

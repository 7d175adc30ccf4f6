from typing import Literal, cast

WebhookEventOutType = Literal[
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

WEBHOOK_EVENT_OUT_TYPE_VALUES: set[WebhookEventOutType] = {
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


def check_webhook_event_out_type(value: str) -> WebhookEventOutType:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(WebhookEventOutType, value)

from typing import Literal, cast

ListEventsTypeType0Item = Literal[
    "invoice.*",
    "invoice.issued",
    "invoice.overdue",
    "invoice.paid",
    "invoice.sent",
    "invoice.voided",
    "quote.*",
    "quote.accepted",
    "quote.invoiced",
    "quote.rejected",
    "quote.sent",
    "verifactu.*",
    "verifactu.record.*",
    "verifactu.record.accepted",
    "verifactu.record.accepted_with_errors",
    "verifactu.record.rejected",
]

LIST_EVENTS_TYPE_TYPE_0_ITEM_VALUES: set[ListEventsTypeType0Item] = {
    "invoice.*",
    "invoice.issued",
    "invoice.overdue",
    "invoice.paid",
    "invoice.sent",
    "invoice.voided",
    "quote.*",
    "quote.accepted",
    "quote.invoiced",
    "quote.rejected",
    "quote.sent",
    "verifactu.*",
    "verifactu.record.*",
    "verifactu.record.accepted",
    "verifactu.record.accepted_with_errors",
    "verifactu.record.rejected",
}


def check_list_events_type_type_0_item(value: str) -> ListEventsTypeType0Item:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(ListEventsTypeType0Item, value)

from typing import Literal, cast

RecurringInvoiceUpdateType = Literal["F1", "F2", "F3"]

RECURRING_INVOICE_UPDATE_TYPE_VALUES: set[RecurringInvoiceUpdateType] = {
    "F1",
    "F2",
    "F3",
}


def check_recurring_invoice_update_type(value: str) -> RecurringInvoiceUpdateType:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(RecurringInvoiceUpdateType, value)

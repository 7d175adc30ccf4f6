from typing import Literal, cast

RecurringInvoiceCreateType = Literal["F1", "F2", "F3"]

RECURRING_INVOICE_CREATE_TYPE_VALUES: set[RecurringInvoiceCreateType] = {
    "F1",
    "F2",
    "F3",
}


def check_recurring_invoice_create_type(value: str) -> RecurringInvoiceCreateType:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(RecurringInvoiceCreateType, value)

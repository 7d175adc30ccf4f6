from typing import Literal, cast

RecurringInvoiceOutStatus = Literal["active", "finished", "paused"]

RECURRING_INVOICE_OUT_STATUS_VALUES: set[RecurringInvoiceOutStatus] = {
    "active",
    "finished",
    "paused",
}


def check_recurring_invoice_out_status(value: str) -> RecurringInvoiceOutStatus:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(RecurringInvoiceOutStatus, value)

from typing import Literal, cast

RecurringInvoiceOutInterval = Literal["days", "monthly", "quarterly", "yearly"]

RECURRING_INVOICE_OUT_INTERVAL_VALUES: set[RecurringInvoiceOutInterval] = {
    "days",
    "monthly",
    "quarterly",
    "yearly",
}


def check_recurring_invoice_out_interval(value: str) -> RecurringInvoiceOutInterval:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(RecurringInvoiceOutInterval, value)

from typing import Literal, cast

RecurringInvoiceCreateInterval = Literal["days", "monthly", "quarterly", "yearly"]

RECURRING_INVOICE_CREATE_INTERVAL_VALUES: set[RecurringInvoiceCreateInterval] = {
    "days",
    "monthly",
    "quarterly",
    "yearly",
}


def check_recurring_invoice_create_interval(value: str) -> RecurringInvoiceCreateInterval:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(RecurringInvoiceCreateInterval, value)

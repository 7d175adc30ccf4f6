from typing import Literal, cast

RecurringInvoiceUpdateInterval = Literal["days", "monthly", "quarterly", "yearly"]

RECURRING_INVOICE_UPDATE_INTERVAL_VALUES: set[RecurringInvoiceUpdateInterval] = {
    "days",
    "monthly",
    "quarterly",
    "yearly",
}


def check_recurring_invoice_update_interval(value: str) -> RecurringInvoiceUpdateInterval:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(RecurringInvoiceUpdateInterval, value)

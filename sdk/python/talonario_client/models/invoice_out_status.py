from typing import Literal, cast

InvoiceOutStatus = Literal["draft", "issued", "overdue", "paid", "partially_paid", "voided"]

INVOICE_OUT_STATUS_VALUES: set[InvoiceOutStatus] = {
    "draft",
    "issued",
    "overdue",
    "paid",
    "partially_paid",
    "voided",
}


def check_invoice_out_status(value: str) -> InvoiceOutStatus:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(InvoiceOutStatus, value)

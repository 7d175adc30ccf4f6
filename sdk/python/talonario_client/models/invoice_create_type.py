from typing import Literal, cast

InvoiceCreateType = Literal["F1", "F2", "F3"]

INVOICE_CREATE_TYPE_VALUES: set[InvoiceCreateType] = {
    "F1",
    "F2",
    "F3",
}


def check_invoice_create_type(value: str) -> InvoiceCreateType:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(InvoiceCreateType, value)

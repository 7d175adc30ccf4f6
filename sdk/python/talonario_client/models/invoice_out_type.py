from typing import Literal, cast

InvoiceOutType = Literal["F1", "F2", "F3", "R1", "R2", "R3", "R4", "R5"]

INVOICE_OUT_TYPE_VALUES: set[InvoiceOutType] = {
    "F1",
    "F2",
    "F3",
    "R1",
    "R2",
    "R3",
    "R4",
    "R5",
}


def check_invoice_out_type(value: str) -> InvoiceOutType:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(InvoiceOutType, value)

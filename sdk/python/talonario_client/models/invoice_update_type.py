from typing import Literal, cast

InvoiceUpdateType = Literal["F1", "F2", "F3"]

INVOICE_UPDATE_TYPE_VALUES: set[InvoiceUpdateType] = {
    "F1",
    "F2",
    "F3",
}


def check_invoice_update_type(value: str) -> InvoiceUpdateType:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(InvoiceUpdateType, value)

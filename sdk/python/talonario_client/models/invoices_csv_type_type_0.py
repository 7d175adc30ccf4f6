from typing import Literal, cast

InvoicesCsvTypeType0 = Literal["F1", "F2", "F3", "R1", "R2", "R3", "R4", "R5"]

INVOICES_CSV_TYPE_TYPE_0_VALUES: set[InvoicesCsvTypeType0] = {
    "F1",
    "F2",
    "F3",
    "R1",
    "R2",
    "R3",
    "R4",
    "R5",
}


def check_invoices_csv_type_type_0(value: str) -> InvoicesCsvTypeType0:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(InvoicesCsvTypeType0, value)

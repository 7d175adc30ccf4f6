from typing import Literal, cast

InvoicesXlsxTypeType0 = Literal["F1", "F2", "F3", "R1", "R2", "R3", "R4", "R5"]

INVOICES_XLSX_TYPE_TYPE_0_VALUES: set[InvoicesXlsxTypeType0] = {
    "F1",
    "F2",
    "F3",
    "R1",
    "R2",
    "R3",
    "R4",
    "R5",
}


def check_invoices_xlsx_type_type_0(value: str) -> InvoicesXlsxTypeType0:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(InvoicesXlsxTypeType0, value)

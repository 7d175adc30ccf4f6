from typing import Literal, cast

InvoicesXlsxStatusType0 = Literal["draft", "issued", "overdue", "paid", "partially_paid", "voided"]

INVOICES_XLSX_STATUS_TYPE_0_VALUES: set[InvoicesXlsxStatusType0] = {
    "draft",
    "issued",
    "overdue",
    "paid",
    "partially_paid",
    "voided",
}


def check_invoices_xlsx_status_type_0(value: str) -> InvoicesXlsxStatusType0:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(InvoicesXlsxStatusType0, value)

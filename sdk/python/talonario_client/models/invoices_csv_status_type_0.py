from typing import Literal, cast

InvoicesCsvStatusType0 = Literal["draft", "issued", "overdue", "paid", "partially_paid", "voided"]

INVOICES_CSV_STATUS_TYPE_0_VALUES: set[InvoicesCsvStatusType0] = {
    "draft",
    "issued",
    "overdue",
    "paid",
    "partially_paid",
    "voided",
}


def check_invoices_csv_status_type_0(value: str) -> InvoicesCsvStatusType0:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(InvoicesCsvStatusType0, value)

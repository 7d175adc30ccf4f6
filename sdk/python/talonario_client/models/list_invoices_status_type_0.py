from typing import Literal, cast

ListInvoicesStatusType0 = Literal["draft", "issued", "overdue", "paid", "partially_paid", "voided"]

LIST_INVOICES_STATUS_TYPE_0_VALUES: set[ListInvoicesStatusType0] = {
    "draft",
    "issued",
    "overdue",
    "paid",
    "partially_paid",
    "voided",
}


def check_list_invoices_status_type_0(value: str) -> ListInvoicesStatusType0:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(ListInvoicesStatusType0, value)

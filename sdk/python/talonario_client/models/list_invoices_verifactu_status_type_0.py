from typing import Literal, cast

ListInvoicesVerifactuStatusType0 = Literal[
    "accepted", "accepted_with_errors", "kept", "pending", "rejected", "submitted"
]

LIST_INVOICES_VERIFACTU_STATUS_TYPE_0_VALUES: set[ListInvoicesVerifactuStatusType0] = {
    "accepted",
    "accepted_with_errors",
    "kept",
    "pending",
    "rejected",
    "submitted",
}


def check_list_invoices_verifactu_status_type_0(value: str) -> ListInvoicesVerifactuStatusType0:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(ListInvoicesVerifactuStatusType0, value)

from typing import Literal, cast

ListInvoicesTypeType0 = Literal["F1", "F2", "F3", "R1", "R2", "R3", "R4", "R5"]

LIST_INVOICES_TYPE_TYPE_0_VALUES: set[ListInvoicesTypeType0] = {
    "F1",
    "F2",
    "F3",
    "R1",
    "R2",
    "R3",
    "R4",
    "R5",
}


def check_list_invoices_type_type_0(value: str) -> ListInvoicesTypeType0:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(ListInvoicesTypeType0, value)

from typing import Literal, cast

ListRecurringInvoicesStatusType0 = Literal["active", "finished", "paused"]

LIST_RECURRING_INVOICES_STATUS_TYPE_0_VALUES: set[ListRecurringInvoicesStatusType0] = {
    "active",
    "finished",
    "paused",
}


def check_list_recurring_invoices_status_type_0(value: str) -> ListRecurringInvoicesStatusType0:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(ListRecurringInvoicesStatusType0, value)

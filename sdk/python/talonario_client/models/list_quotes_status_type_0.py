from typing import Literal, cast

ListQuotesStatusType0 = Literal["accepted", "draft", "expired", "rejected", "sent"]

LIST_QUOTES_STATUS_TYPE_0_VALUES: set[ListQuotesStatusType0] = {
    "accepted",
    "draft",
    "expired",
    "rejected",
    "sent",
}


def check_list_quotes_status_type_0(value: str) -> ListQuotesStatusType0:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(ListQuotesStatusType0, value)

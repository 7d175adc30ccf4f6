from typing import Literal, cast

ListRecordsStatusType0 = Literal["cancelled", "registered"]

LIST_RECORDS_STATUS_TYPE_0_VALUES: set[ListRecordsStatusType0] = {
    "cancelled",
    "registered",
}


def check_list_records_status_type_0(value: str) -> ListRecordsStatusType0:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(ListRecordsStatusType0, value)

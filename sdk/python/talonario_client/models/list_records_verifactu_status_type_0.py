from typing import Literal, cast

ListRecordsVerifactuStatusType0 = Literal[
    "accepted", "accepted_with_errors", "kept", "pending", "rejected", "submitted"
]

LIST_RECORDS_VERIFACTU_STATUS_TYPE_0_VALUES: set[ListRecordsVerifactuStatusType0] = {
    "accepted",
    "accepted_with_errors",
    "kept",
    "pending",
    "rejected",
    "submitted",
}


def check_list_records_verifactu_status_type_0(value: str) -> ListRecordsVerifactuStatusType0:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(ListRecordsVerifactuStatusType0, value)

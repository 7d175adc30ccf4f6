from typing import Literal, cast

ListRecordsFormat = Literal["json", "xml"]

LIST_RECORDS_FORMAT_VALUES: set[ListRecordsFormat] = {
    "json",
    "xml",
}


def check_list_records_format(value: str) -> ListRecordsFormat:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(ListRecordsFormat, value)

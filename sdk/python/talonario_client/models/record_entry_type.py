from typing import Literal, cast

RecordEntryType = Literal[
    "record.accepted", "record.accepted_with_errors", "record.generated", "record.rejected", "record.submitted"
]

RECORD_ENTRY_TYPE_VALUES: set[RecordEntryType] = {
    "record.accepted",
    "record.accepted_with_errors",
    "record.generated",
    "record.rejected",
    "record.submitted",
}


def check_record_entry_type(value: str) -> RecordEntryType:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(RecordEntryType, value)

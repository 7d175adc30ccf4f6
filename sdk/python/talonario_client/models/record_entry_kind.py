from typing import Literal, cast

RecordEntryKind = Literal["alta", "anulacion"]

RECORD_ENTRY_KIND_VALUES: set[RecordEntryKind] = {
    "alta",
    "anulacion",
}


def check_record_entry_kind(value: str) -> RecordEntryKind:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(RecordEntryKind, value)

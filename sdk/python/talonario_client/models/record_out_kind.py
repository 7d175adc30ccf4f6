from typing import Literal, cast

RecordOutKind = Literal["alta", "anulacion"]

RECORD_OUT_KIND_VALUES: set[RecordOutKind] = {
    "alta",
    "anulacion",
}


def check_record_out_kind(value: str) -> RecordOutKind:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(RecordOutKind, value)

from typing import Literal, cast

ExportKind = Literal["events", "records"]

EXPORT_KIND_VALUES: set[ExportKind] = {
    "events",
    "records",
}


def check_export_kind(value: str) -> ExportKind:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(ExportKind, value)

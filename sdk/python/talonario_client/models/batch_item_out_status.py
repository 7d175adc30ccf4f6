from typing import Literal, cast

BatchItemOutStatus = Literal["created", "failed"]

BATCH_ITEM_OUT_STATUS_VALUES: set[BatchItemOutStatus] = {
    "created",
    "failed",
}


def check_batch_item_out_status(value: str) -> BatchItemOutStatus:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(BatchItemOutStatus, value)

from typing import Literal, cast

QuoteOutStatus = Literal["accepted", "draft", "expired", "rejected", "sent"]

QUOTE_OUT_STATUS_VALUES: set[QuoteOutStatus] = {
    "accepted",
    "draft",
    "expired",
    "rejected",
    "sent",
}


def check_quote_out_status(value: str) -> QuoteOutStatus:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(QuoteOutStatus, value)

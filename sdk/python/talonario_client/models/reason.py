from typing import Literal, cast

Reason = Literal[
    "aeat_wait",
    "certificate_missing",
    "certificate_unusable",
    "due",
    "nothing_pending",
    "permanent_error",
    "retry_requested",
    "sending",
    "transport_backoff",
]

REASON_VALUES: set[Reason] = {
    "aeat_wait",
    "certificate_missing",
    "certificate_unusable",
    "due",
    "nothing_pending",
    "permanent_error",
    "retry_requested",
    "sending",
    "transport_backoff",
}


def check_reason(value: str) -> Reason:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(Reason, value)

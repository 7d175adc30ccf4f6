from typing import Literal, cast

EmailEntryKind = Literal["invoice", "reminder"]

EMAIL_ENTRY_KIND_VALUES: set[EmailEntryKind] = {
    "invoice",
    "reminder",
}


def check_email_entry_kind(value: str) -> EmailEntryKind:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(EmailEntryKind, value)

from typing import Literal, cast

EmailEntryType = Literal["email.failed", "email.sent"]

EMAIL_ENTRY_TYPE_VALUES: set[EmailEntryType] = {
    "email.failed",
    "email.sent",
}


def check_email_entry_type(value: str) -> EmailEntryType:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(EmailEntryType, value)

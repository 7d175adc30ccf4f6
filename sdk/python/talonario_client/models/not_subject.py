from typing import Literal, cast

NotSubject = Literal["N1", "N2"]

NOT_SUBJECT_VALUES: set[NotSubject] = {
    "N1",
    "N2",
}


def check_not_subject(value: str) -> NotSubject:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(NotSubject, value)

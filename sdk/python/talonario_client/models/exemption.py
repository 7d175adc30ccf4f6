from typing import Literal, cast

Exemption = Literal["E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8"]

EXEMPTION_VALUES: set[Exemption] = {
    "E1",
    "E2",
    "E3",
    "E4",
    "E5",
    "E6",
    "E7",
    "E8",
}


def check_exemption(value: str) -> Exemption:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(Exemption, value)

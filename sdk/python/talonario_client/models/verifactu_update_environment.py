from typing import Literal, cast

VerifactuUpdateEnvironment = Literal["preproduction", "production", "sandbox"]

VERIFACTU_UPDATE_ENVIRONMENT_VALUES: set[VerifactuUpdateEnvironment] = {
    "preproduction",
    "production",
    "sandbox",
}


def check_verifactu_update_environment(value: str) -> VerifactuUpdateEnvironment:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(VerifactuUpdateEnvironment, value)

from typing import Literal, cast

VerifactuSettingsEnvironment = Literal["preproduction", "production", "sandbox"]

VERIFACTU_SETTINGS_ENVIRONMENT_VALUES: set[VerifactuSettingsEnvironment] = {
    "preproduction",
    "production",
    "sandbox",
}


def check_verifactu_settings_environment(value: str) -> VerifactuSettingsEnvironment:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(VerifactuSettingsEnvironment, value)

from typing import Literal, cast

VerifactuUpdateMode = Literal["no_verifactu", "verifactu"]

VERIFACTU_UPDATE_MODE_VALUES: set[VerifactuUpdateMode] = {
    "no_verifactu",
    "verifactu",
}


def check_verifactu_update_mode(value: str) -> VerifactuUpdateMode:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(VerifactuUpdateMode, value)

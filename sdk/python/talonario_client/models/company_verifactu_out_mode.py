from typing import Literal, cast

CompanyVerifactuOutMode = Literal["no_verifactu", "verifactu"]

COMPANY_VERIFACTU_OUT_MODE_VALUES: set[CompanyVerifactuOutMode] = {
    "no_verifactu",
    "verifactu",
}


def check_company_verifactu_out_mode(value: str) -> CompanyVerifactuOutMode:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(CompanyVerifactuOutMode, value)

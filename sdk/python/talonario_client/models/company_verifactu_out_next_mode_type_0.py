from typing import Literal, cast

CompanyVerifactuOutNextModeType0 = Literal["no_verifactu", "verifactu"]

COMPANY_VERIFACTU_OUT_NEXT_MODE_TYPE_0_VALUES: set[CompanyVerifactuOutNextModeType0] = {
    "no_verifactu",
    "verifactu",
}


def check_company_verifactu_out_next_mode_type_0(value: str) -> CompanyVerifactuOutNextModeType0:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(CompanyVerifactuOutNextModeType0, value)

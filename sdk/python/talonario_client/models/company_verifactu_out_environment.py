from typing import Literal, cast

CompanyVerifactuOutEnvironment = Literal["preproduction", "production", "sandbox"]

COMPANY_VERIFACTU_OUT_ENVIRONMENT_VALUES: set[CompanyVerifactuOutEnvironment] = {
    "preproduction",
    "production",
    "sandbox",
}


def check_company_verifactu_out_environment(value: str) -> CompanyVerifactuOutEnvironment:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(CompanyVerifactuOutEnvironment, value)

from typing import Literal, cast

TaxIdCheckOutSource = Literal["aeat_census", "vies"]

TAX_ID_CHECK_OUT_SOURCE_VALUES: set[TaxIdCheckOutSource] = {
    "aeat_census",
    "vies",
}


def check_tax_id_check_out_source(value: str) -> TaxIdCheckOutSource:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(TaxIdCheckOutSource, value)

from typing import Literal, cast

TaxIdCheckOutResult = Literal[
    "identified", "identified_deregistered", "identified_revoked", "not_identified", "not_identified_similar"
]

TAX_ID_CHECK_OUT_RESULT_VALUES: set[TaxIdCheckOutResult] = {
    "identified",
    "identified_deregistered",
    "identified_revoked",
    "not_identified",
    "not_identified_similar",
}


def check_tax_id_check_out_result(value: str) -> TaxIdCheckOutResult:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(TaxIdCheckOutResult, value)

from typing import Literal, cast

BreakdownInTaxType = Literal["IGIC", "IPSI", "IVA"]

BREAKDOWN_IN_TAX_TYPE_VALUES: set[BreakdownInTaxType] = {
    "IGIC",
    "IPSI",
    "IVA",
}


def check_breakdown_in_tax_type(value: str) -> BreakdownInTaxType:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(BreakdownInTaxType, value)

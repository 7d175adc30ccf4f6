from typing import Literal, cast

TaxType = Literal["IGIC", "IPSI", "IVA"]

TAX_TYPE_VALUES: set[TaxType] = {
    "IGIC",
    "IPSI",
    "IVA",
}


def check_tax_type(value: str) -> TaxType:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(TaxType, value)

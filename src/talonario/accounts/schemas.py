from typing import Annotated, Literal

from fastapi import Query
from pydantic import BaseModel, Field

from talonario.companies.schemas import CompanyCreate, VerifactuSettings

Month = Annotated[
    str | None,
    Query(
        pattern=r"^[12]\d{3}-(0[1-9]|1[0-2])$",
        description="The month, `YYYY-MM` (Madrid time); default the current one.",
    ),
]


class AccountCompanyCreate(CompanyCreate):
    verifactu: VerifactuSettings | None = Field(
        default=None, description="Default: the `sandbox` environment."
    )


class UsageOut(BaseModel):
    object: Literal["usage"]
    company: str
    month: str = Field(description="`YYYY-MM`.")
    invoices_issued: int = Field(
        description="Invoices issued in the month, by Talonario or registered as gateway records."
    )
    records_generated: int = Field(
        description="VERI*FACTU records chained in the month (altas, anulaciones, corrections)."
    )
    records_remitted: int = Field(
        description="Records AEAT answered in the month (accepted, with errors or rejected)."
    )

from datetime import datetime
from typing import Literal, Self

from pydantic import BaseModel, Field

from talonario.taxids.questions import Check, Result, Source


class TaxIdCheckOut(BaseModel):
    object: Literal["tax_id_check"]
    nif: str | None = Field(description="The Spanish NIF asked about (AEAT's census).")
    country: str | None = Field(description="The EU VAT number's VIES prefix (EL for Greece).")
    id: str | None = Field(description="The EU VAT number asked about, with its prefix (VIES).")
    name: str | None = Field(description="The name asked with it.")
    result: Result = Field(
        description="identified (VIES: valid), identified_deregistered (in the census, in"
        " baja), identified_revoked (the NIF is revoked), not_identified (not in the census"
        " under that name; VIES: not valid), not_identified_similar (a person's NIF under a"
        " name only close to the one asked: see aeat_name)."
    )
    aeat_name: str | None = Field(
        description="The name the register holds, when it gives one (for a person, AEAT"
        " answers the name as asked)."
    )
    source: Literal["aeat_census", "vies"]
    checked_at: datetime = Field(description="When the register answered.")
    cached: bool = Field(description="Answered from a check of the last 24 hours.")

    @classmethod
    def of(cls, check: Check) -> Self:
        question = check.question
        census = question.source is Source.CENSUS
        return cls.model_construct(
            object="tax_id_check",
            nif=question.tax_id if census else None,
            country=None if census else question.country,
            id=None if census else question.tax_id,
            name=question.name,
            result=check.result,
            aeat_name=check.registered_name,
            source=question.source.value,
            checked_at=check.checked_at,
            cached=check.cached,
        )

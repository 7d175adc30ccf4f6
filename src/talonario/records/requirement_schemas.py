"""The bodies and answers of /v1/verifactu/requirements."""

import json
from datetime import date, datetime
from typing import Any, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from talonario.kit.schema import Input
from talonario.models import VerifactuRequirement


class RequirementCreate(Input):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, populate_by_name=True)

    ref: str = Field(
        min_length=1,
        max_length=18,
        pattern=r"^[A-Za-z0-9]+$",
        description="AEAT's RefRequerimiento: 1 to 18 letters and digits.",
    )
    from_: date = Field(alias="from", description="First day of the period (Europe/Madrid).")
    to: date = Field(description="Last day of the period, included.")

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.to < self.from_:
            raise ValueError("to: the period ends before it starts")
        return self


class RequirementSubmissionOut(BaseModel):
    records: int
    first_sequence: int
    last_sequence: int
    aeat_status: str | None = None
    csv: str | None = None
    accepted: int = 0
    accepted_with_errors: int = 0
    rejected: int = 0
    errors: list[dict[str, Any]] = []
    error: str | None = None
    code: int | None = None


class RequirementOut(BaseModel):
    id: str
    object: str = "verifactu_requirement"
    ref: str
    period_from: date
    period_to: date
    environment: str
    status: str = Field(description="answered, or failed (a submission got no answer: error).")
    aeat_status: str | None = Field(description="The worst EstadoEnvio AEAT answered.")
    records: int
    accepted: int
    accepted_with_errors: int
    rejected: int
    error: str | None
    submissions: list[RequirementSubmissionOut]
    created_at: datetime
    answered_at: datetime | None

    @classmethod
    def of(cls, row: VerifactuRequirement) -> "RequirementOut":
        parts = [RequirementSubmissionOut.model_validate(p) for p in json.loads(row.submissions)]
        return cls(
            id=row.id,
            ref=row.ref,
            period_from=row.period_from,
            period_to=row.period_to,
            environment=row.environment,
            status=row.status,
            aeat_status=row.aeat_status,
            records=row.records,
            accepted=row.accepted,
            accepted_with_errors=row.accepted_with_errors,
            rejected=row.rejected,
            error=row.error,
            submissions=parts,
            created_at=row.created_at,
            answered_at=row.answered_at,
        )

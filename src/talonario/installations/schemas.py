from datetime import datetime
from typing import Annotated, Literal, Self

from pydantic import BaseModel, Field

from talonario.kit.patch import NotNull, Patch
from talonario.kit.schema import Input
from talonario.models import Installation

# AEAT's NumeroInstalacion: up to 100 characters; here printable ones, no edge spaces.
InstallationNumber = Annotated[
    str,
    Field(
        min_length=1,
        max_length=100,
        pattern=r"^[^\x00-\x1f\x7f]+$",
        description="NumeroInstalacion of its records (AEAT: up to 100 characters), unique"
        " among the company's installations and other than the company id (the default"
        " installation's).",
    ),
]
InstallationName = Annotated[str, Field(min_length=1, max_length=120)]


class InstallationCreate(Input):
    installation_number: InstallationNumber
    name: InstallationName


class InstallationUpdate(Patch):
    name: NotNull[InstallationName] = None
    installation_number: NotNull[InstallationNumber] = Field(
        default=None, description="Only while the installation has no records."
    )


class InstallationOut(BaseModel):
    id: str
    object: Literal["installation"]
    company: str
    installation_number: str
    name: str
    last_record: str | None = Field(
        description="Id of the last record of its chain (null: its next record is its first)."
    )
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, installation: Installation) -> Self:
        return cls.model_construct(
            id=installation.id,
            object="installation",
            company=installation.company_id,
            installation_number=installation.installation_number,
            name=installation.name,
            last_record=installation.last_record_id,
            created_at=installation.created_at,
            updated_at=installation.updated_at,
        )

from datetime import datetime
from typing import Annotated, Literal, Self

from pydantic import BaseModel, Field, WithJsonSchema

from talonario.auth.scopes import SCOPES
from talonario.kit.schema import Input
from talonario.models import ApiKey


class ApiKeyCreate(Input):
    name: str | None = Field(default=None, max_length=120)
    scopes: list[Annotated[str, WithJsonSchema({"type": "string", "enum": sorted(SCOPES)})]] = (
        Field(default_factory=lambda: ["*"], min_length=1, max_length=20)
    )


class ApiKeyOut(BaseModel):
    id: str
    object: Literal["api_key"]
    name: str | None
    prefix: str
    last4: str
    scopes: list[str]
    revoked_at: datetime | None
    created_at: datetime
    updated_at: datetime
    # Left out of the answer, not null, when there is none: lists and revocations show none.
    secret: str | None = Field(
        default=None,
        exclude_if=lambda secret: secret is None,
        description="Only in the answer that creates it.",
    )

    @classmethod
    def of(cls, key: ApiKey, secret: str | None = None) -> Self:
        return cls.model_construct(
            id=key.id,
            object="api_key",
            name=key.name,
            prefix=key.prefix,
            last4=key.last4,
            scopes=key.scopes,
            revoked_at=key.revoked_at,
            created_at=key.created_at,
            updated_at=key.updated_at,
            secret=secret,
        )

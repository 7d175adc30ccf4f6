from datetime import datetime
from typing import Annotated, Any, Literal

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
    secret: str | None = Field(default=None, description="Only in the answer that creates it.")


def present_api_key(key: ApiKey, secret: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": key.id,
        "object": "api_key",
        "name": key.name,
        "prefix": key.prefix,
        "last4": key.last4,
        "scopes": key.scopes,
        "revoked_at": key.revoked_at,
        "created_at": key.created_at,
        "updated_at": key.updated_at,
    }
    if secret is not None:
        out["secret"] = secret
    return out

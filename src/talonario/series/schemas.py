from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, Field

from talonario.kit.schema import Input
from talonario.models import Series
from talonario.series.numbering import check_format

SeriesKind = Literal["standard", "simplified", "corrective"]


def _format(value: str) -> str:
    check_format(value)
    return value


SeriesFormat = Annotated[str, Field(min_length=1, max_length=60), AfterValidator(_format)]
SeriesCode = Annotated[str, Field(min_length=1, max_length=20, pattern=r"^[A-Za-z0-9._/-]+$")]


class SeriesCreate(Input):
    code: SeriesCode
    format: SeriesFormat = "{code}{year}-{number:05}"
    next_number: int = Field(default=1, ge=1, le=10**12)
    kind: SeriesKind = "standard"
    default: bool = False
    reset_yearly: bool = False


class SeriesUpdate(Input):
    format: SeriesFormat | None = None
    next_number: int | None = Field(default=None, ge=1, le=10**12)
    default: Literal[True] | None = Field(
        default=None, description="Make this the default series of its kind."
    )
    reset_yearly: bool | None = None


class SeriesOut(BaseModel):
    id: str
    object: Literal["series"]
    code: str
    format: str
    next_number: int
    kind: SeriesKind
    default: bool
    reset_yearly: bool
    created_at: datetime
    updated_at: datetime


def present_series(series: Series) -> dict[str, Any]:
    return {
        "id": series.id,
        "object": "series",
        "code": series.code,
        "format": series.format,
        "next_number": series.next_number,
        "kind": series.kind,
        "default": series.is_default,
        "reset_yearly": series.reset_yearly,
        "created_at": series.created_at,
        "updated_at": series.updated_at,
    }

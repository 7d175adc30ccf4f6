from datetime import datetime
from typing import Annotated, Literal, Self

from pydantic import AfterValidator, BaseModel, Field, WithJsonSchema

from talonario.kit.patch import NotNull, Patch
from talonario.kit.schema import Input
from talonario.models import Series
from talonario.series.numbering import check_format

SeriesKind = Literal["standard", "simplified", "corrective"]


def _format(value: str) -> str:
    check_format(value)
    return value


# check_format as a pattern: printable ASCII without " ' < > = { } and no edge spaces, with
# {code}, {year} and at least one {number} or {number:05} (widths to 9; wider ones are ours).
_TEXT, _EDGE = r"[ !#-&(-;?-z|~]", r"[!#-&(-;?-z|~]"
_FIELD, _NUMBER = r"\{(code|year)\}", r"\{number(:0?[1-9]?d?)?\}"
_ANY, _FIRST = f"({_TEXT}|{_FIELD}|{_NUMBER})", f"({_EDGE}|{_FIELD}|{_NUMBER})"
FORMAT_PATTERN = f"^(({_EDGE}|{_FIELD}){_ANY}*)?{_NUMBER}({_ANY}*{_FIRST})?$"
SeriesFormat = Annotated[
    str,
    Field(min_length=1, max_length=60),
    AfterValidator(_format),
    WithJsonSchema({"type": "string", "minLength": 1, "maxLength": 60, "pattern": FORMAT_PATTERN}),
]
SeriesCode = Annotated[str, Field(min_length=1, max_length=20, pattern=r"^[A-Za-z0-9._/-]+$")]


class SeriesCreate(Input):
    code: SeriesCode
    format: SeriesFormat = "{code}{year}-{number:05}"
    next_number: int = Field(default=1, ge=1, le=10**12)
    kind: SeriesKind = "standard"
    default: bool = False
    reset_yearly: bool = False


class SeriesUpdate(Patch):
    format: NotNull[SeriesFormat] = None
    next_number: NotNull[int] = Field(default=None, ge=1, le=10**12)
    default: NotNull[Literal[True]] = Field(
        default=None, description="Make this the default series of its kind."
    )
    reset_yearly: NotNull[bool] = None


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

    @classmethod
    def of(cls, series: Series) -> Self:
        return cls.model_construct(
            id=series.id,
            object="series",
            code=series.code,
            format=series.format,
            next_number=series.next_number,
            kind=series.kind,
            default=series.is_default,
            reset_yearly=series.reset_yearly,
            created_at=series.created_at,
            updated_at=series.updated_at,
        )

"""Shared Pydantic pieces: exact decimal inputs, number outputs, and the list envelope."""

from decimal import Decimal
from typing import Annotated, Generic, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, WithJsonSchema

from talonario.kit.taxid import country_code, spanish_nif

T = TypeVar("T")


class Input(BaseModel):
    """Request bodies: unknown fields are an error that names the field, not silence."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


# Inputs: JSON numbers (parsed as Decimal, never float) or numeric strings.
Quantity = Annotated[Decimal, Field(max_digits=18, decimal_places=6, allow_inf_nan=False)]
UnitPrice = Annotated[Decimal, Field(max_digits=18, decimal_places=6, allow_inf_nan=False)]
AmountIn = Annotated[
    Decimal,
    Field(max_digits=15, decimal_places=2, allow_inf_nan=False),
    AfterValidator(lambda d: d.quantize(Decimal("0.01"))),
]
Percent = Annotated[Decimal, Field(ge=0, le=100, decimal_places=2, allow_inf_nan=False)]

# Outputs: exact decimals written as JSON numbers (amounts with two decimals).
Number = Annotated[Decimal, WithJsonSchema({"type": "number"})]


class ListOf(BaseModel, Generic[T]):
    object: str = "list"
    data: list[T]
    has_more: bool


CountryCode = Annotated[str, Field(min_length=2, max_length=2), AfterValidator(country_code)]
SpanishNif = Annotated[str, Field(min_length=8, max_length=12), AfterValidator(spanish_nif)]


class Address(Input):
    street: str | None = Field(default=None, max_length=200)
    postal_code: str | None = Field(default=None, max_length=20)
    city: str | None = Field(default=None, max_length=100)
    province: str | None = Field(default=None, max_length=100)
    country: CountryCode = "ES"

"""Shared Pydantic pieces: exact decimal inputs, number outputs, and the list envelope."""

import re
from decimal import Decimal
from typing import Annotated, Any, Generic, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    WithJsonSchema,
    field_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError

from talonario.kit.countries import AEAT_COUNTRIES
from talonario.kit.taxid import country_code, spanish_nif

T = TypeVar("T")


# XML 1.0 (AEAT's records), and so the PDF and e-mail, cannot carry C0 controls other than
# tab, LF and CR, lone surrogates, U+FFFE or U+FFFF: text fields refuse them (a 422 naming the
# field, where a company name with U+001C was a 500 when its next record was written).
_CONTROL = r"\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff"
_CONTROL_CHAR = re.compile(rf"[{_CONTROL}\ud800-\udfff]")
# The published pattern leaves lone surrogates out (only a \u escape in JSON makes one, and
# generators mishandle the range); the server refuses them too.
TEXT_PATTERN = f"^[^{_CONTROL}]*$"
# Strings are stripped before min_length is checked: " " is empty (and Python strips U+0085).
FILLED_TEXT_PATTERN = rf"^[^{_CONTROL}]*[^\s\x85{_CONTROL}][^{_CONTROL}]*$"


def _publish_text(node: Any) -> None:
    if not isinstance(node, dict):
        return
    free = not any(key in node for key in ("pattern", "enum", "const", "format"))
    if node.get("type") == "string" and free:
        node["pattern"] = FILLED_TEXT_PATTERN if node.get("minLength", 0) else TEXT_PATTERN
    for branch in node.get("anyOf", ()):
        _publish_text(branch)
    _publish_text(node.get("items"))


def _check_text(value: Any) -> None:
    for text in value if isinstance(value, list) else (value,):
        found = _CONTROL_CHAR.search(text) if isinstance(text, str) else None
        if found:
            raise PydanticCustomError(
                "control_character",
                "contains the control character {char}, which invoices cannot carry",
                {"char": f"U+{ord(found.group()):04X}"},
            )


class Input(BaseModel):
    """Request bodies: unknown fields are an error that names the field, not silence."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    # Text is what a model strips; one that keeps strings as sent (a password) takes anything.
    @field_validator("*")
    @classmethod
    def _text(cls, value: Any) -> Any:
        if cls.model_config.get("str_strip_whitespace"):
            _check_text(value)
        return value

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        out = super().__get_pydantic_json_schema__(schema, handler)
        if cls.model_config.get("str_strip_whitespace"):
            for prop in handler.resolve_ref_schema(out).get("properties", {}).values():
                _publish_text(prop)
        return out


class _DecimalJson:
    """Publishes what a decimal input takes (Pydantic says only "number or string"): a number
    with at most `places` decimals below 10**`digits`, or the same written as a plain string.
    The bounds a field adds (ge=0, gt=0, le=100) narrow both forms."""

    def __init__(self, digits: int, places: int) -> None:
        self.digits, self.places = digits, places

    def _pattern(self, number: dict[str, Any]) -> str:
        whole, places = rf"[1-9]\d{{0,{self.digits - 1}}}", rf"(\.\d{{1,{self.places}}})?"
        if number.get("maximum") == 100:  # a percent: 0 to 100
            whole = r"[1-9]?\d"
            return rf"^(100(\.0{{1,{self.places}}})?|{whole}{places})$"
        if number.get("exclusiveMinimum") == 0:  # positive: no zero
            return rf"^({whole}{places}|0\.\d{{0,{self.places - 1}}}[1-9])$"
        sign = "" if number.get("minimum") == 0 else "-?"
        return rf"^{sign}(0|{whole}){places}$"

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        out = dict(handler(schema))
        number: dict[str, Any] = {"type": "number"}
        for branch in out.pop("anyOf", ()):
            if branch.get("type") == "number":
                number = dict(branch)
        number["multipleOf"] = float(Decimal(1).scaleb(-self.places))
        if "minimum" not in number and "exclusiveMinimum" not in number:
            number["exclusiveMinimum"] = -(10**self.digits)
        if "maximum" not in number:
            number["exclusiveMaximum"] = 10**self.digits
        text = {"type": "string", "pattern": self._pattern(number)}
        return {**out, "anyOf": [number, text]}


# Inputs: JSON numbers (parsed as Decimal, never float) or numeric strings.
Quantity = Annotated[
    Decimal, Field(max_digits=18, decimal_places=6, allow_inf_nan=False), _DecimalJson(12, 6)
]
UnitPrice = Annotated[
    Decimal, Field(max_digits=18, decimal_places=6, allow_inf_nan=False), _DecimalJson(12, 6)
]
AmountIn = Annotated[
    Decimal,
    Field(max_digits=15, decimal_places=2, allow_inf_nan=False),
    AfterValidator(lambda d: d.quantize(Decimal("0.01"))),
    _DecimalJson(13, 2),
]
Percent = Annotated[
    Decimal, Field(ge=0, le=100, decimal_places=2, allow_inf_nan=False), _DecimalJson(3, 2)
]

# Outputs: exact decimals written as JSON numbers (amounts with two decimals).
Number = Annotated[Decimal, WithJsonSchema({"type": "number"})]


class ListOf(BaseModel, Generic[T]):
    object: str = "list"
    data: list[T]
    has_more: bool


# The schema publishes AEAT's form (upper case); lower case and spaces are accepted too.
COUNTRY_CODES = sorted(AEAT_COUNTRIES)
CountryCode = Annotated[
    str,
    Field(min_length=2, max_length=2),
    AfterValidator(country_code),
    WithJsonSchema({"type": "string", "enum": COUNTRY_CODES}),
]
# DNI (and K/L/M) or NIE: 8 characters and a letter; CIF: a letter, 7 digits and a control.
# The check character is verified by the server (python-stdnum).
NIF_PATTERN = r"^([0-9KLMXYZ][0-9]{7}[A-Z]|[ABCDEFGHJNPQRSUVW][0-9]{7}[0-9A-J])$"
SpanishNif = Annotated[
    str,
    Field(min_length=8, max_length=12),
    AfterValidator(spanish_nif),
    WithJsonSchema({"type": "string", "pattern": NIF_PATTERN}),
]


class Address(Input):
    street: str | None = Field(default=None, max_length=200)
    postal_code: str | None = Field(default=None, max_length=20)
    city: str | None = Field(default=None, max_length=100)
    province: str | None = Field(default=None, max_length=100)
    country: CountryCode = "ES"


class AddressOut(BaseModel):
    """An address as answers show it (companies, clients, invoice parties)."""

    street: str | None
    postal_code: str | None
    city: str | None
    province: str | None
    country: str

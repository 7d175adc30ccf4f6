from datetime import datetime
from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, EmailStr, Field, model_validator
from stdnum.eu.vat import MEMBER_STATES

from talonario.kit.patch import NotNull, Patch
from talonario.kit.schema import NIF_PATTERN, Address, AddressOut, CountryCode, Input, SpanishNif
from talonario.kit.taxid import eu_vat_number, spanish_nif
from talonario.models import Client

# AEAT L7 (IDType): 02 EU VAT number, 03 passport, 04 official id of the country of residence,
# 05 residence certificate, 06 other supporting document, 07 not registered (no censado).
IdType = Literal["02", "03", "04", "05", "06", "07"]

# EU VAT prefixes (Greece writes EL) other than Spain's, whose VAT number is a nif.
_VAT_PREFIXES = sorted({"EL" if c == "gr" else c.upper() for c in MEMBER_STATES} - {"ES"})

# The rules of _aeat_rules below, as the schema can say them (the VAT checksum stays ours).
# With 02 the country is published as omitted: given, it may only repeat the VAT prefix.
_FOREIGN_ID_RULES: dict[str, Any] = {
    "anyOf": [
        {
            "properties": {
                "id_type": {"const": "02"},
                "country": {"type": "null"},
                "id": {"pattern": rf"^({'|'.join(_VAT_PREFIXES)})[0-9A-Z+*]{{2,12}}$"},
            }
        },
        {
            "required": ["country"],
            "properties": {"id_type": {"const": "03"}, "country": {"type": "string"}},
        },
        {
            "required": ["country"],
            "properties": {
                "id_type": {"enum": ["04", "05", "06"]},
                "country": {"type": "string", "not": {"const": "ES"}},
            },
        },
        {
            "required": ["country"],
            "properties": {
                "id_type": {"const": "07"},
                "country": {"const": "ES"},
                "id": {"pattern": NIF_PATTERN},
            },
        },
    ]
}

# nif and foreign_id are alternatives: both given (not null) is refused.
ONE_ID: dict[str, Any] = {
    "not": {
        "required": ["nif", "foreign_id"],
        "properties": {"nif": {"type": "string"}, "foreign_id": {"type": "object"}},
    }
}


class ForeignId(Input):
    model_config = ConfigDict(json_schema_extra=_FOREIGN_ID_RULES)

    country: CountryCode | None = Field(
        default=None, description="ISO 3166-1 alpha-2; optional only for id_type 02."
    )
    id_type: IdType
    id: str = Field(min_length=1, max_length=20)

    @model_validator(mode="after")
    def _aeat_rules(self) -> Self:
        if self.id_type == "02":
            try:
                self.id = eu_vat_number(self.id)
            except ValueError as exc:
                raise ValueError(f"id: {exc}") from None
            prefix = self.id[:2]
            if prefix == "ES" or self.country == "ES":
                raise ValueError("a Spanish VAT number is a nif, not a foreign_id (AEAT 1126)")
            if self.country is not None and self.country != prefix:
                raise ValueError(f"country must be the VAT number's prefix ({prefix})")
            return self
        if self.country is None:
            raise ValueError("country is required unless id_type is 02 (AEAT 1111)")
        if self.country == "ES" and self.id_type not in ("03", "07"):
            raise ValueError("with country ES only id_type 03 or 07 is allowed (AEAT 1126)")
        if self.id_type == "07":
            if self.country != "ES":
                raise ValueError("id_type 07 (no censado) needs country ES")
            try:
                self.id = spanish_nif(self.id)
            except ValueError as exc:
                raise ValueError(f"id: {exc}") from None
        return self


class ClientFields(Input):
    email: EmailStr | None = None
    address: Address | None = None
    external_id: str | None = Field(default=None, min_length=1, max_length=120)


class ClientCreate(ClientFields):
    model_config = ConfigDict(json_schema_extra=ONE_ID)

    name: str = Field(min_length=1, max_length=120)
    nif: SpanishNif | None = None
    foreign_id: ForeignId | None = None

    @model_validator(mode="after")
    def _one_id(self) -> Self:
        if self.nif is not None and self.foreign_id is not None:
            raise ValueError("give either nif or foreign_id, not both")
        return self


class ClientUpdate(Patch, ClientFields):
    model_config = ConfigDict(json_schema_extra=ONE_ID)

    name: NotNull[str] = Field(default=None, min_length=1, max_length=120)
    nif: SpanishNif | None = None
    foreign_id: ForeignId | None = None


class ForeignIdOut(BaseModel):
    country: str | None
    id_type: IdType
    id: str

    @classmethod
    def of(cls, stored: dict[str, Any] | None) -> Self | None:
        """The foreign id as a client or an invoice's client snapshot stores it."""
        return None if stored is None else cls.model_construct(**stored)


class ClientOut(BaseModel):
    id: str
    object: Literal["client"]
    name: str
    nif: str | None
    foreign_id: ForeignIdOut | None
    email: str | None
    address: AddressOut | None
    external_id: str | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, client: Client) -> Self:
        # Built, not validated: the row was checked when written (as the dict this replaced).
        address = client.address
        return cls.model_construct(
            id=client.id,
            object="client",
            name=client.name,
            nif=client.nif,
            foreign_id=ForeignIdOut.of(client.foreign_id),
            email=client.email,
            address=None if address is None else AddressOut.model_construct(**address),
            external_id=client.external_id,
            created_at=client.created_at,
            updated_at=client.updated_at,
        )

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, EmailStr, Field

from talonario.kit.schema import Address, Input, SpanishNif
from talonario.models import Company

Environment = Literal["sandbox", "preproduction", "production"]


class VerifactuSettings(Input):
    environment: Environment


class CompanyCreate(Input):
    legal_name: str = Field(min_length=1, max_length=120)
    nif: SpanishNif
    trade_name: str | None = Field(default=None, max_length=120)
    address: Address | None = None
    email: EmailStr | None = None
    phone: str | None = Field(default=None, max_length=40)


class CompanyUpdate(Input):
    legal_name: str | None = Field(default=None, min_length=1, max_length=120)
    trade_name: str | None = Field(default=None, max_length=120)
    address: Address | None = None
    email: EmailStr | None = None
    phone: str | None = Field(default=None, max_length=40)
    verifactu: VerifactuSettings | None = None


class AddressOut(BaseModel):
    street: str | None
    postal_code: str | None
    city: str | None
    province: str | None
    country: str


class VerifactuOut(BaseModel):
    environment: Environment
    certificate: dict[str, Any] | None


class CompanyOut(BaseModel):
    id: str
    object: Literal["company"]
    legal_name: str
    trade_name: str | None
    nif: str
    address: AddressOut | None
    email: str | None
    phone: str | None
    verifactu: VerifactuOut
    created_at: datetime
    updated_at: datetime


def present_company(company: Company) -> dict[str, Any]:
    return {
        "id": company.id,
        "object": "company",
        "legal_name": company.legal_name,
        "trade_name": company.trade_name,
        "nif": company.nif,
        "address": company.address,
        "email": company.email,
        "phone": company.phone,
        "verifactu": {"environment": company.verifactu_environment, "certificate": None},
        "created_at": company.created_at,
        "updated_at": company.updated_at,
    }

from datetime import datetime
from decimal import Decimal
from typing import Literal, Self

from pydantic import BaseModel, Field

from talonario.kit.patch import NotNull, Patch
from talonario.kit.schema import Input, Number, UnitPrice
from talonario.models import Product
from talonario.taxes.tax_schema import TaxIn, TaxOut, line_tax, stored_tax


class ProductCreate(Input):
    name: str = Field(min_length=1, max_length=200)
    description: str | None = Field(default=None, max_length=2000)
    unit_price: UnitPrice
    unit: str | None = Field(default=None, max_length=20)
    tax: TaxIn = Field(default_factory=lambda: TaxIn(rate=Decimal(21)))
    external_id: str | None = Field(default=None, min_length=1, max_length=120)


class ProductUpdate(Patch):
    name: NotNull[str] = Field(default=None, min_length=1, max_length=200)
    description: str | None = Field(default=None, max_length=2000)
    unit_price: NotNull[UnitPrice] = None
    unit: str | None = Field(default=None, max_length=20)
    tax: NotNull[TaxIn] = None
    external_id: str | None = Field(default=None, min_length=1, max_length=120)


class ProductOut(BaseModel):
    id: str
    object: Literal["product"]
    name: str
    description: str | None
    unit_price: Number
    unit: str | None
    tax: TaxOut
    external_id: str | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, product: Product) -> Self:
        # The tax as lines store it, every field present; validated so its codes are enums.
        tax = TaxOut.model_validate(stored_tax(line_tax(product.tax)))
        return cls.model_construct(
            id=product.id,
            object="product",
            name=product.name,
            description=product.description,
            unit_price=product.unit_price,
            unit=product.unit,
            tax=tax,
            external_id=product.external_id,
            created_at=product.created_at,
            updated_at=product.updated_at,
        )

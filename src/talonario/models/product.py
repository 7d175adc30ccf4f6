from decimal import Decimal
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from talonario.models.base import Base, Entity, JSONType, Money


class Product(Entity, Base):
    """A catalogue item whose price and tax fill an invoice line."""

    __tablename__ = "products"
    __table_args__ = (
        UniqueConstraint("company_id", "external_id"),
        Index("ix_products_company_newest", "company_id", "id"),  # lists
    )

    company_id: Mapped[str] = mapped_column(ForeignKey("companies.id"))
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    unit_price: Mapped[Decimal] = mapped_column(Money(18, 6))
    unit: Mapped[str | None] = mapped_column(String(20))
    tax: Mapped[dict[str, Any]] = mapped_column(JSONType)
    external_id: Mapped[str | None] = mapped_column(String(120))

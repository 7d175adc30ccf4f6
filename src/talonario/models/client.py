from typing import Any

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from talonario.models.base import Base, Entity, JSONType


class Client(Entity, Base):
    """An invoice recipient: a Spanish NIF or a foreign id (AEAT IDOtro)."""

    __tablename__ = "clients"
    __table_args__ = (
        UniqueConstraint("company_id", "external_id"),
        Index("ix_clients_company_newest", "company_id", "id"),  # lists: newest first
    )

    company_id: Mapped[str] = mapped_column(ForeignKey("companies.id"))
    name: Mapped[str] = mapped_column(String(120))
    nif: Mapped[str | None] = mapped_column(String(9))
    foreign_id: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    email: Mapped[str | None] = mapped_column(String(254))
    address: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    external_id: Mapped[str | None] = mapped_column(String(120))

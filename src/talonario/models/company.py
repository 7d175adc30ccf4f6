from typing import Any

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from talonario.models.base import Base, Entity, JSONType


class Company(Entity, Base):
    """The issuer (obligado tributario): one tenant, one record chain."""

    __tablename__ = "companies"

    legal_name: Mapped[str] = mapped_column(String(120))
    trade_name: Mapped[str | None] = mapped_column(String(120))
    nif: Mapped[str] = mapped_column(String(9))
    address: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(40))
    verifactu_environment: Mapped[str] = mapped_column(String(16), default="sandbox")
    timezone: Mapped[str] = mapped_column(String(40), default="Europe/Madrid")

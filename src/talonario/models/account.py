from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from talonario.models.base import Base, Entity


class Account(Entity, Base):
    """Who runs Talonario for one or many taxpayers (a business, a gestoría, an ERP vendor): it
    owns companies, and its keys (`tal_acct_…`) manage them and may act for any of them."""

    __tablename__ = "accounts"

    name: Mapped[str] = mapped_column(String(120))

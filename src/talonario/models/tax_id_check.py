from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from talonario.kit.ids import new_id
from talonario.models.base import Base, UTCDateTime


class TaxIdCheck(Base):
    """What AEAT's census or VIES answered a company about a tax id (and a name), kept a day
    so that the same question is not sent again (taxids/service.py). One row per question:
    asking again after a day replaces it."""

    __tablename__ = "tax_id_checks"
    __table_args__ = (
        UniqueConstraint("company_id", "source", "tax_id", "name_key"),
        Index("ix_tax_id_checks_company_checked", "company_id", "checked_at"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    company_id: Mapped[str] = mapped_column(ForeignKey("companies.id"))
    source: Mapped[str] = mapped_column(String(16))  # aeat_census | vies
    # The NIF, or the EU VAT number with its VIES prefix (EL for Greece).
    tax_id: Mapped[str] = mapped_column(String(20))
    # The name asked with it, upper-cased with single spaces; "" when none was.
    name_key: Mapped[str] = mapped_column(String(120))
    result: Mapped[str] = mapped_column(String(32))
    registered_name: Mapped[str | None] = mapped_column(Text)  # the name the register holds
    checked_at: Mapped[datetime] = mapped_column(UTCDateTime())

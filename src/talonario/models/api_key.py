from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from talonario.models.base import Base, Entity, JSONType, UTCDateTime


class ApiKey(Entity, Base):
    """A secret that acts for one company (company_id set) or for an account and any of its
    companies (company_id NULL, a `tal_acct_` key); only its SHA-256 is kept."""

    __tablename__ = "api_keys"

    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    company_id: Mapped[str | None] = mapped_column(ForeignKey("companies.id"), index=True)
    name: Mapped[str | None] = mapped_column(String(120))
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))
    last4: Mapped[str] = mapped_column(String(4))
    scopes: Mapped[list[str]] = mapped_column(JSONType)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

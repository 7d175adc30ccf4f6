from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from talonario.models.base import Base, Entity, JSONType, UTCDateTime

# A reminder the day after the due date, a week after and a fortnight after.
DEFAULT_REMINDER_DAYS = (1, 7, 15)


class Company(Entity, Base):
    """The issuer (obligado tributario): one tenant, one record chain."""

    __tablename__ = "companies"
    __table_args__ = (UniqueConstraint("account_id", "external_id"),)

    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    # The integrator's own name for the company, unique within its account.
    external_id: Mapped[str | None] = mapped_column(String(120))
    legal_name: Mapped[str] = mapped_column(String(120))
    trade_name: Mapped[str | None] = mapped_column(String(120))
    nif: Mapped[str] = mapped_column(String(9))
    address: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(40))
    verifactu_environment: Mapped[str] = mapped_column(String(16), default="sandbox")
    # verifactu (records remitted as made) | no_verifactu (signed, kept, remitted only on an
    # AEAT requirement); since when (NULL: since the company was created). Migration 0020.
    verifactu_mode: Mapped[str] = mapped_column(
        String(16), default="verifactu", server_default="verifactu"
    )
    verifactu_mode_since: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # A switch scheduled for a later day (art. 17: leaving VERI*FACTU takes effect on 1
    # January), and when AEAT first answered a submission that announced it
    # (RemisionVoluntaria/FechaFinVeriFactu). Migration 0023.
    verifactu_next_mode: Mapped[str | None] = mapped_column(String(16))
    verifactu_next_mode_on: Mapped[date | None] = mapped_column(Date)
    verifactu_end_reported_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    timezone: Mapped[str] = mapped_column(String(40), default="Europe/Madrid")
    # The AEAT certificate (companies/certificate.py). The PKCS#12 and its password are
    # kit.secrets tokens, never stored in the clear; the rest is public certificate data.
    certificate_p12: Mapped[bytes | None] = mapped_column(LargeBinary)
    certificate_password: Mapped[bytes | None] = mapped_column(LargeBinary)
    certificate_subject: Mapped[str | None] = mapped_column(String(1024))
    certificate_nif: Mapped[str | None] = mapped_column(String(20))
    certificate_kind: Mapped[str | None] = mapped_column(String(16))
    certificate_not_before: Mapped[datetime | None] = mapped_column(UTCDateTime())
    certificate_not_after: Mapped[datetime | None] = mapped_column(UTCDateTime())
    certificate_fingerprint: Mapped[str | None] = mapped_column(String(64))
    certificate_uploaded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # What the API shows of the logo (companies/logo.py); its bytes are in company_logos.
    logo_content_type: Mapped[str | None] = mapped_column(String(16))
    logo_size: Mapped[int | None] = mapped_column(Integer)
    logo_width: Mapped[int | None] = mapped_column(Integer)
    logo_height: Mapped[int | None] = mapped_column(Integer)
    logo_updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Automatic payment reminders (reminders/): whether the worker sends them, and on which
    # days relative to each invoice's due_on (negative: before it). Migration 0026.
    reminders_enabled: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    reminder_days: Mapped[list[int]] = mapped_column(
        JSONType, default=lambda: list(DEFAULT_REMINDER_DAYS), server_default=text("'[1, 7, 15]'")
    )


class CompanyLogo(Base):
    """The logo's bytes, apart from companies: loading a company (every issue does) never
    reads up to half a megabyte it does not print."""

    __tablename__ = "company_logos"

    company_id: Mapped[str] = mapped_column(ForeignKey("companies.id"), primary_key=True)
    # Deferred: replacing the logo need not read the old one first.
    image: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)

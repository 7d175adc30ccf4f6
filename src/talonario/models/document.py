from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from talonario.kit.clock import utcnow
from talonario.models.base import Base, Entity, JSONType, UTCDateTime


class InvoicePdf(Base):
    """An issued invoice's PDF, rendered once: the document the customer got never changes."""

    __tablename__ = "invoice_pdfs"

    invoice_id: Mapped[str] = mapped_column(ForeignKey("invoices.id"), primary_key=True)
    company_id: Mapped[str] = mapped_column(ForeignKey("companies.id"), index=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class PublicLink(Base):
    """The invoice's page for its customer, opened without an API key.

    The token is kept as issued (not hashed) because the contract shows `public_link.url` on
    every read of the invoice; it reveals nothing a reader of this table could not already see
    in the invoice row beside it. Revoking or re-enabling replaces it.
    """

    __tablename__ = "invoice_public_links"

    invoice_id: Mapped[str] = mapped_column(ForeignKey("invoices.id"), primary_key=True)
    company_id: Mapped[str] = mapped_column(ForeignKey("companies.id"), index=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    # The absolute address given out (TALONARIO_PUBLIC_URL when it was made, then /p/{token}).
    url: Mapped[str] = mapped_column(Text)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    max_days: Mapped[int] = mapped_column(Integer)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)


class EmailOutbox(Entity, Base):
    """One email of an invoice or of a quote to send: written with the request, sent by the
    worker.

    status: pending (due at next_attempt_at) -> sending (leased until lease_until) -> sent, or
    back to pending with the error and a later next_attempt_at, or failed once attempts run out;
    a reminder whose invoice was settled before it went out is cancelled instead.
    A worker that dies while sending leaves a lease that expires, and the row is claimed again.
    """

    __tablename__ = "email_outbox"
    __table_args__ = (
        Index("ix_email_outbox_status_next_attempt_at", "status", "next_attempt_at"),
        Index("ix_email_outbox_invoice_id_created_at", "invoice_id", "created_at"),
        Index("ix_email_outbox_quote_id_created_at", "quote_id", "created_at"),
    )

    company_id: Mapped[str] = mapped_column(ForeignKey("companies.id"))
    # One of the two: the invoice (kinds invoice and reminder) or the quote (kind quote).
    invoice_id: Mapped[str | None] = mapped_column(ForeignKey("invoices.id"))
    quote_id: Mapped[str | None] = mapped_column(ForeignKey("quotes.id"))  # migration 0028
    # invoice (POST /send: the invoice itself) | reminder (a payment reminder, reminders/) |
    # quote (POST /v1/quotes/{id}/send with `email`, quotes/email.py). Migration 0026.
    kind: Mapped[str] = mapped_column(String(10), default="invoice", server_default="invoice")
    to: Mapped[list[str]] = mapped_column("recipients", JSONType)
    cc: Mapped[list[str]] = mapped_column(JSONType, default=list)
    subject: Mapped[str | None] = mapped_column(String(200))
    message: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_error: Mapped[str | None] = mapped_column(Text)
    last_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

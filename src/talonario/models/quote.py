from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from talonario.models.base import Base, Entity, JSONType, Money, UTCDateTime


class Quote(Entity, Base):
    """A quote (presupuesto) or a proforma: priced like an invoice, but no invoice. It has a
    number of its own (P-2026-0001, PF-2026-0001), never one of an invoice series, and no
    VERI*FACTU record.

    Lines, breakdown and the client snapshot are JSON documents, as an invoice's are. `status`
    stores draft, sent, accepted or rejected; `expired` is not stored: a sent quote past
    `valid_until` answers as expired (quotes/states.py).
    """

    __tablename__ = "quotes"
    __table_args__ = (
        UniqueConstraint("company_id", "number"),
        UniqueConstraint("company_id", "external_id"),
        UniqueConstraint("public_token"),
        Index("ix_quotes_company_status", "company_id", "status"),
        Index("ix_quotes_company_newest", "company_id", "id"),
    )

    company_id: Mapped[str] = mapped_column(ForeignKey("companies.id"))
    kind: Mapped[str] = mapped_column(String(10))  # quote | proforma
    number: Mapped[str] = mapped_column(String(30))
    year: Mapped[int] = mapped_column(Integer)
    sequence: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(10), default="draft")
    issued_on: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date] = mapped_column(Date)
    # No foreign key: a client may be deleted while its quotes stay (the snapshot keeps it).
    client_id: Mapped[str | None] = mapped_column(String(36))
    client: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    lines: Mapped[list[dict[str, Any]]] = mapped_column(JSONType)
    tax_breakdown: Mapped[list[dict[str, Any]]] = mapped_column(JSONType)
    subtotal: Mapped[Decimal] = mapped_column(Money())
    taxes_total: Mapped[Decimal] = mapped_column(Money())
    surcharge_total: Mapped[Decimal] = mapped_column(Money())
    withholding_rate: Mapped[Decimal | None] = mapped_column(Money(5, 2))
    withholding_total: Mapped[Decimal] = mapped_column(Money())
    total: Mapped[Decimal] = mapped_column(Money())
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    notes: Mapped[str | None] = mapped_column(Text)
    external_id: Mapped[str | None] = mapped_column(String(120))
    meta: Mapped[dict[str, Any]] = mapped_column("metadata", JSONType, default=dict)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    rejected_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The invoice made from it (POST /v1/quotes/{id}/invoice). No foreign key: the invoice row
    # is inserted at the commit (db/rows.py), after this row is updated.
    invoice_id: Mapped[str | None] = mapped_column(String(36))
    invoiced_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The public link (/q/{token}): null while there is none or it was revoked.
    public_token: Mapped[str | None] = mapped_column(String(64))
    public_url: Mapped[str | None] = mapped_column(Text)
    public_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    public_max_days: Mapped[int | None] = mapped_column(Integer)

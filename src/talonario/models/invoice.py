from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from talonario.models.base import Base, Entity, JSONType, Money, UTCDateTime

OVERDUE_SCAN_SQL = (
    "overdue_at IS NULL AND due_on IS NOT NULL AND status IN ('issued', 'partially_paid')"
)


class Invoice(Entity, Base):
    """A draft until issued; once issued, every fiscal field is frozen.

    Lines, breakdown and the issuer/client snapshots are JSON documents: they are written once
    and read whole, never queried line by line, and one row per invoice keeps issuing lean.
    """

    __tablename__ = "invoices"
    __table_args__ = (
        # An invoice number is unique within its year (RD 1619/2012 art. 6.1.a: a series may
        # start again each year); AEAT keys an invoice by NIF, number and date.
        UniqueConstraint("company_id", "number", "issued_year"),
        UniqueConstraint("company_id", "external_id"),
        Index("ix_invoices_company_status", "company_id", "status"),
        Index("ix_invoices_company_issued_on", "company_id", "issued_on"),
        Index("ix_invoices_company_client", "company_id", "client_id"),
        Index("ix_invoices_company_verifactu_status", "company_id", "verifactu_status"),
        # Lists are a company's rows newest first (ids are UUIDv7): a page is an index range.
        Index("ix_invoices_company_newest", "company_id", "id"),
        # The worker's scan for invoices to announce as overdue (invoices/overdue.py): the
        # unpaid ones not yet announced, by due date, across companies. Migration 0026.
        Index(
            "ix_invoices_overdue_scan",
            "due_on",
            sqlite_where=text(OVERDUE_SCAN_SQL),
            postgresql_where=text(OVERDUE_SCAN_SQL),
        ),
    )

    company_id: Mapped[str] = mapped_column(ForeignKey("companies.id"))
    # `api`: numbered and issued by Talonario (/v1/invoices); `gateway`: numbered and issued
    # elsewhere, registered with POST /v1/records for its VERI*FACTU record only.
    origin: Mapped[str] = mapped_column(String(8), default="api", server_default="api")
    series_id: Mapped[str | None] = mapped_column(ForeignKey("series.id"))
    # A series' code never changes, so the invoice keeps a copy and needs no join to show it.
    series_code: Mapped[str | None] = mapped_column(String(20))
    number: Mapped[str | None] = mapped_column(String(60))
    sequence: Mapped[int | None] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(2))
    status: Mapped[str] = mapped_column(String(16), default="draft")
    issued_on: Mapped[date | None] = mapped_column(Date)
    # The year of issued_on, set with the number: what the number is unique within.
    issued_year: Mapped[int | None] = mapped_column(Integer)
    issued_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    operation_date: Mapped[date | None] = mapped_column(Date)
    due_on: Mapped[date | None] = mapped_column(Date)
    client_id: Mapped[str | None] = mapped_column(ForeignKey("clients.id"))
    client: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    issuer: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
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
    # A gateway record's DescripcionOperacion (an invoice of ours describes itself by its lines)
    # and all its recipients, when it names more than one (`client` holds the first).
    description: Mapped[str | None] = mapped_column(Text)
    recipients: Mapped[list[dict[str, Any]] | None] = mapped_column(JSONType)
    external_id: Mapped[str | None] = mapped_column(String(120))
    meta: Mapped[dict[str, Any]] = mapped_column("metadata", JSONType, default=dict)
    tags: Mapped[list[str]] = mapped_column(JSONType, default=list)
    custom_fields: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    exclude_347: Mapped[bool] = mapped_column(Boolean, default=False)
    paid_amount: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0.00"))
    paid_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    voided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # When the worker announced invoice.overdue (once per invoice); `overdue` itself is
    # computed on read (invoices/standing.py).
    overdue_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    void_reason: Mapped[str | None] = mapped_column(Text)
    # A rectifying invoice: {type, method, reason, rectified_invoices: [{id, number, issued_on}],
    # rectified_amounts: {base, quota, surcharge_quota} (substitution only)}.
    corrective: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    # An F3: the simplified invoices it replaces, [{id, number, issued_on}].
    substitutes: Mapped[list[dict[str, Any]] | None] = mapped_column(JSONType)
    # An F2 replaced by a complete invoice (F3): that invoice's id.
    substituted_by: Mapped[str | None] = mapped_column(String(36))
    # The RD 1619/2012 art. 4.2 activity that lets an F2 reach 3,000 EUR.
    activity: Mapped[str | None] = mapped_column(String(32))
    # The latest VERI*FACTU record, copied here so reading an invoice needs no join.
    verifactu_record_id: Mapped[str | None] = mapped_column(String(36))
    verifactu_status: Mapped[str | None] = mapped_column(String(24))
    verifactu_huella: Mapped[str | None] = mapped_column(String(64))
    verifactu_generated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    qr_url: Mapped[str | None] = mapped_column(Text)
    # AEAT's answer to that record: CSV, and the error code and text when there is one.
    verifactu_csv: Mapped[str | None] = mapped_column(String(40))
    verifactu_code: Mapped[str | None] = mapped_column(String(10))
    verifactu_description: Mapped[str | None] = mapped_column(Text)

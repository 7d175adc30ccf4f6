from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from talonario.models.base import Base, Entity, JSONType, UTCDateTime


class RecurringInvoice(Entity, Base):
    """A template the worker turns into an invoice at each occurrence of its schedule
    (recurring/).

    The schedule is `start_on` plus `occurrence * every` intervals, each computed from
    `start_on` (so a monthly one from the 31st comes back to the 31st after February).
    `next_index`/`next_on` are the next occurrence to make (NULL `next_on`: none left);
    `made` counts the invoices it made, each one a row of recurring_invoice_runs.
    """

    __tablename__ = "recurring_invoices"
    __table_args__ = (
        UniqueConstraint("company_id", "external_id"),
        Index("ix_recurring_invoices_company_newest", "company_id", "id"),
        Index("ix_recurring_invoices_company_client", "company_id", "client_id"),
        # The worker's scan: active templates by their next occurrence, across companies.
        Index("ix_recurring_invoices_status_next_on", "status", "next_on"),
    )

    company_id: Mapped[str] = mapped_column(ForeignKey("companies.id"))
    # active | paused | finished
    status: Mapped[str] = mapped_column(String(16), default="active")
    # The stored client the invoices go to (NULL: an inline recipient, kept in `invoice`). No
    # foreign key: a client deleted meanwhile pauses the template at its next occurrence.
    client_id: Mapped[str | None] = mapped_column(String(36))
    # What each invoice is made of, as POST /v1/invoices takes it (client, series, type,
    # lines, notes, withholding), client and series by id.
    invoice: Mapped[dict[str, Any]] = mapped_column(JSONType)
    interval: Mapped[str] = mapped_column(String(10))  # monthly | quarterly | yearly | days
    every: Mapped[int] = mapped_column(Integer, default=1)
    start_on: Mapped[date] = mapped_column(Date)
    end_on: Mapped[date | None] = mapped_column(Date)
    count: Mapped[int | None] = mapped_column(Integer)
    issue: Mapped[bool] = mapped_column(Boolean, default=False)
    send: Mapped[bool] = mapped_column(Boolean, default=False)
    due_days: Mapped[int | None] = mapped_column(Integer)
    next_index: Mapped[int] = mapped_column(Integer, default=0)
    next_on: Mapped[date | None] = mapped_column(Date)
    made: Mapped[int] = mapped_column(Integer, default=0)
    # The day it was paused: occurrences after it and before the resume are not made.
    paused_on: Mapped[date | None] = mapped_column(Date)
    # Why the worker paused it (an occurrence the invoice rules refused), until resumed.
    last_error: Mapped[str | None] = mapped_column(Text)
    external_id: Mapped[str | None] = mapped_column(String(120))
    meta: Mapped[dict[str, Any]] = mapped_column("metadata", JSONType, default=dict)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class RecurringInvoiceRun(Entity, Base):
    """One occurrence of a template made into its invoice, written in the same transaction as
    the invoice: the UNIQUE (template, occurrence) makes each occurrence once, whatever the
    number of workers, crashes or re-runs."""

    __tablename__ = "recurring_invoice_runs"
    __table_args__ = (
        UniqueConstraint("template_id", "occurrence"),
        Index("ix_recurring_invoice_runs_company_template", "company_id", "template_id"),
    )

    company_id: Mapped[str] = mapped_column(ForeignKey("companies.id"))
    template_id: Mapped[str] = mapped_column(ForeignKey("recurring_invoices.id"))
    occurrence: Mapped[int] = mapped_column(Integer)  # 0 for start_on, 1 for the next...
    scheduled_on: Mapped[date] = mapped_column(Date)
    invoice_id: Mapped[str] = mapped_column(ForeignKey("invoices.id"))

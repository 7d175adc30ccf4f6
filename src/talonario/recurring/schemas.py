from datetime import date, datetime
from typing import Any, Literal, Self

from pydantic import BaseModel, Field, model_validator

from talonario.invoices.answers import InvoiceOut
from talonario.invoices.schemas import (
    ClientRef,
    LineIn,
    Metadata,
    NewInvoiceType,
    Text,
    WithholdingIn,
)
from talonario.kit.patch import NotNull, Patch
from talonario.kit.schema import Input
from talonario.models import RecurringInvoice, RecurringInvoiceRun

Interval = Literal["monthly", "quarterly", "yearly", "days"]
RecurringStatus = Literal["active", "paused", "finished"]
NEXT_DATES = 5

INTERVAL = (
    "`monthly`, `quarterly`, `yearly` (every `every` of them) or `days` (every `every` days)."
    " Each occurrence is counted from `start_on`: monthly from the 31st falls on the last day"
    " of shorter months and on the 31st again after them."
)


class _Template(Input):
    client: ClientRef | None = Field(
        default=None,
        description="A client id or its external_id, or the recipient's data inline.",
    )
    series: str | None = Field(default=None, max_length=36, description="Series id or code.")
    notes: Text | None = None
    withholding: WithholdingIn | None = None
    due_days: int | None = Field(
        default=None, ge=0, le=366, description="Each invoice is due this many days after issue."
    )
    end_on: date | None = Field(default=None, description="No occurrence after this day.")
    count: int | None = Field(
        default=None, ge=1, le=1200, description="Make this many invoices, then finish."
    )
    external_id: str | None = Field(default=None, min_length=1, max_length=120)
    metadata: Metadata | None = None


class RecurringInvoiceCreate(_Template):
    type: NewInvoiceType = "F1"
    lines: list[LineIn] = Field(min_length=1, max_length=500)
    interval: Interval = Field(description=INTERVAL)
    every: int = Field(default=1, ge=1, le=366)
    start_on: date = Field(
        description="The first occurrence. A past day is caught up: its due occurrences are"
        " made at once, each dated the day it is made."
    )
    issue: bool = Field(
        default=False, description="Issue each invoice; false leaves each one a draft."
    )
    send: bool = Field(
        default=False,
        description="Email each issued invoice to the client's email (needs `issue`).",
    )

    @model_validator(mode="after")
    def _coherent(self) -> Self:
        if self.send and not self.issue:
            raise ValueError("send needs issue: a draft is not emailed")
        if self.end_on is not None and self.end_on < self.start_on:
            raise ValueError("end_on is before start_on")
        return self


class RecurringInvoiceUpdate(Patch, _Template):
    """What changes applies to the occurrences not made yet; made invoices stay as they are."""

    type: NotNull[NewInvoiceType] = None
    lines: NotNull[list[LineIn]] = Field(default=None, min_length=1, max_length=500)
    interval: NotNull[Interval] = Field(default=None, description="Only before the first invoice.")
    every: NotNull[int] = Field(
        default=None, ge=1, le=366, description="Only before the first invoice."
    )
    start_on: NotNull[date] = Field(default=None, description="Only before the first invoice.")
    issue: NotNull[bool] = None
    send: NotNull[bool] = None


class RecurringInvoiceOut(BaseModel):
    id: str
    object: Literal["recurring_invoice"]
    status: RecurringStatus
    type: str
    client: str | dict[str, Any] | None = Field(
        description="The client's id, or the recipient given inline."
    )
    series: str | None = Field(description="The series' id (null: the default series).")
    lines: list[dict[str, Any]] = Field(description="Each invoice's lines, as given.")
    notes: str | None
    withholding: dict[str, Any] | None
    due_days: int | None
    interval: Interval
    every: int
    start_on: date
    end_on: date | None
    count: int | None
    issue: bool
    send: bool
    invoices_made: int
    next_dates: list[date] = Field(
        description=f"The next {NEXT_DATES} occurrences (of a paused template: if resumed today)."
    )
    paused_on: date | None
    last_error: str | None = Field(
        description="Why the worker paused it: an occurrence the invoice rules refused."
    )
    external_id: str | None
    metadata: dict[str, str]
    finished_at: datetime | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, row: RecurringInvoice, next_dates: list[date]) -> Self:
        body = row.invoice
        return cls.model_construct(
            id=row.id,
            object="recurring_invoice",
            status=row.status,
            type=body["type"],
            client=body.get("client"),
            series=body.get("series"),
            lines=body["lines"],
            notes=body.get("notes"),
            withholding=body.get("withholding"),
            due_days=row.due_days,
            interval=row.interval,
            every=row.every,
            start_on=row.start_on,
            end_on=row.end_on,
            count=row.count,
            issue=row.issue,
            send=row.send,
            invoices_made=row.made,
            next_dates=next_dates,
            paused_on=row.paused_on,
            last_error=row.last_error,
            external_id=row.external_id,
            metadata=row.meta,
            finished_at=row.finished_at,
            created_at=row.created_at,
            updated_at=row.updated_at,
        )


class RecurringRunOut(BaseModel):
    id: str
    object: Literal["recurring_invoice_run"]
    recurring_invoice: str
    occurrence: int = Field(description="0 for the occurrence on start_on, 1 for the next...")
    scheduled_on: date = Field(description="The day it was due (the invoice is dated when made).")
    invoice: InvoiceOut
    created_at: datetime

    @classmethod
    def of(cls, run: RecurringInvoiceRun, invoice: InvoiceOut) -> Self:
        return cls.model_construct(
            id=run.id,
            object="recurring_invoice_run",
            recurring_invoice=run.template_id,
            occurrence=run.occurrence,
            scheduled_on=run.scheduled_on,
            invoice=invoice,
            created_at=run.created_at,
        )

"""The answer of GET /v1/invoices/{id}/activity: one entry per thing that happened to the
invoice, each `{type, at, ...}` with the details of its kind (invoices/activity.py)."""

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from talonario.kit.schema import Number


class InvoiceCreatedEntry(BaseModel):
    type: Literal["invoice.created"]
    at: datetime


class InvoiceIssuedEntry(BaseModel):
    type: Literal["invoice.issued"]
    at: datetime
    number: str
    issued_on: date


class InvoicePaidEntry(BaseModel):
    type: Literal["invoice.paid"] = Field(description="Paid in full.")
    at: datetime
    paid_amount: Number


class InvoiceOverdueEntry(BaseModel):
    type: Literal["invoice.overdue"] = Field(
        description="Found past its due date with something pending (`at`: when the"
        " invoice.overdue event went out)."
    )
    at: datetime
    due_on: date


class InvoiceVoidedEntry(BaseModel):
    type: Literal["invoice.voided"]
    at: datetime
    reason: str | None


class PaymentEntry(BaseModel):
    type: Literal["payment.received"] = Field(description="A payment recorded (`at`).")
    at: datetime
    payment: str = Field(description="The payment's id.")
    amount: Number
    date: date
    method: str | None
    reference: str | None


class EmailEntry(BaseModel):
    type: Literal["email.sent", "email.failed"] = Field(
        description="`email.failed`: the worker gave up (`error` says why)."
    )
    at: datetime
    email: str = Field(description="The email's id.")
    kind: Literal["invoice", "reminder"] = Field(
        description="`invoice`: the invoice itself; `reminder`: a payment reminder."
    )
    to: list[str]
    cc: list[str]
    error: str | None


class ReminderSkippedEntry(BaseModel):
    type: Literal["reminder.skipped"] = Field(
        description="A scheduled payment reminder not sent (`reason` says why: `no_email`, the"
        " client has none). A reminder sent is an `email.sent` of kind `reminder`."
    )
    at: datetime
    reminder: str = Field(description="The reminder's id.")
    step: int | None = Field(description="Days from the due date of the schedule's step.")
    reason: str


class RecordAeatOut(BaseModel):
    code: str | None
    description: str | None
    csv: str | None


RecordEntryType = Literal[
    "record.generated",
    "record.submitted",
    "record.accepted",
    "record.accepted_with_errors",
    "record.rejected",
]


class RecordEntry(BaseModel):
    type: RecordEntryType = Field(
        description="`record.generated`: chained (`at`: its generation time, to the second);"
        " `record.submitted`: its latest submission to AEAT went; the rest, AEAT's answer."
    )
    at: datetime
    record: str = Field(description="The record's id.")
    kind: Literal["alta", "anulacion"]
    aeat: RecordAeatOut | None = Field(description="AEAT's answer, on the answer's entry.")


class PublicLinkEntry(BaseModel):
    type: Literal["public_link.created"]
    at: datetime
    enabled: bool
    expires_at: datetime


ActivityEntry = Annotated[
    InvoiceCreatedEntry
    | InvoiceIssuedEntry
    | InvoicePaidEntry
    | InvoiceOverdueEntry
    | InvoiceVoidedEntry
    | PaymentEntry
    | EmailEntry
    | ReminderSkippedEntry
    | RecordEntry
    | PublicLinkEntry,
    Field(discriminator="type"),
]


class InvoiceActivityOut(BaseModel):
    object: Literal["invoice_activity"]
    invoice: str = Field(description="The invoice's id.")
    data: list[ActivityEntry] = Field(
        description="Oldest first. Entries of one change keep their cause first (an issue"
        " before its record), so `at` may step back by less than a second."
    )

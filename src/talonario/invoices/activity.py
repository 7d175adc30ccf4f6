"""An invoice's activity (GET /v1/invoices/{id}/activity): a timeline composed from what the
database keeps about it for good (the invoice row, its payments, emails, VERI*FACTU records
and public link), so it never expires, unlike the 30-day events feed (webhooks/feed.py).

Each source below reads one of those and says what happened when. Entry types are stable:
`invoice.created`, `invoice.issued`, `record.generated`, `record.submitted`, `record.accepted`,
`record.accepted_with_errors`, `record.rejected`, `payment.received`, `invoice.paid`,
`invoice.overdue`, `email.sent`, `email.failed` (each email of kind `invoice` or `reminder`),
`reminder.skipped`, `public_link.created`, `invoice.voided`.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy.orm import Session

from talonario.invoices.activity_repository import ActivityRepository
from talonario.invoices.activity_schemas import (
    ActivityEntry,
    EmailEntry,
    InvoiceCreatedEntry,
    InvoiceIssuedEntry,
    InvoiceOverdueEntry,
    InvoicePaidEntry,
    InvoiceVoidedEntry,
    PaymentEntry,
    PublicLinkEntry,
    RecordAeatOut,
    RecordEntry,
    RecordEntryType,
    ReminderSkippedEntry,
)
from talonario.invoices.lookup import get
from talonario.models import Invoice


@dataclass(frozen=True, slots=True)
class Happened:
    """An entry and where it sorts: its own moment, or that of the change it came from when
    that is later (a record's generation time is kept to the second, its issue's is not)."""

    after: datetime
    entry: ActivityEntry


Source = Callable[[ActivityRepository, Invoice], Iterable[Happened]]


def _lifecycle(repo: ActivityRepository, invoice: Invoice) -> Iterator[Happened]:
    created = invoice.created_at
    yield Happened(created, InvoiceCreatedEntry(type="invoice.created", at=created))
    if invoice.issued_at is not None and invoice.number and invoice.issued_on:
        issued = InvoiceIssuedEntry(
            type="invoice.issued",
            at=invoice.issued_at,
            number=invoice.number,
            issued_on=invoice.issued_on,
        )
        yield Happened(invoice.issued_at, issued)
    if invoice.overdue_at is not None and invoice.due_on is not None:
        overdue = InvoiceOverdueEntry(
            type="invoice.overdue", at=invoice.overdue_at, due_on=invoice.due_on
        )
        yield Happened(invoice.overdue_at, overdue)
    if invoice.voided_at is not None:
        voided = InvoiceVoidedEntry(
            type="invoice.voided", at=invoice.voided_at, reason=invoice.void_reason
        )
        yield Happened(invoice.voided_at, voided)


def _payments(repo: ActivityRepository, invoice: Invoice) -> Iterator[Happened]:
    last = invoice.created_at
    for p in repo.payments_of([invoice.id])[invoice.id]:
        last = max(last, p.created_at)
        entry = PaymentEntry(
            type="payment.received",
            at=p.created_at,
            payment=p.id,
            amount=p.amount,
            date=p.date,
            method=p.method,
            reference=p.reference,
        )
        yield Happened(p.created_at, entry)
    if invoice.paid_at is not None:  # paid in full, by the last payment
        paid = InvoicePaidEntry(
            type="invoice.paid", at=invoice.paid_at, paid_amount=invoice.paid_amount
        )
        yield Happened(max(invoice.paid_at, last), paid)


def _emails(repo: ActivityRepository, invoice: Invoice) -> Iterator[Happened]:
    for row in repo.emails(invoice.id):
        kind: Literal["email.sent", "email.failed"]
        if row.status == "sent" and row.sent_at is not None:
            kind, at, error = "email.sent", row.sent_at, None
        elif row.status == "failed" and row.last_attempt_at is not None:
            kind, at, error = "email.failed", row.last_attempt_at, row.last_error
        else:
            continue  # not sent yet (or cancelled): nothing has happened to it
        sort: Literal["invoice", "reminder"] = "reminder" if row.kind == "reminder" else "invoice"
        entry = EmailEntry(
            type=kind, at=at, email=row.id, kind=sort, to=row.to, cc=row.cc, error=error
        )
        yield Happened(at, entry)


def _skipped_reminders(repo: ActivityRepository, invoice: Invoice) -> Iterator[Happened]:
    for reminder in repo.skipped_reminders(invoice.id):
        entry = ReminderSkippedEntry(
            type="reminder.skipped",
            at=reminder.created_at,
            reminder=reminder.id,
            step=reminder.step,
            reason=reminder.skip_reason or "",
        )
        yield Happened(reminder.created_at, entry)


# AEAT's answer to a record, by the status it left.
_ANSWERS: dict[str, RecordEntryType] = {
    "accepted": "record.accepted",
    "accepted_with_errors": "record.accepted_with_errors",
    "rejected": "record.rejected",
}


def _records(repo: ActivityRepository, invoice: Invoice) -> Iterator[Happened]:
    for record, submitted in repo.records(invoice.id):
        kind: Literal["alta", "anulacion"] = "alta" if record.kind == "alta" else "anulacion"
        cause = invoice.voided_at if kind == "anulacion" else invoice.issued_at
        generated = RecordEntry(
            type="record.generated", at=record.generated_at, record=record.id, kind=kind, aeat=None
        )
        after = max(record.generated_at, cause or record.generated_at)
        yield Happened(after, generated)
        if submitted is not None:
            sent = RecordEntry(
                type="record.submitted", at=submitted, record=record.id, kind=kind, aeat=None
            )
            after = max(submitted, after)
            yield Happened(after, sent)
        answered = _ANSWERS.get(record.status)
        if answered is not None and record.submitted_at is not None:
            aeat = RecordAeatOut(
                code=record.aeat_code, description=record.aeat_description, csv=record.aeat_csv
            )
            answer = RecordEntry(
                type=answered,
                at=record.submitted_at,
                record=record.id,
                kind=kind,
                aeat=aeat,
            )
            yield Happened(max(record.submitted_at, after), answer)


def _public_link(repo: ActivityRepository, invoice: Invoice) -> Iterator[Happened]:
    link, _ = repo.delivery_of(invoice)
    if link is not None:
        entry = PublicLinkEntry(
            type="public_link.created",
            at=link.created_at,
            enabled=link.enabled,
            expires_at=link.expires_at,
        )
        yield Happened(link.created_at, entry)


# What the timeline is made of, one source per table that keeps something about the invoice.
# A new one is a function added here.
SOURCES: tuple[Source, ...] = (
    _lifecycle,
    _records,
    _payments,
    _emails,
    _skipped_reminders,
    _public_link,
)


def _order(happened: Happened) -> tuple[bool, datetime]:
    # The invoice's creation first: one created and issued in one call was stamped created
    # a moment after its issue, when its row was written.
    return happened.entry.type != "invoice.created", happened.after


def activity(session: Session, company_id: str, ref: str) -> tuple[Invoice, list[ActivityEntry]]:
    """The invoice `ref` (its id or external_id) and what happened to it, oldest first."""
    invoice = get(session, company_id, ref)
    repo = ActivityRepository(session, company_id)
    found = [happened for source in SOURCES for happened in source(repo, invoice)]
    # sorted() is stable: entries of the same moment keep their sources' order.
    return invoice, [h.entry for h in sorted(found, key=_order)]

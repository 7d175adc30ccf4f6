"""Recurring invoices: templates (create, change, pause, resume, delete) and the making of
one occurrence's invoice, through the invoices service, with its run row in one transaction.

Dates. An invoice is dated the day it is made, never its scheduled day: VERI*FACTU refuses an
issue date in the future and its record is made when the invoice is issued, so a day of
downtime cannot be papered over by backdating. The scheduled day stays on the run
(`scheduled_on`), and when it is before the issue day (a catch-up) it becomes the invoice's
`operation_date` (FechaOperacion: the day the charge of that period arose), so the record
still says which period it bills. Each missed occurrence is made once, in order, on the day of
the catch-up.

Pause and resume. A paused template makes nothing. Resuming does not backfill: occurrences
after the day it was paused and before the day it is resumed are skipped; one due on or
before the pause's day and not made yet (the worker had not run, or paused it on an error) is
still made, and so is the resume day's own.
"""

from datetime import date, timedelta
from typing import Any

from sqlalchemy.orm import Session

from talonario.config import Settings
from talonario.db.rows import stage_new
from talonario.documents import service as documents
from talonario.errors import Conflict, InvalidRequest, NotFound
from talonario.invoices import service as invoices
from talonario.invoices.parties import resolve_client
from talonario.invoices.schemas import ClientInline, InvoiceCreate
from talonario.kit import external_ids
from talonario.kit.clock import utcnow
from talonario.models import Company, Invoice, RecurringInvoice, RecurringInvoiceRun
from talonario.recurring.repository import RecurringInvoiceRepository
from talonario.recurring.schedule import Schedule
from talonario.recurring.schemas import (
    NEXT_DATES,
    RecurringInvoiceCreate,
    RecurringInvoiceUpdate,
)

SCHEDULE_FIELDS = ("interval", "every", "start_on")
INVOICE_FIELDS = ("type", "series", "lines", "notes", "withholding")


class RecurringInvoiceNotFound(NotFound):
    code = "recurring_invoice_not_found"


class RecurringInvoiceFinished(Conflict):
    code = "recurring_invoice_finished"


class RecurringInvoiceStarted(Conflict):
    code = "recurring_invoice_started"


class RecurringInvoiceHasInvoices(Conflict):
    code = "recurring_invoice_has_invoices"


def schedule_of(template: RecurringInvoice) -> Schedule:
    return Schedule(
        template.interval, template.every, template.start_on, template.end_on, template.count
    )


def get(
    session: Session, company_id: str, ref: str, *, for_update: bool = False
) -> RecurringInvoice:
    """By id or, failing that, by the caller's external_id."""
    return RecurringInvoiceRepository(session, company_id).found(
        RecurringInvoiceNotFound, ref, by_ref=True, for_update=for_update
    )


def next_dates(template: RecurringInvoice, today: date, n: int = NEXT_DATES) -> list[date]:
    """The next `n` occurrences' days; of a paused template, those resuming today would make."""
    if template.status == "finished":
        return []
    start = template.next_index
    if template.status == "paused" and template.paused_on is not None:
        start = schedule_of(template).resumed(start, template.paused_on, today)
    days: list[date] = []
    for _, day in schedule_of(template).following(start, template.made):
        if len(days) == n:
            break
        days.append(day)
    return days


# --- templates --------------------------------------------------------------------------------


def create(
    session: Session, company: Company, body: RecurringInvoiceCreate, today: date
) -> RecurringInvoice:
    repo = RecurringInvoiceRepository(session, company.id)
    repo.ensure_external_id_free(body.external_id)
    template = RecurringInvoice(
        company_id=company.id,
        status="active",
        interval=body.interval,
        every=body.every,
        start_on=body.start_on,
        end_on=body.end_on,
        count=body.count,
        issue=body.issue,
        send=body.send,
        due_days=body.due_days,
        next_index=0,
        made=0,
        external_id=body.external_id,
        meta=body.metadata or {},
    )
    template.invoice = {"type": body.type}
    _set_invoice(session, company, template, body, set(body.model_fields_set) | {"lines"})
    _check(session, company, template, today)
    _reschedule(template)
    repo.add(template)
    external_ids.flush(session, body.external_id, noun=RecurringInvoiceRepository.noun)
    return template


def update(
    session: Session, company: Company, ref: str, body: RecurringInvoiceUpdate, today: date
) -> RecurringInvoice:
    template = get(session, company.id, ref, for_update=True)
    changes = body.model_fields_set
    if template.status == "finished" and changes - {"metadata", "external_id"}:
        raise RecurringInvoiceFinished(
            "The recurring invoice is finished: only its metadata and external_id change."
        )
    moved = [f for f in SCHEDULE_FIELDS if f in changes]
    if moved and template.made:
        raise RecurringInvoiceStarted(
            "The schedule changes only before the first invoice: end this recurring invoice"
            " (end_on or count) and create another.",
            param=moved[0],
        )
    if "external_id" in changes:
        RecurringInvoiceRepository(session, company.id).ensure_external_id_free(
            body.external_id, template.id
        )
        template.external_id = body.external_id
    if "metadata" in changes:
        template.meta = body.metadata or {}
    for field in (*SCHEDULE_FIELDS, "issue", "send"):
        if field in changes:
            setattr(template, field, getattr(body, field))
    for field in ("end_on", "count", "due_days"):
        if field in changes:
            setattr(template, field, getattr(body, field))
    if template.send and not template.issue:
        raise InvalidRequest("send needs issue: a draft is not emailed.", param="send")
    if template.end_on is not None and template.end_on < template.start_on:
        raise InvalidRequest("end_on is before start_on.", param="end_on")
    if template.status != "finished":
        _set_invoice(session, company, template, body, changes)
        _check(session, company, template, today)
        _reschedule(template)
    external_ids.flush(session, body.external_id, noun=RecurringInvoiceRepository.noun)
    return template


def pause(session: Session, company_id: str, ref: str, today: date) -> RecurringInvoice:
    """Stop making invoices from today on (pausing a paused one changes nothing)."""
    template = get(session, company_id, ref, for_update=True)
    if template.status == "finished":
        raise RecurringInvoiceFinished("The recurring invoice is finished: nothing to pause.")
    if template.status == "active":
        template.status = "paused"
        template.paused_on = today
    session.flush()
    return template


def resume(session: Session, company_id: str, ref: str, today: date) -> RecurringInvoice:
    """Make invoices again from today's occurrence on: the paused gap is not backfilled."""
    template = get(session, company_id, ref, for_update=True)
    if template.status == "finished":
        raise RecurringInvoiceFinished("The recurring invoice is finished: nothing to resume.")
    if template.status == "paused":
        paused_on = template.paused_on or today
        template.next_index = schedule_of(template).resumed(template.next_index, paused_on, today)
        template.status = "active"
        template.paused_on = None
        template.last_error = None
        _reschedule(template)
    session.flush()
    return template


def delete(session: Session, company_id: str, ref: str) -> None:
    template = get(session, company_id, ref, for_update=True)
    if template.made:
        raise RecurringInvoiceHasInvoices(
            "The recurring invoice made invoices: pause it or end it (end_on, count) instead.",
        )
    RecurringInvoiceRepository(session, company_id).remove(template)
    session.flush()


def _set_invoice(
    session: Session,
    company: Company,
    template: RecurringInvoice,
    body: RecurringInvoiceCreate | RecurringInvoiceUpdate,
    changes: set[str],
) -> None:
    """What each invoice is made of, from the body's fields given: client and series by id, so
    a later change of their external_id or code does not lose them."""
    stored = dict(template.invoice)
    if "client" in changes:
        client_id, snapshot = resolve_client(session, company.id, body.client)
        template.client_id = client_id
        if isinstance(body.client, ClientInline):
            stored["client"] = body.client.model_dump(mode="json", exclude_none=True)
        else:
            stored["client"] = client_id
        stored["client_email"] = (snapshot or {}).get("email")
    if "series" in changes:
        stored["series"] = invoices.resolve_series(session, company.id, body.series)[0]
    for field in ("type", "lines", "notes", "withholding"):
        if field not in changes:
            continue
        value = getattr(body, field)
        if value is None:
            stored.pop(field, None)  # notes, withholding cleared (type and lines are NotNull)
        elif field == "lines":
            stored[field] = [ln.model_dump(mode="json", exclude_none=True) for ln in value]
        elif field == "withholding":
            stored[field] = value.model_dump(mode="json")
        else:
            stored[field] = value
    template.invoice = stored
    if template.send and not stored.get("client_email"):
        raise InvalidRequest(
            "send emails each invoice to the client's email, and the client has none.",
            param="client",
            code="email_recipient_required",
        )


def _check(session: Session, company: Company, template: RecurringInvoice, today: date) -> None:
    """The invoice rules on the invoice the template makes, as if made today: a template whose
    invoices would be refused is refused now, naming the same field."""
    body = invoice_body(template, issue=template.issue, scheduled_on=today, today=today)
    invoices.prepare(session, company, body, today)


def _reschedule(template: RecurringInvoice) -> None:
    """The next occurrence from `next_index`, or finished when the schedule has none left."""
    following = schedule_of(template).next_after(template.next_index, template.made)
    if following is None:
        template.status = "finished"
        template.next_on = None
        template.finished_at = template.finished_at or utcnow()
        return
    template.next_index, template.next_on = following
    if template.status == "finished":
        template.status = "active"
        template.finished_at = None


# --- one occurrence ---------------------------------------------------------------------------


def invoice_body(
    template: RecurringInvoice,
    *,
    issue: bool,
    scheduled_on: date,
    today: date,
    occurrence: int | None = None,
) -> InvoiceCreate:
    """The POST /v1/invoices body of an occurrence: dated the day it is made (`today`), with
    its scheduled day as operation date when that is earlier (a catch-up)."""
    stored = template.invoice
    fields: dict[str, Any] = {k: stored[k] for k in (*INVOICE_FIELDS, "client") if k in stored}
    fields["issue"] = issue
    if template.due_days is not None:
        fields["due_on"] = today + timedelta(days=template.due_days)
    if scheduled_on < today:
        fields["operation_date"] = scheduled_on
    if occurrence is not None:
        fields["metadata"] = {
            "recurring_invoice": template.id,
            "recurring_occurrence": str(occurrence),
            "recurring_scheduled_on": scheduled_on.isoformat(),
        }
    return InvoiceCreate.model_validate(fields)


def make_next(
    session: Session,
    settings: Settings,
    company: Company,
    template: RecurringInvoice,
    today: date,
) -> Invoice:
    """The invoice of the template's next occurrence (locked by the caller and due), its run
    row and, to send, its email, all in the caller's transaction; the template moves on (or
    finishes). The run's UNIQUE (template, occurrence) refuses a second of the same."""
    occurrence, scheduled_on = template.next_index, template.next_on
    assert scheduled_on is not None and scheduled_on <= today
    body = invoice_body(
        template,
        issue=template.issue,
        scheduled_on=scheduled_on,
        today=today,
        occurrence=occurrence,
    )
    invoice = invoices.prepare(session, company, body, today)
    invoices.save_new(session, settings, company, invoice, template.issue)
    stage_new(
        session,
        RecurringInvoiceRun(
            company_id=company.id,
            template_id=template.id,
            occurrence=occurrence,
            scheduled_on=scheduled_on,
            invoice_id=invoice.id,
        ),
    )
    email = (invoice.client or {}).get("email")
    if template.send and template.issue and email:
        # The send outbox (documents/mailer.py), as POST /v1/invoices/{id}/send writes it; the
        # worker sends it after this commit. Staged: the invoice's own row is inserted then.
        stage_new(session, documents.pending_email(company.id, invoice.id, [email]))
    template.made += 1
    template.next_index = occurrence + 1
    _reschedule(template)
    return invoice


def halt(template: RecurringInvoice, today: date, error: str) -> None:
    """Paused by the worker: the next occurrence broke an invoice rule (a client deleted, a
    tax no longer valid). Resuming makes it, once the cause is fixed."""
    template.status = "paused"
    template.paused_on = today
    template.last_error = error[:2000]

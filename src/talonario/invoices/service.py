"""Invoices: new drafts (prepared in a read phase, stored or issued in the write one), and
changing or deleting a draft. Issuing is invoices/issuing.py; voiding and rectifying,
invoices/lifecycle.py.
"""

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from talonario.config import Settings
from talonario.db.rows import insert_new
from talonario.errors import InvalidRequest
from talonario.invoices.errors import conflict_of, flush
from talonario.invoices.events import announce
from talonario.invoices.issuing import check_issue, ensure_draft, number_and_chain
from talonario.invoices.lines import apply_totals, build_lines, line_inputs
from talonario.invoices.lookup import get
from talonario.invoices.parties import resolve_client
from talonario.invoices.references import resolve_substitutes
from talonario.invoices.repository import InvoiceRepository
from talonario.invoices.schemas import InvoiceCreate, InvoiceUpdate
from talonario.kit.clock import today_in
from talonario.kit.ids import new_id
from talonario.models import Company, Invoice
from talonario.series import service as series_service


def _check_type(invoice_type: str) -> None:
    if invoice_type.startswith("R"):
        raise InvalidRequest(
            "Rectifying invoices (R1–R5) are created from the invoice they rectify.",
            param="type",
            code="corrective_needs_original",
        )


def resolve_series(
    session: Session, company_id: str, ref: str | None
) -> tuple[str | None, str | None]:
    if ref is None:
        return None, None
    series = series_service.find_by_code_or_id(session, company_id, ref)
    if series is None:
        raise InvalidRequest(f"No series '{ref}'.", param="series", code="series_not_found")
    return series.id, series.code


def new_draft(company_id: str, **fields: Any) -> Invoice:
    """A transient draft (not yet in any session) with what every new invoice starts from."""
    defaults: dict[str, Any] = {
        "id": new_id(),
        "company_id": company_id,
        "status": "draft",
        "currency": "EUR",
        "meta": {},
        "tags": [],
        "custom_fields": {},
        "exclude_347": False,
        "paid_amount": Decimal("0.00"),
    }
    return Invoice(**(defaults | fields))


def prepare(session: Session, company: Company, body: InvoiceCreate, today: date) -> Invoice:
    """Everything a new invoice needs that only reads: the caller's read session, no lock held.

    With `"issue": true` the issue checks run here too, so the write transaction that follows
    only numbers, chains and stores.
    """
    _check_type(body.type)
    InvoiceRepository(session, company.id).ensure_external_id_free(body.external_id)
    series_id, series_code = resolve_series(session, company.id, body.series)
    client_id, client = resolve_client(session, company.id, body.client)
    on = body.operation_date or body.issued_on or today
    lines, inputs = build_lines(session, company.id, body.lines, on)
    invoice = new_draft(
        company.id,
        series_id=series_id,
        series_code=series_code,
        type=body.type,
        issued_on=body.issued_on,
        operation_date=body.operation_date,
        due_on=body.due_on,
        client_id=client_id,
        client=client,
        currency=body.currency,
        notes=body.notes,
        external_id=body.external_id,
        meta=body.metadata or {},
        tags=body.tags or [],
        custom_fields=body.custom_fields or {},
        exclude_347=bool(body.exclude_347),
        activity=body.activity,
        substitutes=resolve_substitutes(session, company.id, body.type, body.substitutes),
    )
    apply_totals(invoice, lines, inputs, body.withholding.rate if body.withholding else None)
    if body.issue:
        invoice.issued_on = check_issue(session, company, invoice, today, refresh_client=False)
    return invoice


def save_new(
    session: Session,
    settings: Settings,
    company: Company,
    invoice: Invoice,
    issue: bool,
    installation_id: str | None = None,
) -> Invoice:
    """Store a prepared invoice; issuing it numbers and chains it in the same transaction, in
    the installation `installation_id` (None: the company's default one).

    The row is written with a plain INSERT (db/rows.py): the invoice is new and nothing else in
    the transaction touches it, so the ORM's unit of work would only add cost under the lock.
    """
    try:
        if issue:
            assert invoice.issued_on is not None, "prepare() checks an invoice to issue"
            number_and_chain(
                session,
                settings,
                company,
                invoice,
                invoice.issued_on,
                new=True,
                installation_id=installation_id,
            )
            announce(session, invoice, "invoice.issued", today_in(company.timezone))
        else:
            insert_new(session, invoice)
    except IntegrityError as exc:
        raise conflict_of(exc) from exc
    return invoice


def update(
    session: Session, company_id: str, ref: str, body: InvoiceUpdate, today: date
) -> Invoice:
    invoice = get(session, company_id, ref, for_update=True)
    ensure_draft(invoice)
    changes = body.model_dump(exclude_unset=True)
    if body.type is not None:
        _check_type(body.type)
        if invoice.corrective:
            raise InvalidRequest(
                "A corrective invoice keeps its type: rectify the original again instead.",
                param="type",
            )
        invoice.type = body.type
    if "activity" in changes:
        invoice.activity = body.activity
    if "substitutes" in changes or (body.type is not None and invoice.substitutes):
        refs = (
            body.substitutes
            if "substitutes" in changes
            else [s["id"] for s in invoice.substitutes or ()]
        )
        invoice.substitutes = resolve_substitutes(session, company_id, invoice.type, refs)
    if "external_id" in changes:
        InvoiceRepository(session, company_id).ensure_external_id_free(body.external_id, invoice.id)
        invoice.external_id = body.external_id
    if "series" in changes:
        invoice.series_id, invoice.series_code = resolve_series(session, company_id, body.series)
    if "client" in changes:
        invoice.client_id, invoice.client = resolve_client(session, company_id, body.client)
    for field in ("issued_on", "operation_date", "due_on", "notes"):
        if field in changes:
            setattr(invoice, field, changes[field])
    if "metadata" in changes:
        invoice.meta = body.metadata or {}
    if "tags" in changes:
        invoice.tags = body.tags or []
    if "custom_fields" in changes:
        invoice.custom_fields = body.custom_fields or {}
    if "exclude_347" in changes:
        invoice.exclude_347 = bool(body.exclude_347)
    on = invoice.operation_date or invoice.issued_on or today
    lines = [dict(line) for line in invoice.lines]
    inputs = line_inputs(lines)
    if body.lines is not None:
        lines, inputs = build_lines(session, company_id, body.lines, on)
    withholding = invoice.withholding_rate
    if "withholding" in changes:
        withholding = body.withholding.rate if body.withholding else None
    apply_totals(invoice, lines, inputs, withholding)
    flush(session)
    return invoice


def delete(session: Session, company_id: str, ref: str) -> None:
    invoice = get(session, company_id, ref, for_update=True)
    ensure_draft(invoice)
    InvoiceRepository(session, company_id).remove(invoice)
    session.flush()

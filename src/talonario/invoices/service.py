"""Invoices: drafts, issuing (number + snapshots, atomically), reading and listing.

`issue()` runs inside the caller's transaction: the number is taken under the series row's lock,
held until that transaction ends, and the VERI*FACTU record of the same invoice joins this
transaction, so an invoice is never issued without its number and its record, nor either without
the other.
"""

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from talonario.clients import service as clients
from talonario.config import Settings
from talonario.db.rows import insert_new
from talonario.errors import Conflict, InvalidRequest, NotFound
from talonario.invoices import preflight
from talonario.invoices.presenter import present_invoice
from talonario.invoices.repository import InvoiceRepository, ListFilters
from talonario.invoices.schemas import ClientInline, InvoiceCreate, InvoiceUpdate, LineIn
from talonario.kit import external_ids
from talonario.kit.clock import utcnow
from talonario.kit.ids import new_id
from talonario.models import Client, Company, Invoice, Payment
from talonario.products import service as products
from talonario.records import service as verifactu
from talonario.series import service as series_service
from talonario.taxes.tax_schema import DEFAULT_TAX, line_tax, stored_tax
from talonario.taxes.totals import (
    LineInput,
    TaxRuleViolation,
    check_line_tax,
    compute_totals,
)
from talonario.webhooks import outbox

# The series kind each invoice type is numbered in (RD 1619/2012 art. 6.1.a: rectifying
# invoices need a series of their own).
KIND_OF_TYPE = {
    "F1": "standard",
    "F3": "standard",
    "F2": "simplified",
    "R1": "corrective",
    "R2": "corrective",
    "R3": "corrective",
    "R4": "corrective",
    "R5": "corrective",
}
ISSUED = ("issued", "partially_paid", "paid")


class InvoiceNotFound(NotFound):
    code = "invoice_not_found"


class InvoiceAlreadyIssued(Conflict):
    code = "invoice_already_issued"


class InvoiceNumberTaken(Conflict):
    code = "invoice_number_taken"


class InvoiceNotIssued(Conflict):
    code = "invoice_not_issued"


class InvoiceVoided(Conflict):
    code = "invoice_voided"


class AlreadySubstituted(Conflict):
    code = "invoice_already_substituted"


class SeriesKindMismatch(InvalidRequest):
    code = "series_kind_mismatch"


def get(
    session: Session, company_id: str, ref: str, for_update: bool = False, param: str = "id"
) -> Invoice:
    """By Talonario id or, failing that, by the caller's external_id."""
    invoice = InvoiceRepository(session, company_id).get_by_ref(ref, for_update=for_update)
    if invoice is None:
        raise InvoiceNotFound(f"No invoice '{ref}'.", param=param)
    return invoice


def list_invoices(
    session: Session,
    company_id: str,
    filters: ListFilters,
    limit: int,
    starting_after: str | None,
) -> tuple[Sequence[Invoice], bool]:
    return InvoiceRepository(session, company_id).listed(filters, limit, starting_after)


def payments_of(
    session: Session, company_id: str, invoice_ids: Sequence[str]
) -> dict[str, list[Payment]]:
    return InvoiceRepository(session, company_id).payments_of(invoice_ids)


def ensure_external_id_free(
    session: Session, company_id: str, external_id: str | None, own_id: str | None = None
) -> None:
    """409 `external_id_taken` if another invoice of the company has this external_id."""
    if external_id is None:
        return
    owner = InvoiceRepository(session, company_id).external_id_owner(external_id)
    if owner is not None and owner != own_id:
        raise external_ids._taken("invoice", external_id)


# --- lines and totals -------------------------------------------------------------------------


def build_lines(
    session: Session, company_id: str, lines: list[LineIn], on: date
) -> tuple[list[dict[str, Any]], list[LineInput]]:
    catalogue = products.get_many(session, company_id, (ln.product for ln in lines if ln.product))
    stored: list[dict[str, Any]] = []
    inputs: list[LineInput] = []
    for i, line in enumerate(lines):
        product = catalogue.get(line.product) if line.product else None
        if line.product and product is None:
            raise InvalidRequest(f"No product '{line.product}'.", param=f"lines.{i}.product")
        if line.tax is not None:
            tax_data = line.tax.model_dump(mode="python")
        elif product is not None:
            tax_data = product.tax
        else:
            tax_data = DEFAULT_TAX
        tax = line_tax(tax_data)
        try:
            check_line_tax(tax, on=on)
        except TaxRuleViolation as exc:
            raise InvalidRequest(exc.message, param=f"lines.{i}.{exc.param}") from None
        unit_price = line.unit_price if line.unit_price is not None else product.unit_price  # type: ignore[union-attr]
        inputs.append(LineInput(line.quantity, unit_price, line.discount_percent, tax))
        stored.append(
            {
                "description": line.description or product.name,  # type: ignore[union-attr]
                "product": product.id if product is not None else None,
                "quantity": line.quantity,
                "unit": line.unit if line.unit is not None else (product.unit if product else None),
                "unit_price": unit_price,
                "discount_percent": line.discount_percent,
                "tax": stored_tax(tax),
            }
        )
    return stored, inputs


def apply_totals(
    invoice: Invoice,
    lines: list[dict[str, Any]],
    inputs: list[LineInput],
    withholding: Decimal | None,
) -> None:
    try:
        totals = compute_totals(inputs, withholding_rate=withholding)
    except TaxRuleViolation as exc:
        param = "withholding.rate" if exc.param == "withholding_rate" else f"lines.{exc.param}"
        raise InvalidRequest(exc.message, param=param) from None
    for line_out, amounts in zip(lines, totals.lines, strict=True):
        line_out.update(subtotal=amounts.subtotal, taxes=amounts.taxes + amounts.surcharge)
        line_out["total"] = amounts.total
    invoice.lines = lines
    invoice.tax_breakdown = [
        {
            "tax_type": row.tax_type.value,
            "regime": row.regime,
            "operation": row.operation,
            "rate": row.rate,
            "base": row.base,
            "tax_amount": row.tax_amount,
            "surcharge_rate": row.surcharge_rate,
            "surcharge_amount": row.surcharge_amount,
        }
        for row in totals.tax_breakdown
    ]
    invoice.subtotal = totals.subtotal
    invoice.taxes_total = totals.taxes_total
    invoice.surcharge_total = totals.surcharge_total
    invoice.withholding_rate = totals.withholding_rate
    invoice.withholding_total = totals.withholding_total
    invoice.total = totals.total


def line_inputs(lines: list[dict[str, Any]]) -> list[LineInput]:
    return [
        LineInput(
            Decimal(ln["quantity"]),
            Decimal(ln["unit_price"]),
            Decimal(ln["discount_percent"]),
            line_tax(ln["tax"]),
        )
        for ln in lines
    ]


# --- recipients ---------------------------------------------------------------------------------


def _client_snapshot(client: Client) -> dict[str, Any]:
    return {
        "name": client.name,
        "nif": client.nif,
        "foreign_id": client.foreign_id,
        "email": client.email,
        "address": client.address,
    }


def resolve_client(
    session: Session, company_id: str, ref: str | ClientInline | None
) -> tuple[str | None, dict[str, Any] | None]:
    if ref is None:
        return None, None
    if isinstance(ref, ClientInline):
        return None, ref.model_dump(mode="python")
    client = clients.get(session, company_id, ref, param="client")
    return client.id, _client_snapshot(client)


def _issuer_snapshot(company: Company) -> dict[str, Any]:
    return {
        "legal_name": company.legal_name,
        "trade_name": company.trade_name,
        "nif": company.nif,
        "address": company.address,
        "email": company.email,
        "phone": company.phone,
    }


# --- create, change, delete ---------------------------------------------------------------------


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
    ensure_external_id_free(session, company.id, body.external_id)
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
    session: Session, settings: Settings, company: Company, invoice: Invoice, issue: bool
) -> Invoice:
    """Store a prepared invoice; issuing it numbers and chains it in the same transaction.

    The row is written with a plain INSERT (db/rows.py): the invoice is new and nothing else in
    the transaction touches it, so the ORM's unit of work would only add cost under the lock.
    """
    with _integrity_as_conflict():
        if issue:
            assert invoice.issued_on is not None, "prepare() checks an invoice to issue"
            number_and_chain(session, settings, company, invoice, invoice.issued_on, new=True)
            announce(session, invoice, "invoice.issued")
        else:
            insert_new(session, invoice)
    return invoice


def announce(session: Session, invoice: Invoice, event_type: str) -> None:
    """The webhook event of a change, in the change's transaction (built only if wanted)."""
    if outbox.wants(session, invoice.company_id, event_type):
        outbox.emit(session, invoice.company_id, event_type, present_invoice(invoice))


def _ensure_draft(invoice: Invoice) -> None:
    if invoice.status != "draft":
        raise InvoiceAlreadyIssued(
            f"Invoice {invoice.number} is issued: it can no longer change or be deleted."
            " Correct it with a rectifying invoice.",
        )


def update(
    session: Session, company_id: str, ref: str, body: InvoiceUpdate, today: date
) -> Invoice:
    invoice = get(session, company_id, ref, for_update=True)
    _ensure_draft(invoice)
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
        ensure_external_id_free(session, company_id, body.external_id, invoice.id)
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
    _ensure_draft(invoice)
    InvoiceRepository(session, company_id).remove(invoice)
    session.flush()


def conflict_of(exc: IntegrityError) -> Conflict:
    """What a constraint refusing an invoice means to the caller (rows written at commit, in
    group commit, meet theirs there: the endpoint maps them with this)."""
    taken = external_ids.refused(exc, "invoice")
    if taken is not None:
        return taken
    return InvoiceNumberTaken(
        "The series produced a number another invoice already has; check its format.",
        param="series",
    )


@contextmanager
def _integrity_as_conflict() -> Iterator[None]:
    try:
        yield
    except IntegrityError as exc:
        raise conflict_of(exc) from exc


def flush(session: Session) -> None:
    with _integrity_as_conflict():
        session.flush()


# --- issuing ------------------------------------------------------------------------------------


def _check_issuable(invoice: Invoice, company: Company, today: date) -> date:
    """The AEAT pre-flight (invoices/preflight.py) on the draft as it would be issued."""
    issued_on = invoice.issued_on or today
    draft = preflight.Draft(
        type=invoice.type,
        issued_on=issued_on,
        operation_date=invoice.operation_date,
        client=invoice.client,
        lines=invoice.lines,
        tax_breakdown=invoice.tax_breakdown,
        subtotal=invoice.subtotal,
        taxes_total=invoice.taxes_total,
        surcharge_total=invoice.surcharge_total,
        activity=invoice.activity,
        substitutes=len(invoice.substitutes or ()),
        withholding_rate=invoice.withholding_rate,
        issuer_address=company.address,
        rectification=(invoice.corrective or {}).get("method"),
    )
    try:
        preflight.check(draft, today)
    except preflight.Violation as v:
        raise InvalidRequest(v.message, param=v.param, code=v.code) from None
    return issued_on


def check_issue(
    session: Session, company: Company, invoice: Invoice, today: date, refresh_client: bool
) -> date:
    """What must hold before a draft may be numbered; only reads. Returns the issue date.

    `refresh_client` takes a fresh snapshot of a stored client (a draft may be older than the
    client's last change); a client resolved a moment ago needs none.
    """
    _ensure_draft(invoice)
    kind = KIND_OF_TYPE[invoice.type]
    if invoice.series_id is not None:
        series = series_service.get(session, company.id, invoice.series_id)
        if series.kind != kind:
            raise SeriesKindMismatch(
                f"A {invoice.type} invoice is numbered in a {kind} series, not {series.kind}.",
                param="series",
            )
    if refresh_client and invoice.client_id is not None:
        invoice.client = _client_snapshot(
            clients.get(session, company.id, invoice.client_id, "client")
        )
    return _check_issuable(invoice, company, today)


def number_and_chain(
    session: Session,
    settings: Settings,
    company: Company,
    invoice: Invoice,
    issued_on: date,
    *,
    new: bool = False,
) -> Invoice:
    """The locked part of issuing: the number, the frozen issuer and the chained alta record.

    Runs in the caller's write transaction and never commits: the number and the record are
    stored together or not at all. Everything that only reads was checked before.
    """
    verifactu.lock_chain(session, company.id)
    assigned = series_service.assign_number(
        session, company.id, invoice.series_id, KIND_OF_TYPE[invoice.type], issued_on.year
    )
    invoice.series_id = assigned.series_id
    invoice.series_code = assigned.series_code
    invoice.number = assigned.number
    invoice.sequence = assigned.sequence
    invoice.issued_on = issued_on
    invoice.issued_at = utcnow()
    invoice.issuer = _issuer_snapshot(company)
    invoice.status = "issued"
    if invoice.id is None:
        invoice.id = new_id()
    mark_substituted(session, company.id, invoice)
    verifactu.record_issue(session, settings, company, invoice, new=new)
    return invoice


def issue(
    session: Session, settings: Settings, company: Company, invoice: Invoice, today: date
) -> Invoice:
    """Check, number and chain in one transaction (the caller's)."""
    issued_on = check_issue(session, company, invoice, today, refresh_client=True)
    return number_and_chain(session, settings, company, invoice, issued_on)


def prepare_issue(session: Session, company: Company, ref: str, today: date) -> Invoice:
    """Read phase of issuing a stored draft: load it and run every check, holding no lock."""
    invoice = get(session, company.id, ref)
    invoice.issued_on = check_issue(session, company, invoice, today, refresh_client=True)
    return invoice


def issue_prepared(
    session: Session, settings: Settings, company: Company, prepared: Invoice, today: date
) -> Invoice:
    """Write phase: lock the draft; if it changed since it was checked, check it again here."""
    verifactu.lock_chain(session, company.id)
    invoice = get(session, company.id, prepared.id, for_update=True)
    _ensure_draft(invoice)
    if invoice.updated_at != prepared.updated_at:
        issue(session, settings, company, invoice, today)
    else:
        invoice.client = prepared.client
        assert prepared.issued_on is not None
        number_and_chain(session, settings, company, invoice, prepared.issued_on)
    flush(session)
    announce(session, invoice, "invoice.issued")
    return invoice


# --- references between invoices ----------------------------------------------------------------


def reference(invoice: Invoice) -> dict[str, Any]:
    """How another invoice cites this one (FacturasRectificadas, FacturasSustituidas)."""
    assert invoice.number and invoice.issued_on
    return {"id": invoice.id, "number": invoice.number, "issued_on": invoice.issued_on}


def issued(invoice: Invoice, param: str) -> Invoice:
    if invoice.status == "voided":
        raise InvoiceVoided(f"Invoice {invoice.number} is voided.", param=param)
    if invoice.status not in ISSUED:
        raise InvoiceNotIssued("A draft has no record to act on: issue it first.", param=param)
    return invoice


def resolve_substitutes(
    session: Session, company_id: str, invoice_type: str, refs: Sequence[str] | None
) -> list[dict[str, Any]] | None:
    """The F2s an F3 replaces, checked: issued, simplified, not voided, not replaced already."""
    if not refs:
        return None
    if invoice_type != "F3":
        raise InvalidRequest("Only an F3 substitutes simplified invoices.", param="substitutes")
    found: dict[str, dict[str, Any]] = {}
    for i, ref in enumerate(refs):
        param = f"substitutes.{i}"
        original = issued(get(session, company_id, ref, param=param), param)
        if original.type != "F2":
            raise InvalidRequest(
                f"Invoice {original.number} is a {original.type}: an F3 replaces F2s only.",
                param=param,
            )
        if original.substituted_by is not None:
            raise AlreadySubstituted(
                f"Invoice {original.number} is already replaced by another F3.", param=param
            )
        found[original.id] = reference(original)
    return list(found.values())


def mark_substituted(session: Session, company_id: str, invoice: Invoice) -> None:
    """In the issue transaction: the F2s point at their F3, unless another F3 won the race."""
    if not invoice.substitutes:
        return
    ids = [s["id"] for s in invoice.substitutes]
    marked = InvoiceRepository(session, company_id).mark_substituted(ids, invoice.id)
    if marked != len(ids):
        raise AlreadySubstituted(
            "A simplified invoice listed in `substitutes` was replaced or voided meanwhile.",
            param="substitutes",
        )

"""Gateway records: checked against AEAT's rules and their own breakdown (read phase), then
chained as an invoice of origin `gateway` (write phase, under the chain's lock)."""

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from talonario.config import Settings
from talonario.errors import Conflict, InvalidRequest, NotFound
from talonario.gateway import repository
from talonario.gateway.schemas import GatewayRecordOut, RecordIn
from talonario.invoices import preflight
from talonario.invoices.errors import InvoiceNotFound, InvoiceNotIssued, InvoiceVoided
from talonario.invoices.lookup import get
from talonario.invoices.parties import issuer_snapshot
from talonario.kit.clock import utcnow
from talonario.kit.ids import new_id
from talonario.models import Company, Invoice
from talonario.records import service as verifactu

ZERO = Decimal("0.00")
# Margin and special regimes: ImporteTotal legitimately differs from bases plus quotas, and
# AEAT checks neither total (spec §7.6).
UNCHECKED_TOTAL_REGIMES = frozenset({"03", "05", "06", "08", "09"})
GATEWAY = "gateway"


class DuplicateRecord(Conflict):
    """The issuer already registered this number in this year: the existing record comes back
    in the error (`error.record`), so a caller that lost the first answer has it."""

    code = "duplicate_record"

    def __init__(self, existing: Invoice) -> None:
        super().__init__(
            f"Record {existing.number} of {existing.issued_on} is already registered"
            f" ({existing.id}).",
            param="number",
        )
        self.existing = GatewayRecordOut.of(existing).model_dump(mode="json")

    def body(self, request_id: str) -> dict[str, Any]:
        body = super().body(request_id)
        body["error"]["record"] = self.existing
        return body


class RecordNotFound(NotFound):
    code = "record_not_found"


def find(session: Session, company_id: str, ref: str, for_update: bool = False) -> Invoice:
    """A gateway record by id or external_id."""
    try:
        return get(session, company_id, ref, for_update=for_update, origin=GATEWAY)
    except InvoiceNotFound:
        raise RecordNotFound(f"No record '{ref}'.", param="id") from None


def check_new(
    session: Session, company_id: str, body: RecordIn, taken: dict[Any, Invoice] | None = None
) -> None:
    """A number the issuer already registered this year is a 409 carrying that record.
    `taken`: what repository.same_numbers found for a batch, asked once for all its records."""
    key = (body.number, body.issued_on.year)
    if taken is None:
        taken = repository.same_numbers(session, company_id, [key])
    existing = taken.get(key)
    if existing is not None and existing.origin == GATEWAY:
        raise DuplicateRecord(existing)
    if existing is not None:
        raise Conflict(
            f"Invoice {body.number} of {body.issued_on.year} was issued by Talonario"
            f" ({existing.id}): its record is already in the chain.",
            param="number",
            code="number_taken",
        )


def prepare(company: Company, body: RecordIn, today: date) -> Invoice:
    """The record as an unsaved invoice row, after every check that needs no lock."""
    rows = [_stored_row(i, row) for i, row in enumerate(body.tax_breakdown)]
    subtotal = sum((r.base for r in body.tax_breakdown), ZERO)
    taxes = sum((r.tax_amount or ZERO for r in body.tax_breakdown), ZERO)
    surcharge = sum((r.surcharge_amount or ZERO for r in body.tax_breakdown), ZERO)
    _check_totals(body, subtotal, taxes + surcharge)
    recipients = [
        {
            "name": r.name,
            "nif": r.nif,
            "foreign_id": r.foreign_id.model_dump() if r.foreign_id else None,
        }
        for r in body.recipients
    ]
    corrective = None
    if body.corrective is not None:
        corrective = body.corrective.model_dump(mode="json") | {"type": body.type, "reason": ""}
    invoice = Invoice(
        id=new_id(),
        company_id=company.id,
        origin=GATEWAY,
        number=body.number,
        issued_on=body.issued_on,
        issued_year=body.issued_on.year,
        type=body.type,
        status="issued",
        operation_date=body.operation_date,
        description=body.description,
        client=recipients[0] if recipients else None,
        recipients=recipients,
        issuer=issuer_snapshot(company),
        lines=[],
        tax_breakdown=rows,
        subtotal=subtotal,
        taxes_total=taxes,
        surcharge_total=surcharge,
        withholding_total=ZERO,
        total=body.total,
        currency="EUR",
        external_id=body.external_id,
        meta=body.metadata,
        tags=[],
        custom_fields={},
        exclude_347=False,
        paid_amount=ZERO,
        corrective=corrective,
        substitutes=[s.model_dump(mode="json") for s in body.substitutes] or None,
        activity=body.activity,
    )
    _preflight(invoice, body, today)
    return invoice


def register(
    session: Session,
    settings: Settings,
    company: Company,
    invoice: Invoice,
    installation_id: str | None,
) -> Invoice:
    """Write phase: chain the record's alta and insert its row, in the caller's transaction."""
    verifactu.lock_chain(session, company.id, installation_id)
    invoice.issued_at = utcnow()
    verifactu.record_issue(
        session, settings, company, invoice, new=True, installation_id=installation_id
    )
    return invoice


def cancel(
    session: Session, settings: Settings, company: Company, ref: str, reason: str | None
) -> Invoice:
    """The anulación of a gateway record, chained after everything before it."""
    verifactu.lock_chain(session, company.id)
    invoice = find(session, company.id, ref, for_update=True)
    if invoice.status == "voided":
        raise InvoiceVoided(f"Record {invoice.number} is already cancelled.", param="id")
    if invoice.status != "issued":
        raise InvoiceNotIssued(f"Record {invoice.number} cannot be cancelled.", param="id")
    verifactu.record_void(
        session, settings, company, invoice, alta_rejected=invoice.verifactu_status == "rejected"
    )
    invoice.status = "voided"
    invoice.voided_at = utcnow()
    invoice.void_reason = reason
    session.flush()
    return invoice


def _stored_row(i: int, row: Any) -> dict[str, Any]:
    param = f"tax_breakdown.{i}"
    if row.operation == "S1":
        if row.rate is None or row.tax_amount is None:
            raise InvalidRequest(
                "A subject operation (S1) states its rate and its tax_amount.",
                param=f"{param}.{'rate' if row.rate is None else 'tax_amount'}",
            )
    elif row.operation == "S2":
        if row.tax_amount not in (None, ZERO) or row.surcharge_rate is not None:
            raise InvalidRequest(
                "A reverse-charge operation (S2) charges no tax here: its recipient pays it"
                " (AEAT 1197).",
                param=f"{param}.tax_amount",
            )
    elif row.rate is not None or row.tax_amount is not None or row.surcharge_rate is not None:
        raise InvalidRequest(
            f"An exempt or not-subject operation ({row.operation}) has no rate, tax_amount or"
            " surcharge (AEAT 1237/1238).",
            param=f"{param}.rate",
        )
    if (row.surcharge_rate is None) != (row.surcharge_amount is None):
        raise InvalidRequest(
            "Recargo de equivalencia states both its rate and its amount (AEAT 1284).",
            param=f"{param}.surcharge_amount",
        )
    for name in ("tax_amount", "surcharge_amount"):
        amount = getattr(row, name)
        if amount and row.base and (amount > 0) != (row.base > 0):
            raise InvalidRequest("A quota has the sign of its base.", param=f"{param}.{name}")
    return {
        "tax_type": row.tax_type,
        "regime": row.regime,
        "operation": row.operation,
        "rate": None if row.rate is None else str(row.rate),
        "base": str(row.base),
        "tax_amount": None if row.tax_amount is None else str(row.tax_amount),
        "surcharge_rate": None if row.surcharge_rate is None else str(row.surcharge_rate),
        "surcharge_amount": None if row.surcharge_amount is None else str(row.surcharge_amount),
    }


class IncorrectTotal(InvalidRequest):
    code = "incorrect_total_amount"


def _check_totals(body: RecordIn, subtotal: Decimal, total_tax: Decimal) -> None:
    """The totals are the breakdown's, to the cent: never recomputed into something else."""
    if body.total_tax != total_tax:
        raise IncorrectTotal(
            f"total_tax is {body.total_tax} but the breakdown's tax_amount and"
            f" surcharge_amount add up to {total_tax}.",
            param="total_tax",
            code="incorrect_total_tax",
        )
    if {r.regime for r in body.tax_breakdown} & UNCHECKED_TOTAL_REGIMES:
        return
    if body.total != subtotal + total_tax:
        raise IncorrectTotal(
            f"total is {body.total} but the breakdown's bases and quotas add up to"
            f" {subtotal + total_tax}.",
            param="total",
        )


# Where the invoice rules name an invoice's field, the field of the record that holds it.
_PARAMS = (
    ("lines.", "tax_breakdown."),
    ("client.", "recipients.0."),
    ("client", "recipients"),
    ("lines", "tax_breakdown"),
)


def _record_param(param: str) -> str:
    for ours, theirs in _PARAMS:
        if param.startswith(ours):
            param = theirs + param[len(ours) :]
            break
    return (
        param.replace(".tax.", ".")
        .replace(".exemption", ".operation")
        .replace(".not_subject", ".operation")
    )


def _preflight(invoice: Invoice, body: RecordIn, today: date) -> None:
    """The AEAT rules an invoice of ours passes before issuing (invoices/preflight.py), on the
    record's breakdown rows as its lines. Addresses are not checked: they are on the invoice
    the caller issued, not in the record."""
    lines = [{"description": body.description, "tax": _row_tax(r)} for r in body.tax_breakdown]
    draft = preflight.Draft(
        type=invoice.type,
        issued_on=body.issued_on,
        operation_date=body.operation_date,
        client=invoice.client,
        lines=lines,
        tax_breakdown=invoice.tax_breakdown,
        subtotal=invoice.subtotal,
        taxes_total=invoice.taxes_total,
        surcharge_total=invoice.surcharge_total,
        activity=body.activity,
        substitutes=len(body.substitutes),
        rectification=body.corrective.method if body.corrective else None,
        addresses=False,
    )
    try:
        preflight.check(draft, today)
    except preflight.Violation as v:
        raise InvalidRequest(v.message, param=_record_param(v.param), code=v.code) from None


def _row_tax(row: Any) -> dict[str, Any]:
    op = row.operation
    return {
        "type": row.tax_type,
        "rate": row.rate if op == "S1" else None,
        "surcharge_rate": row.surcharge_rate,
        "regime": row.regime,
        "exemption": op if op.startswith("E") else None,
        "not_subject": op if op.startswith("N") else None,
        "reverse_charge": op == "S2",
    }

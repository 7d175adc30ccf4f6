"""After issue: voiding, rectifying, and substituting simplified invoices (spec §5.2, §7.8-7.9).

- void: the invoice should never have existed; an anulación record joins the chain.
- rectify: a new invoice (R1-R5, corrective series) that corrects one or more issued ones.
- substitute: an F3 replaces issued F2s; they are marked `substituted_by`, not cancelled.
"""

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from talonario.config import Settings
from talonario.errors import Conflict, InvalidRequest
from talonario.invoices import service
from talonario.invoices.errors import InvoiceNotIssued, InvoiceVoided, flush
from talonario.invoices.events import announce
from talonario.invoices.issuing import check_issue
from talonario.invoices.lines import apply_totals, build_lines, line_inputs
from talonario.invoices.lookup import get
from talonario.invoices.parties import resolve_client
from talonario.invoices.references import issued, reference
from talonario.invoices.repository import InvoiceRepository
from talonario.invoices.schemas import RectifyIn
from talonario.kit.clock import today_in, utcnow
from talonario.models import Company, Invoice
from talonario.records import service as verifactu

SIMPLIFIED_TYPES = ("F2", "R5")


class InvoiceHasPayments(Conflict):
    code = "invoice_has_payments"


# --- void ---------------------------------------------------------------------------------------


def void(session: Session, settings: Settings, company: Company, ref: str, reason: str) -> Invoice:
    # The head before the invoice row, as issuing does: an F3 that substitutes this F2 locks
    # the head, then this row.
    verifactu.lock_chain(session, company.id)
    invoice = get(session, company.id, ref, for_update=True)
    if invoice.status == "draft":
        raise InvoiceNotIssued("A draft has no record to cancel: delete it instead.", param="id")
    if invoice.status == "voided":
        raise InvoiceVoided(f"Invoice {invoice.number} is already voided.", param="id")
    if invoice.paid_amount > 0:
        raise InvoiceHasPayments(
            "A paid invoice was a real operation: correct it with /rectify, or delete its"
            " payments first.",
            param="id",
        )
    verifactu.record_void(
        session, settings, company, invoice, alta_rejected=invoice.verifactu_status == "rejected"
    )
    invoice.status = "voided"
    invoice.voided_at = utcnow()
    invoice.void_reason = reason
    if invoice.substitutes:
        # The replaced F2s stand again on their own.
        ids = [s["id"] for s in invoice.substitutes]
        InvoiceRepository(session, company.id).release_substituted(ids)
    flush(session)
    announce(session, invoice, "invoice.voided", today_in(company.timezone))
    return invoice


# --- rectify ------------------------------------------------------------------------------------


def _originals(
    session: Session, company_id: str, ref: str, more: Sequence[str] | None
) -> list[Invoice]:
    originals = [issued(get(session, company_id, ref), "id")]
    for i, other in enumerate(more or ()):
        param = f"also_rectifies.{i}"
        originals.append(issued(get(session, company_id, other, param=param), param))
    unique = {o.id: o for o in originals}
    return list(unique.values())


def _default_lines(originals: list[Invoice], method: str) -> list[dict[str, Any]]:
    """The whole invoice undone: its lines negated (differences) or at quantity 0 (substitution,
    new amounts zero)."""
    lines = []
    for original in originals:
        for line in original.lines:
            quantity = Decimal(line["quantity"])
            lines.append(
                {
                    key: line[key]
                    for key in (
                        "description",
                        "product",
                        "unit",
                        "unit_price",
                        "discount_percent",
                        "tax",
                    )
                }
                | {"quantity": -quantity if method == "differences" else Decimal(0)}
            )
    return lines


def _rectified_amounts(originals: list[Invoice]) -> dict[str, Any]:
    surcharge = sum((o.surcharge_total for o in originals), Decimal("0.00"))
    return {
        "base": sum((o.subtotal for o in originals), Decimal("0.00")),
        "quota": sum((o.taxes_total for o in originals), Decimal("0.00")),
        "surcharge_quota": surcharge if surcharge else None,
    }


def prepare_rectify(
    session: Session, company: Company, ref: str, body: RectifyIn, today: date
) -> Invoice:
    """Read phase: the corrective invoice, built and checked, not yet stored."""
    originals = _originals(session, company.id, ref, body.also_rectifies)
    simplified = [o for o in originals if o.type in SIMPLIFIED_TYPES]
    if body.type == "R5" and len(simplified) != len(originals):
        raise InvalidRequest(
            "R5 rectifies simplified invoices (F2, or an R5) only; use R1–R4 for complete ones.",
            param="type",
        )
    if body.type != "R5" and simplified and body.client is None:
        first = simplified[0]
        if not (first.client and (first.client.get("nif") or first.client.get("foreign_id"))):
            raise InvalidRequest(
                f"{body.type} needs an identified recipient and {first.number} names none:"
                " give `client`, or rectify with R5.",
                param="client",
            )
    series_id, series_code = service.resolve_series(session, company.id, body.series)
    if body.client is not None:
        client_id, client = resolve_client(session, company.id, body.client)
    elif body.type == "R5":
        client_id, client = None, None
    else:
        client_id, client = originals[0].client_id, originals[0].client
    on = body.operation_date or body.issued_on or today
    if body.lines is not None:
        lines, inputs = build_lines(session, company.id, body.lines, on)
    else:
        lines = _default_lines(originals, body.method)
        inputs = line_inputs(lines)
    corrective: dict[str, Any] = {
        "type": body.type,
        "method": body.method,
        "reason": body.reason,
        "rectified_invoices": [reference(o) for o in originals],
        "rectified_amounts": (
            _rectified_amounts(originals) if body.method == "substitution" else None
        ),
    }
    invoice = service.new_draft(
        company.id,
        series_id=series_id,
        series_code=series_code,
        type=body.type,
        issued_on=body.issued_on,
        operation_date=body.operation_date,
        due_on=body.due_on,
        client_id=client_id,
        client=client,
        notes=body.notes,
        external_id=body.external_id,
        meta=body.metadata or {},
        exclude_347=originals[0].exclude_347,
        corrective=corrective,
    )
    InvoiceRepository(session, company.id).ensure_external_id_free(body.external_id)
    apply_totals(invoice, lines, inputs, originals[0].withholding_rate)
    if body.issue:
        invoice.issued_on = check_issue(session, company, invoice, today, refresh_client=False)
    return invoice

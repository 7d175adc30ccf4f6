"""How invoices cite each other: the invoices a rectifying one corrects, and the simplified
invoices (F2) an F3 replaces."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from talonario.errors import InvalidRequest
from talonario.invoices.errors import AlreadySubstituted, InvoiceNotIssued, InvoiceVoided
from talonario.invoices.lookup import get
from talonario.invoices.repository import InvoiceRepository
from talonario.models import Invoice

ISSUED = ("issued", "partially_paid", "paid")


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

"""GET /v1/invoices/{id}/activity: what happened to an invoice (invoices/activity.py)."""

from typing import Annotated

from fastapi import APIRouter, Response

from talonario.auth.context import Context, reader
from talonario.invoices.activity import activity
from talonario.invoices.activity_schemas import InvoiceActivityOut
from talonario.kit.routing import DecimalRoute

router = APIRouter(prefix="/invoices", tags=["invoices"], route_class=DecimalRoute)
Ref = Annotated[str, "The Talonario id or the caller's external_id."]


@router.get("/{ref}/activity", response_model=InvoiceActivityOut)
def invoice_activity(ref: Ref, ctx: Context = reader("invoices:read")) -> Response:
    """What happened to the invoice, oldest first: created, issued, each VERI*FACTU record
    generated, submitted and answered by AEAT, each payment, paid in full, each email sent or
    given up on, its public link, voided. Composed from what the invoice keeps for good, so it
    never expires (the events feed, /v1/events, keeps 30 days)."""
    invoice, entries = activity(ctx.session, ctx.company_id, ref)
    answer = InvoiceActivityOut(object="invoice_activity", invoice=invoice.id, data=entries)
    return ctx.respond(answer)

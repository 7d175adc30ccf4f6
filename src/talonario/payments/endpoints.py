from fastapi import APIRouter, Response

from talonario.auth.context import Context, reader, writer
from talonario.companies import service as companies
from talonario.invoices.answers import PaymentOut
from talonario.kit.clock import today_in
from talonario.kit.routing import DecimalRoute
from talonario.kit.schema import ListOf
from talonario.payments import service
from talonario.payments.schemas import PaymentCreate

router = APIRouter(prefix="/invoices", tags=["payments"], route_class=DecimalRoute)


@router.post("/{ref}/payments", status_code=201, response_model=PaymentOut)
def create_payment(
    ref: str, body: PaymentCreate, ctx: Context = writer("invoices:write")
) -> Response:
    """Record money received. More than the pending amount is refused (422)."""
    company = companies.get(ctx.session, ctx.company_id)
    today = today_in(company.timezone)
    _, payment = service.add(ctx.session, ctx.company_id, ref, body, today)
    return ctx.respond(PaymentOut.of(payment), 201)


@router.get("/{ref}/payments", response_model=ListOf[PaymentOut])
def list_payments(ref: str, ctx: Context = reader("invoices:read")) -> Response:
    """The invoice's payments, oldest first."""
    payments = service.list_payments(ctx.session, ctx.company_id, ref)
    data = [PaymentOut.of(p) for p in payments]
    return ctx.respond({"object": "list", "data": data, "has_more": False})


@router.delete("/{ref}/payments/{payment_id}", status_code=204)
def delete_payment(ref: str, payment_id: str, ctx: Context = writer("invoices:write")) -> Response:
    """Remove a payment recorded by mistake; the invoice's status follows its balance."""
    service.remove(ctx.session, ctx.company_id, ref, payment_id)
    return ctx.no_content()

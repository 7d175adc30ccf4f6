from datetime import date
from typing import Annotated

from fastapi import APIRouter, Response

from talonario.auth.context import Context, reader, writer
from talonario.companies import service as companies
from talonario.kit.clock import today_in
from talonario.kit.pagination import Limit, StartingAfter
from talonario.kit.routing import DecimalRoute
from talonario.kit.schema import ListOf
from talonario.reminders import service
from talonario.reminders.schemas import ReminderOut, RemindIn

router = APIRouter(prefix="/invoices", tags=["invoices"], route_class=DecimalRoute)
Ref = Annotated[str, "The Talonario id or the caller's external_id."]


def _today(ctx: Context) -> date:
    company = companies.load(ctx.session, ctx.company_id)
    return today_in(company.timezone or ctx.settings.timezone)


@router.post("/{ref}/remind", status_code=202, response_model=ReminderOut)
def remind_invoice(
    ref: Ref, body: RemindIn | None = None, ctx: Context = writer("invoices:write")
) -> Response:
    """Email a payment reminder of an unpaid invoice, with its PDF attached, to `to` or else
    the client's email: "Recordatorio de pago", its number, due date and pending amount.

    Answers 202 with the reminder at once: the worker sends it, and cancels it instead if the
    invoice is paid or voided before it goes. A draft, paid or voided invoice (or one with
    nothing pending) is a 409 naming its state. The company's automatic reminders are set in
    `reminders` of PATCH /v1/company."""
    reminder, email = service.remind(
        ctx.session, ctx.company_id, ref, body or RemindIn(), _today(ctx)
    )
    return ctx.respond(ReminderOut.of(reminder, email), 202)


@router.get("/{ref}/reminders", response_model=ListOf[ReminderOut])
def list_invoice_reminders(
    ref: Ref,
    limit: Limit = 20,
    starting_after: StartingAfter = None,
    ctx: Context = reader("invoices:read"),
) -> Response:
    """The invoice's payment reminders, newest first: asked for (`manual`) or sent on the
    company's schedule (`schedule`, with its `step`), each with its email's delivery, or
    `skipped` when there was no address to send it to."""
    items, more = service.listed(ctx.session, ctx.company_id, ref, limit, starting_after)
    data = [ReminderOut.of(reminder, email) for reminder, email in items]
    return ctx.respond({"object": "list", "data": data, "has_more": more})

"""/v1/recurring-invoices: templates the worker turns into an invoice at each occurrence.

A template makes invoices, so it takes the invoices' scopes: `invoices:read` to look,
`invoices:write` to change (every key that may create invoices may schedule them)."""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from talonario.auth.context import Context, reader, writer
from talonario.companies import service as companies
from talonario.invoices.answers import InvoiceOut
from talonario.invoices.repository import InvoiceRepository
from talonario.kit.clock import today_in
from talonario.kit.pagination import Limit, StartingAfter
from talonario.kit.routing import DecimalRoute
from talonario.kit.schema import ListOf
from talonario.models import RecurringInvoice
from talonario.recurring import service
from talonario.recurring.repository import RecurringInvoiceRepository, RecurringRunRepository
from talonario.recurring.schemas import (
    RecurringInvoiceCreate,
    RecurringInvoiceOut,
    RecurringInvoiceUpdate,
    RecurringRunOut,
    RecurringStatus,
)

router = APIRouter(
    prefix="/recurring-invoices", tags=["recurring invoices"], route_class=DecimalRoute
)
Ref = Annotated[str, Path(max_length=120, description="The id or your external_id.")]


def _today(ctx: Context) -> date:
    company = companies.get(ctx.session, ctx.company_id)
    return today_in(company.timezone or ctx.settings.timezone)


def _answer(ctx: Context, template: RecurringInvoice, status: int = 200) -> Response:
    out = RecurringInvoiceOut.of(template, service.next_dates(template, _today(ctx)))
    return ctx.respond(out, status)


@router.post("", status_code=201, response_model=RecurringInvoiceOut)
def create_recurring_invoice(
    body: RecurringInvoiceCreate, ctx: Context = writer("invoices:write")
) -> Response:
    """Create a template: the worker makes its invoice at each occurrence from `start_on`, a
    draft or (`issue`) issued, and (`send`) emailed. Each invoice is dated the day it is made;
    an occurrence missed (a `start_on` in the past, a worker down) is made on the day of the
    catch-up, once, in order, with its scheduled day as `operation_date`."""
    company = companies.get(ctx.session, ctx.company_id)
    today = today_in(company.timezone or ctx.settings.timezone)
    template = service.create(ctx.session, company, body, today)
    return _answer(ctx, template, 201)


@router.get("", response_model=ListOf[RecurringInvoiceOut])
def list_recurring_invoices(
    limit: Limit = 20,
    starting_after: StartingAfter = None,
    status: RecurringStatus | None = None,
    client: Annotated[
        str | None, Query(max_length=120, description="Client id or its external_id.")
    ] = None,
    ctx: Context = reader("invoices:read"),
) -> Response:
    """List templates, newest first; filter by `status` and `client`."""
    repo = RecurringInvoiceRepository(ctx.session, ctx.company_id)
    items, more = repo.listed(status, client, limit, starting_after)
    today = _today(ctx)
    data = [RecurringInvoiceOut.of(t, service.next_dates(t, today)) for t in items]
    return ctx.respond({"object": "list", "data": data, "has_more": more})


@router.get("/{ref}", response_model=RecurringInvoiceOut)
def get_recurring_invoice(ref: Ref, ctx: Context = reader("invoices:read")) -> Response:
    """Retrieve a template, with its `next_dates`."""
    return _answer(ctx, service.get(ctx.session, ctx.company_id, ref))


@router.patch("/{ref}", response_model=RecurringInvoiceOut)
def update_recurring_invoice(
    ref: Ref, body: RecurringInvoiceUpdate, ctx: Context = writer("invoices:write")
) -> Response:
    """Change a template; the invoices already made stay as they are. The schedule (`interval`,
    `every`, `start_on`) changes only before the first invoice (409 after)."""
    company = companies.get(ctx.session, ctx.company_id)
    today = today_in(company.timezone or ctx.settings.timezone)
    return _answer(ctx, service.update(ctx.session, company, ref, body, today))


@router.delete("/{ref}", status_code=204)
def delete_recurring_invoice(ref: Ref, ctx: Context = writer("invoices:write")) -> Response:
    """Delete a template that made no invoice yet (409 after: pause or end it instead)."""
    service.delete(ctx.session, ctx.company_id, ref)
    return ctx.no_content()


@router.post("/{ref}/pause", response_model=RecurringInvoiceOut)
def pause_recurring_invoice(ref: Ref, ctx: Context = writer("invoices:write")) -> Response:
    """Make nothing from today on, until resumed."""
    return _answer(ctx, service.pause(ctx.session, ctx.company_id, ref, _today(ctx)))


@router.post("/{ref}/resume", response_model=RecurringInvoiceOut)
def resume_recurring_invoice(ref: Ref, ctx: Context = writer("invoices:write")) -> Response:
    """Make invoices again from today's occurrence on. The paused gap is not backfilled: the
    occurrences after the day it was paused and before today are skipped."""
    return _answer(ctx, service.resume(ctx.session, ctx.company_id, ref, _today(ctx)))


@router.get("/{ref}/invoices", response_model=ListOf[RecurringRunOut])
def list_recurring_invoice_runs(
    ref: Ref,
    limit: Limit = 20,
    starting_after: StartingAfter = None,
    ctx: Context = reader("invoices:read"),
) -> Response:
    """The invoices the template made, oldest first: each occurrence, its scheduled day and
    its invoice."""
    template = service.get(ctx.session, ctx.company_id, ref)
    runs = RecurringRunRepository(ctx.session, ctx.company_id)
    rows, more = runs.of_template(template.id, limit, starting_after)
    deliveries = InvoiceRepository(ctx.session, ctx.company_id).deliveries_of([i for _, i in rows])
    today = _today(ctx)
    data = [
        RecurringRunOut.of(run, InvoiceOut.of(i, delivery=deliveries[i.id], today=today))
        for run, i in rows
    ]
    return ctx.respond({"object": "list", "data": data, "has_more": more})

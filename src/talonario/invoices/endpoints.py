from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Response

from talonario.auth.context import Context, reader, writer
from talonario.companies import service as companies
from talonario.invoices import issuing, lifecycle, lookup, service
from talonario.invoices.answers import InvoiceOut
from talonario.invoices.errors import conflict_of
from talonario.invoices.repository import InvoiceRepository, ListFilters
from talonario.invoices.schemas import (
    InvoiceCreate,
    InvoiceStatus,
    InvoiceType,
    InvoiceUpdate,
    IssueIn,
    RectifyIn,
    VerifactuStatus,
    VoidIn,
)
from talonario.kit.clock import today_in
from talonario.kit.pagination import Limit, StartingAfter
from talonario.kit.routing import DecimalRoute
from talonario.kit.schema import ListOf
from talonario.taxes.eligibility_schema import SimplifiedEligibilityIn, SimplifiedEligibilityOut
from talonario.taxids import service as taxids

router = APIRouter(prefix="/invoices", tags=["invoices"], route_class=DecimalRoute)
Ref = Annotated[str, "The Talonario id or the caller's external_id."]


def _today(ctx: Context, tz: str) -> date:
    return today_in(tz or ctx.settings.timezone)


def _company_today(ctx: Context) -> date:
    """Today where the company is: what `overdue` is measured against."""
    return _today(ctx, companies.load(ctx.session, ctx.company_id).timezone)


@router.post("", status_code=201, response_model=InvoiceOut, responses=taxids.UNANSWERED)
def create_invoice(body: InvoiceCreate, ctx: Context = writer("invoices:write")) -> Response:
    """Create a draft invoice; with `"issue": true` it is numbered and issued in the same call.

    Lines take a `product` id or inline `description` + `unit_price`; `client` is a client id or
    the recipient inline. Amounts are exact decimals, as JSON numbers or strings.
    """
    with ctx.reading() as session:
        company = companies.load(session, ctx.company_id)
        today = _today(ctx, company.timezone)
        invoice = service.prepare(session, company, body, today)
        till = issuing.installation_for(session, company.id, body.installation, body.issue)
    if body.issue and body.verify_recipient:  # no session open while the register answers
        taxids.verify_recipient(ctx.runtime.db, ctx.settings, company, invoice.client)
    return ctx.write_and_respond(
        lambda s: service.save_new(s, ctx.settings, company, invoice, body.issue, till),
        lambda i: InvoiceOut.of(i, today=today),
        201,
        conflict_of,
    )


@router.post("/simplified-eligibility", response_model=SimplifiedEligibilityOut)
def simplified_eligibility(
    body: SimplifiedEligibilityIn, ctx: Context = reader("invoices:read")
) -> Response:
    """May an invoice of this total be simplified (F2/R5)? The limit and the letter of
    RD 1619/2012 art. 4 that decides. Issuing an F2 applies the same rule."""
    return ctx.respond(SimplifiedEligibilityOut.of(body.evaluate()).model_dump())


@router.get("", response_model=ListOf[InvoiceOut])
def list_invoices(
    limit: Limit = 20,
    starting_after: StartingAfter = None,
    status: Annotated[
        InvoiceStatus | None,
        Query(
            description="`overdue`: unpaid and past `due_on`; `issued` and `partially_paid`"
            " are then those not overdue."
        ),
    ] = None,
    client: Annotated[
        str | None, Query(max_length=120, description="Client id or its external_id.")
    ] = None,
    series: Annotated[str | None, Query(max_length=36, description="Series id or code.")] = None,
    type: InvoiceType | None = None,
    issued_on_gte: Annotated[date | None, Query(alias="issued_on[gte]")] = None,
    issued_on_lte: Annotated[date | None, Query(alias="issued_on[lte]")] = None,
    external_id: Annotated[str | None, Query(max_length=120)] = None,
    verifactu_status: VerifactuStatus | None = None,
    number: Annotated[str | None, Query(max_length=60, description="The exact number.")] = None,
    q: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=100,
            description="Text in the number, the external_id, or the client's name or NIF "
            "(any case).",
        ),
    ] = None,
    ctx: Context = reader("invoices:read"),
) -> Response:
    """List invoices, newest first, with filters. An unknown parameter is a 400 naming it."""
    today = _company_today(ctx)
    filters = ListFilters(
        status,
        client,
        series,
        type,
        issued_on_gte,
        issued_on_lte,
        external_id,
        verifactu_status,
        number,
        q,
        today=today,
    )
    items, more = lookup.list_invoices(ctx.session, ctx.company_id, filters, limit, starting_after)
    repo = InvoiceRepository(ctx.session, ctx.company_id)
    payments = repo.payments_of([i.id for i in items])
    deliveries = repo.deliveries_of(items)
    data = [InvoiceOut.of(i, payments[i.id], deliveries[i.id], today=today) for i in items]
    return ctx.respond({"object": "list", "data": data, "has_more": more})


@router.get("/{ref}", response_model=InvoiceOut)
def get_invoice(ref: Ref, ctx: Context = reader("invoices:read")) -> Response:
    """Retrieve an invoice by id or by your `external_id`."""
    invoice = lookup.get(ctx.session, ctx.company_id, ref)
    payments = lookup.payments_of(ctx.session, ctx.company_id, [invoice.id])[invoice.id]
    delivery = lookup.delivery_of(ctx.session, invoice)
    return ctx.respond(InvoiceOut.of(invoice, payments, delivery, today=_company_today(ctx)))


@router.patch("/{ref}", response_model=InvoiceOut)
def update_invoice(
    ref: Ref, body: InvoiceUpdate, ctx: Context = writer("invoices:write")
) -> Response:
    """Change a draft. An issued invoice is immutable (409)."""
    company = companies.get(ctx.session, ctx.company_id)
    today = _today(ctx, company.timezone)
    invoice = service.update(ctx.session, ctx.company_id, ref, body, today)
    return ctx.respond(InvoiceOut.of(invoice, today=today))  # a draft: no link, no email


@router.delete("/{ref}", status_code=204)
def delete_invoice(ref: Ref, ctx: Context = writer("invoices:write")) -> Response:
    """Delete a draft. An issued invoice cannot be deleted (409)."""
    service.delete(ctx.session, ctx.company_id, ref)
    return ctx.no_content()


@router.post("/{ref}/issue", response_model=InvoiceOut, responses=taxids.UNANSWERED)
def issue_invoice(
    ref: Ref, body: IssueIn | None = None, ctx: Context = writer("invoices:write")
) -> Response:
    """Issue a draft: assign the next number of its series and freeze it; its records chain
    in `installation` (default: the company's default installation)."""
    with ctx.reading() as session:
        company = companies.load(session, ctx.company_id)
        today = _today(ctx, company.timezone)
        prepared = issuing.prepare_issue(session, company, ref, today)
        named = body.installation if body is not None else None
        till = issuing.installation_for(session, company.id, named, issue=True)
    if body is not None and body.verify_recipient:
        taxids.verify_recipient(ctx.runtime.db, ctx.settings, company, prepared.client)
    return ctx.write_and_respond(
        lambda s: issuing.issue_prepared(s, ctx.settings, company, prepared, today, till),
        lambda i: InvoiceOut.of(i, today=today),  # just issued: no link, no email yet
        conflict=conflict_of,
    )


@router.post("/{ref}/void", response_model=InvoiceOut)
def void_invoice(ref: Ref, body: VoidIn, ctx: Context = writer("invoices:write")) -> Response:
    """Cancel an issued invoice that should never have existed: an anulación record joins the
    chain and the status becomes `voided`. A real operation is corrected with /rectify."""
    company = companies.get(ctx.session, ctx.company_id)
    invoice = lifecycle.void(ctx.session, ctx.settings, company, ref, body.reason)
    delivery = lookup.delivery_of(ctx.session, invoice)
    return ctx.respond(
        InvoiceOut.of(invoice, delivery=delivery, today=_today(ctx, company.timezone))
    )


@router.post("/{ref}/rectify", status_code=201, response_model=InvoiceOut)
def rectify_invoice(ref: Ref, body: RectifyIn, ctx: Context = writer("invoices:write")) -> Response:
    """Create the rectifying invoice (R1–R5) of an issued one, in a corrective series, citing
    it (and `also_rectifies`) in FacturasRectificadas; a draft unless `"issue": true`."""
    with ctx.reading() as session:
        company = companies.load(session, ctx.company_id)
        today = _today(ctx, company.timezone)
        invoice = lifecycle.prepare_rectify(session, company, ref, body, today)
        till = issuing.installation_for(session, company.id, body.installation, body.issue)
    return ctx.write_and_respond(
        lambda s: service.save_new(s, ctx.settings, company, invoice, body.issue, till),
        lambda i: InvoiceOut.of(i, today=today),
        201,
        conflict_of,
    )

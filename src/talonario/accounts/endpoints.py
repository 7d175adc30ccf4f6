from fastapi import APIRouter, Query, Response

from talonario.accounts import service
from talonario.accounts.schemas import AccountCompanyCreate, Month, UsageOut
from talonario.auth import service as keys
from talonario.auth.context import (
    Context,
    account_reader,
    account_writer,
    company_reader,
    company_writer,
)
from talonario.auth.schemas import ApiKeyCreate, ApiKeyOut
from talonario.companies import service as companies
from talonario.companies.schemas import CompanyOut, CompanyUpdate
from talonario.kit.pagination import Limit, StartingAfter, page
from talonario.kit.routing import DecimalRoute
from talonario.kit.schema import ListOf

router = APIRouter(prefix="/companies", tags=["companies"], route_class=DecimalRoute)


@router.post("", status_code=201, response_model=CompanyOut)
def create_company(
    body: AccountCompanyCreate, ctx: Context = account_writer("companies:write")
) -> Response:
    """Create a company in the account (an account key only). It starts with its default
    series and an empty record chain, in the `sandbox` environment unless `verifactu` says
    otherwise; mint its keys with `POST /v1/companies/{id}/api-keys`, or act for it with the
    account key and the `Talonario-Company` header."""
    service.require_account_key(ctx.principal)
    if body.verifactu is not None:
        companies.require_environment(ctx.settings, body.verifactu.environment)
    company = service.create_company(ctx.session, ctx.principal.account_id, body)
    return ctx.respond(CompanyOut.of(company), 201)


@router.get("", response_model=ListOf[CompanyOut])
def list_companies(
    limit: Limit = 20,
    starting_after: StartingAfter = None,
    external_id: str | None = Query(default=None, max_length=120),
    nif: str | None = Query(default=None, max_length=9),
    ctx: Context = account_reader("companies:read"),
) -> Response:
    """The account's companies, newest first (a company key sees its own company only)."""
    found, more = service.visible(
        ctx.session, ctx.principal, limit, starting_after, external_id, nif
    )
    return ctx.respond(page(found, more, CompanyOut.of))


@router.get("/{company_id}", response_model=CompanyOut)
def get_company(company_id: str, ctx: Context = company_reader("companies:read")) -> Response:
    """A company of the account, by its id or its `external_id`."""
    # company_reader resolved the path's reference within the caller's reach.
    return ctx.respond(CompanyOut.of(companies.get(ctx.session, ctx.company_id)))


@router.patch("/{company_id}", response_model=CompanyOut)
def update_company(
    company_id: str, body: CompanyUpdate, ctx: Context = company_writer("companies:write")
) -> Response:
    """Change a company's details, as `PATCH /v1/company` does for a company key."""
    company = companies.change(ctx.session, ctx.settings, ctx.company_id, body)
    return ctx.respond(CompanyOut.of(company))


@router.post("/{company_id}/api-keys", status_code=201, response_model=ApiKeyOut)
def create_company_key(
    company_id: str, body: ApiKeyCreate, ctx: Context = company_writer("keys:write")
) -> Response:
    """Mint a key of the company, with scopes the calling key holds. Its `secret` is in this
    answer only."""
    key, secret = service.mint_key(
        ctx.session, ctx.principal, ctx.company_id, body.scopes, body.name
    )
    return ctx.respond(ApiKeyOut.of(key, secret), 201)


@router.get("/{company_id}/api-keys", response_model=ListOf[ApiKeyOut])
def list_company_keys(
    company_id: str,
    limit: Limit = 20,
    starting_after: StartingAfter = None,
    ctx: Context = company_reader("keys:read"),
) -> Response:
    """The company's keys (never their secrets), newest first."""
    found, more = keys.list_keys(ctx.session, ctx.company_id, limit, starting_after)
    return ctx.respond(page(found, more, ApiKeyOut.of))


@router.get("/{company_id}/usage", response_model=UsageOut)
def get_usage(
    company_id: str, month: Month = None, ctx: Context = company_reader("companies:read")
) -> Response:
    """What the company did in a month: invoices issued, records chained, records AEAT
    answered."""
    return ctx.respond(service.usage(ctx.session, ctx.company_id, month))

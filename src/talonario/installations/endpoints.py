"""/v1/companies/{company_id}/installations: a company's SIF installations (shops, tills),
each with a record chain of its own."""

from typing import Annotated

from fastapi import APIRouter, Path, Response

from talonario.auth.context import Context, company_reader, company_writer
from talonario.installations import service
from talonario.installations.schemas import (
    InstallationCreate,
    InstallationOut,
    InstallationUpdate,
)
from talonario.kit.pagination import Limit, StartingAfter, page
from talonario.kit.routing import DecimalRoute
from talonario.kit.schema import ListOf

router = APIRouter(
    prefix="/companies/{company_id}/installations",
    tags=["installations"],
    route_class=DecimalRoute,
)
CompanyRef = Annotated[str, Path(max_length=120, description="The company's id or external_id.")]
InstallationRef = Annotated[
    str, Path(max_length=100, description="The installation's id or installation_number.")
]


@router.post("", status_code=201, response_model=InstallationOut)
def create_installation(
    company_id: CompanyRef,
    body: InstallationCreate,
    ctx: Context = company_writer("company:write"),
) -> Response:
    """Add a SIF installation (a shop, a till) with a record chain of its own: invoices issued
    with its `installation` chain their records there, under its `installation_number` as
    AEAT's NumeroInstalacion, the first with PrimerRegistro=S. Without one they join the
    company's default installation, whose number is the company id."""
    installation = service.create(ctx.session, ctx.company_id, body)
    return ctx.respond(InstallationOut.of(installation), 201)


@router.get("", response_model=ListOf[InstallationOut])
def list_installations(
    company_id: CompanyRef,
    limit: Limit = 20,
    starting_after: StartingAfter = None,
    ctx: Context = company_reader("company:read"),
) -> Response:
    """List the company's installations, newest first (the default one, the company's own
    chain, is not a row: its number is the company id)."""
    items, more = service.list_installations(ctx.session, ctx.company_id, limit, starting_after)
    return ctx.respond(page(items, more, InstallationOut.of))


@router.get("/{installation_id}", response_model=InstallationOut)
def get_installation(
    company_id: CompanyRef,
    installation_id: InstallationRef,
    ctx: Context = company_reader("company:read"),
) -> Response:
    """Retrieve an installation by its id or installation_number."""
    installation = service.get(ctx.session, ctx.company_id, installation_id)
    return ctx.respond(InstallationOut.of(installation))


@router.patch("/{installation_id}", response_model=InstallationOut)
def update_installation(
    company_id: CompanyRef,
    installation_id: InstallationRef,
    body: InstallationUpdate,
    ctx: Context = company_writer("company:write"),
) -> Response:
    """Rename an installation. Its `installation_number` changes only while its chain has no
    record (409 `installation_has_records` after)."""
    installation = service.update(ctx.session, ctx.company_id, installation_id, body)
    return ctx.respond(InstallationOut.of(installation))

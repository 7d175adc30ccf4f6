from typing import Annotated

from fastapi import APIRouter, Query, Response

from talonario.auth.context import Context, reader, writer
from talonario.clients import service
from talonario.clients.schemas import ClientCreate, ClientOut, ClientUpdate
from talonario.kit.pagination import Limit, StartingAfter, page
from talonario.kit.routing import DecimalRoute
from talonario.kit.schema import ListOf

router = APIRouter(prefix="/clients", tags=["clients"], route_class=DecimalRoute)


@router.post("", status_code=201, response_model=ClientOut)
def create_client(body: ClientCreate, ctx: Context = writer("clients:write")) -> Response:
    """Create a client. A Spanish `nif` is checked (checksum included); foreigners use
    `foreign_id` with an AEAT id type (02 EU VAT number … 07 not registered)."""
    return ctx.respond(ClientOut.of(service.create(ctx.session, ctx.company_id, body)), 201)


@router.get("", response_model=ListOf[ClientOut])
def list_clients(
    limit: Limit = 20,
    starting_after: StartingAfter = None,
    nif: Annotated[str | None, Query(max_length=20)] = None,
    external_id: Annotated[str | None, Query(max_length=120)] = None,
    ctx: Context = reader("clients:read"),
) -> Response:
    """List clients, newest first; filter by `nif` or `external_id`."""
    items, more = service.list_clients(
        ctx.session, ctx.company_id, limit, starting_after, nif, external_id
    )
    return ctx.respond(page(items, more, ClientOut.of))


@router.get("/{client_id}", response_model=ClientOut)
def get_client(client_id: str, ctx: Context = reader("clients:read")) -> Response:
    """Retrieve a client."""
    return ctx.respond(ClientOut.of(service.get(ctx.session, ctx.company_id, client_id)))


@router.patch("/{client_id}", response_model=ClientOut)
def update_client(
    client_id: str, body: ClientUpdate, ctx: Context = writer("clients:write")
) -> Response:
    """Change a client. Issued invoices keep the snapshot they were issued with."""
    client = service.update(ctx.session, ctx.company_id, client_id, body)
    return ctx.respond(ClientOut.of(client))


@router.delete("/{client_id}", status_code=204)
def delete_client(client_id: str, ctx: Context = writer("clients:write")) -> Response:
    """Delete a client that no invoice refers to."""
    service.delete(ctx.session, ctx.company_id, client_id)
    return ctx.no_content()

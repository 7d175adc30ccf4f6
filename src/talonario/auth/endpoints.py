from fastapi import APIRouter, Response

from talonario.auth import service
from talonario.auth.context import Context, reader, writer
from talonario.auth.keys import check_grantable, issue_key
from talonario.auth.schemas import ApiKeyCreate, ApiKeyOut
from talonario.kit.pagination import Limit, StartingAfter, page
from talonario.kit.routing import DecimalRoute
from talonario.kit.schema import ListOf

router = APIRouter(prefix="/api-keys", tags=["api-keys"], route_class=DecimalRoute)


@router.post("", status_code=201, response_model=ApiKeyOut)
def create_api_key(body: ApiKeyCreate, ctx: Context = writer("api_keys:write")) -> Response:
    """Create a key. Its `secret` is in this answer only: it is stored hashed."""
    check_grantable(ctx.principal.scopes, body.scopes)
    key, secret = issue_key(ctx.session, ctx.company_id, body.scopes, body.name)
    return ctx.respond(ApiKeyOut.of(key, secret), 201)


@router.get("", response_model=ListOf[ApiKeyOut])
def list_api_keys(
    limit: Limit = 20, starting_after: StartingAfter = None, ctx: Context = reader("api_keys:read")
) -> Response:
    """List the company's keys (never their secrets), newest first."""
    items, more = service.list_keys(ctx.session, ctx.company_id, limit, starting_after)
    return ctx.respond(page(items, more, ApiKeyOut.of))


@router.delete("/{key_id}", response_model=ApiKeyOut)
def revoke_api_key(key_id: str, ctx: Context = writer("api_keys:write")) -> Response:
    """Revoke a key. Other server processes stop accepting it within the key-cache time (10 s)."""
    key = service.revoke(ctx.session, ctx.company_id, key_id, ctx.principal.api_key_id)
    response = ctx.respond(ApiKeyOut.of(key))
    # After the commit, or a racing request could cache the key as still valid.
    ctx.runtime.keys.forget_key(key.id)
    return response

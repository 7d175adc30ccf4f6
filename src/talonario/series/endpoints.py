from fastapi import APIRouter, Response

from talonario.auth.context import Context, reader, writer
from talonario.kit.pagination import Limit, StartingAfter, page
from talonario.kit.routing import DecimalRoute
from talonario.kit.schema import ListOf
from talonario.series import service
from talonario.series.schemas import (
    SeriesCreate,
    SeriesKind,
    SeriesOut,
    SeriesUpdate,
)

router = APIRouter(prefix="/series", tags=["series"], route_class=DecimalRoute)


@router.post("", status_code=201, response_model=SeriesOut)
def create_series(body: SeriesCreate, ctx: Context = writer("series:write")) -> Response:
    """Create a numbering series. `default: true` makes it the default of its kind."""
    return ctx.respond(SeriesOut.of(service.create(ctx.session, ctx.company_id, body)), 201)


@router.get("", response_model=ListOf[SeriesOut])
def list_series(
    limit: Limit = 20,
    starting_after: StartingAfter = None,
    kind: SeriesKind | None = None,
    ctx: Context = reader("series:read"),
) -> Response:
    """List series, newest first."""
    items, more = service.list_series(ctx.session, ctx.company_id, limit, starting_after, kind)
    return ctx.respond(page(items, more, SeriesOut.of))


@router.get("/{series_id}", response_model=SeriesOut)
def get_series(series_id: str, ctx: Context = reader("series:read")) -> Response:
    """Retrieve a series with its `next_number`."""
    return ctx.respond(SeriesOut.of(service.get(ctx.session, ctx.company_id, series_id)))


@router.patch("/{series_id}", response_model=SeriesOut)
def update_series(
    series_id: str, body: SeriesUpdate, ctx: Context = writer("series:write")
) -> Response:
    """Change a series. Format and next number are fixed once it has issued invoices."""
    series = service.update_series(ctx.session, ctx.company_id, series_id, body)
    return ctx.respond(SeriesOut.of(series))


@router.delete("/{series_id}", status_code=204)
def delete_series(series_id: str, ctx: Context = writer("series:write")) -> Response:
    """Delete a series no invoice uses and that is not a default."""
    service.delete(ctx.session, ctx.company_id, series_id)
    return ctx.no_content()

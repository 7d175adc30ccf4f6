"""/v1/events: the events feed (webhooks/feed.py)."""

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query, Response

from talonario.auth.context import Context, reader
from talonario.kit.pagination import Limit, StartingAfter, page
from talonario.kit.routing import DecimalRoute
from talonario.kit.schema import ListOf
from talonario.webhooks import feed
from talonario.webhooks.feed_schemas import EventTypeFilter, WebhookEventOut

router = APIRouter(prefix="/events", tags=["events"], route_class=DecimalRoute)

_MOMENT = "ISO 8601 date or date-time; without an offset, UTC."


@router.get("", response_model=ListOf[WebhookEventOut])
def list_events(
    limit: Limit = 20,
    starting_after: StartingAfter = None,
    type: Annotated[
        list[EventTypeFilter] | None,
        Query(
            description="Only these types (repeat the parameter for several); a family such as"
            " `invoice.*` takes all of its types."
        ),
    ] = None,
    invoice: Annotated[
        str | None,
        Query(
            max_length=120, description="Only the events about this invoice (id or external_id)."
        ),
    ] = None,
    created_at_gte: Annotated[
        datetime | None, Query(alias="created_at[gte]", description=_MOMENT)
    ] = None,
    created_at_lte: Annotated[
        datetime | None, Query(alias="created_at[lte]", description=_MOMENT)
    ] = None,
    ctx: Context = reader("events:read"),
) -> Response:
    """Every event the company's changes emitted in the last 30 days, newest first, whether or
    not a webhook endpoint subscribed to it: each as its webhook carries it (`data`: the object
    as it was then). Poll it to catch up after downtime, or instead of webhooks. An unknown
    parameter is a 400 naming it."""
    items, more = feed.list_events(
        ctx.session,
        ctx.company_id,
        types=type or (),
        invoice=invoice,
        created_gte=created_at_gte,
        created_lte=created_at_lte,
        limit=limit,
        starting_after=starting_after,
    )
    return ctx.respond(page(items, more, WebhookEventOut.of))


@router.get("/{event_id}", response_model=WebhookEventOut)
def get_event(event_id: str, ctx: Context = reader("events:read")) -> Response:
    """Retrieve an event of the last 30 days."""
    return ctx.respond(WebhookEventOut.of(feed.get_event(ctx.session, ctx.company_id, event_id)))

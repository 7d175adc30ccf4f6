from typing import Annotated, TypeVar

from fastapi import APIRouter, Query, Response

from talonario.auth.context import Context, reader, writer
from talonario.kit.pagination import Limit, StartingAfter, page
from talonario.kit.routing import DecimalRoute
from talonario.kit.schema import ListOf
from talonario.webhooks import service
from talonario.webhooks.schemas import (
    DeliveryStatus,
    WebhookDeliveryOut,
    WebhookEndpointCreate,
    WebhookEndpointOut,
    WebhookEndpointUpdate,
)

T = TypeVar("T")


router = APIRouter(prefix="/webhook-endpoints", tags=["webhooks"], route_class=DecimalRoute)


@router.post("", status_code=201, response_model=WebhookEndpointOut)
def create_webhook_endpoint(
    body: WebhookEndpointCreate, ctx: Context = writer("webhooks:write")
) -> Response:
    """Subscribe a URL to events. The answer carries the signing `secret`, shown this once.

    Each event is POSTed as `{"id", "type", "created_at", "data"}` and signed per Standard
    Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). The URL must be https
    and resolve to public addresses."""
    endpoint, secret = service.create(
        ctx.session, ctx.company_id, body, ctx.settings.webhooks_allow_private
    )
    return ctx.respond(WebhookEndpointOut.of(endpoint, secret), 201)


@router.get("", response_model=ListOf[WebhookEndpointOut])
def list_webhook_endpoints(
    limit: Limit = 20, starting_after: StartingAfter = None, ctx: Context = reader("webhooks:read")
) -> Response:
    """List the company's webhook endpoints (never their secrets), newest first."""
    items, more = service.list_endpoints(ctx.session, ctx.company_id, limit, starting_after)
    return ctx.respond(page(items, more, WebhookEndpointOut.of))


@router.get("/{endpoint_id}", response_model=WebhookEndpointOut)
def get_webhook_endpoint(endpoint_id: str, ctx: Context = reader("webhooks:read")) -> Response:
    """Retrieve a webhook endpoint."""
    return ctx.respond(WebhookEndpointOut.of(service.get(ctx.session, ctx.company_id, endpoint_id)))


@router.patch("/{endpoint_id}", response_model=WebhookEndpointOut)
def update_webhook_endpoint(
    endpoint_id: str, body: WebhookEndpointUpdate, ctx: Context = writer("webhooks:write")
) -> Response:
    """Change the URL or the events, or enable a disabled endpoint (its pending deliveries
    resume)."""
    endpoint = service.update(
        ctx.session, ctx.company_id, endpoint_id, body, ctx.settings.webhooks_allow_private
    )
    return ctx.respond(WebhookEndpointOut.of(endpoint))


@router.delete("/{endpoint_id}", status_code=204)
def delete_webhook_endpoint(endpoint_id: str, ctx: Context = writer("webhooks:write")) -> Response:
    """Delete an endpoint and its delivery log; nothing more is sent to it."""
    service.delete(ctx.session, ctx.company_id, endpoint_id)
    return ctx.no_content()


@router.post("/{endpoint_id}/rotate-secret", response_model=WebhookEndpointOut)
def rotate_webhook_secret(endpoint_id: str, ctx: Context = writer("webhooks:write")) -> Response:
    """Replace the signing secret; the answer carries the new one, shown this once. For 24 hours
    deliveries carry a signature with each secret, so the receiver can switch without a gap."""
    endpoint, secret = service.rotate_secret(ctx.session, ctx.company_id, endpoint_id)
    return ctx.respond(WebhookEndpointOut.of(endpoint, secret))


@router.get("/{endpoint_id}/deliveries", response_model=ListOf[WebhookDeliveryOut])
def list_webhook_deliveries(
    endpoint_id: str,
    limit: Limit = 20,
    starting_after: StartingAfter = None,
    status: Annotated[DeliveryStatus | None, Query()] = None,
    ctx: Context = reader("webhooks:read"),
) -> Response:
    """The endpoint's deliveries, newest first: attempts, the last answer (status, the start of
    its body, duration) and when the next attempt is due. Filter by `status`."""
    items, more = service.list_deliveries(
        ctx.session, ctx.company_id, endpoint_id, limit, starting_after, status
    )
    return ctx.respond(page(items, more, WebhookDeliveryOut.of))


@router.post(
    "/{endpoint_id}/deliveries/{delivery_id}/replay",
    status_code=201,
    response_model=WebhookDeliveryOut,
)
def replay_webhook_delivery(
    endpoint_id: str, delivery_id: str, ctx: Context = writer("webhooks:write")
) -> Response:
    """Send a delivery's event again: a new delivery, due now, with the same `webhook-id` so the
    receiver can tell it is the same event."""
    delivery = service.replay(ctx.session, ctx.company_id, endpoint_id, delivery_id)
    return ctx.respond(WebhookDeliveryOut.of(delivery), 201)

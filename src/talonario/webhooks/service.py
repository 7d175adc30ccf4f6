"""Webhook endpoints: where a company wants its events, and the log of what was sent there."""

from collections.abc import Sequence
from datetime import timedelta

from sqlalchemy.orm import Session

from talonario.errors import Conflict, InvalidRequest, NotFound
from talonario.kit.clock import utcnow
from talonario.models import WebhookDelivery, WebhookEndpoint
from talonario.webhooks import guard
from talonario.webhooks.repository import WebhookDeliveryRepository, WebhookEndpointRepository
from talonario.webhooks.schemas import WebhookEndpointCreate, WebhookEndpointUpdate
from talonario.webhooks.signing import new_secret

# How long the secret replaced by a rotation keeps signing beside the new one.
ROTATION_OVERLAP = timedelta(hours=24)


class WebhookEndpointNotFound(NotFound):
    code = "webhook_endpoint_not_found"


class WebhookDeliveryNotFound(NotFound):
    code = "webhook_delivery_not_found"


class WebhookUrlNotAllowed(InvalidRequest):
    code = "webhook_url_not_allowed"


class WebhookEndpointDisabled(Conflict):
    code = "webhook_endpoint_disabled"


def check_url(url: str, allow_private: bool) -> None:
    try:
        guard.check(url, allow_private)
    except guard.UnsafeUrl as exc:
        raise WebhookUrlNotAllowed(f"url: {exc}.", param="url") from None


def get(session: Session, company_id: str, endpoint_id: str) -> WebhookEndpoint:
    return WebhookEndpointRepository(session, company_id).found(
        WebhookEndpointNotFound, endpoint_id
    )


def list_endpoints(
    session: Session, company_id: str, limit: int, starting_after: str | None
) -> tuple[Sequence[WebhookEndpoint], bool]:
    return WebhookEndpointRepository(session, company_id).listed(limit, starting_after)


def create(
    session: Session, company_id: str, body: WebhookEndpointCreate, allow_private: bool
) -> tuple[WebhookEndpoint, str]:
    """Create an endpoint; its secret is returned here and never shown again."""
    check_url(body.url, allow_private)
    secret = new_secret()
    endpoint = WebhookEndpoint(
        company_id=company_id, url=body.url, events=body.events, secret=secret, enabled=True
    )
    WebhookEndpointRepository(session, company_id).add(endpoint)
    session.flush()
    return endpoint, secret


def update(
    session: Session,
    company_id: str,
    endpoint_id: str,
    body: WebhookEndpointUpdate,
    allow_private: bool,
) -> WebhookEndpoint:
    endpoint = get(session, company_id, endpoint_id)
    if body.url is not None:
        check_url(body.url, allow_private)
        endpoint.url = body.url
    if body.events is not None:
        endpoint.events = list[str](body.events)
    if body.enabled is True and not endpoint.enabled:
        # Pending deliveries resume; the failure count starts afresh.
        endpoint.enabled = True
        endpoint.disabled_reason = endpoint.disabled_at = endpoint.failing_since = None
    elif body.enabled is False and endpoint.enabled:
        endpoint.enabled = False
        endpoint.disabled_at = utcnow()
    session.flush()
    return endpoint


def rotate_secret(
    session: Session, company_id: str, endpoint_id: str
) -> tuple[WebhookEndpoint, str]:
    """A new secret; the old one keeps signing too for a day, so receivers can switch over."""
    endpoint = get(session, company_id, endpoint_id)
    secret = new_secret()
    endpoint.previous_secret = endpoint.secret
    endpoint.previous_secret_expires_at = utcnow() + ROTATION_OVERLAP
    endpoint.secret = secret
    session.flush()
    return endpoint, secret


def delete(session: Session, company_id: str, endpoint_id: str) -> None:
    """Delete an endpoint and its delivery log; nothing more is sent to it."""
    endpoint = get(session, company_id, endpoint_id)
    WebhookDeliveryRepository(session, company_id).delete_of_endpoint(endpoint.id)
    session.delete(endpoint)
    session.flush()


def list_deliveries(
    session: Session,
    company_id: str,
    endpoint_id: str,
    limit: int,
    starting_after: str | None,
    status: str | None = None,
) -> tuple[Sequence[WebhookDelivery], bool]:
    endpoint = get(session, company_id, endpoint_id)
    deliveries = WebhookDeliveryRepository(session, company_id)
    return deliveries.of_endpoint(endpoint.id, limit, starting_after, status)


def replay(
    session: Session, company_id: str, endpoint_id: str, delivery_id: str
) -> WebhookDelivery:
    """Send a delivery's event again, as a new delivery due now (same `webhook-id`)."""
    endpoint = get(session, company_id, endpoint_id)
    deliveries = WebhookDeliveryRepository(session, company_id)
    original = deliveries.one_of_endpoint(endpoint.id, delivery_id)
    if original is None:
        raise WebhookDeliveryNotFound(f"No webhook delivery '{delivery_id}'.", param="delivery_id")
    if not endpoint.enabled:
        raise WebhookEndpointDisabled(
            "The endpoint is disabled: enable it (PATCH enabled=true) before replaying."
        )
    replayed = WebhookDelivery(
        company_id=company_id,
        endpoint_id=endpoint.id,
        event_id=original.event_id,
        event_type=original.event_type,
        status="pending",
        attempts=0,
        next_attempt_at=utcnow(),
        replay_of=original.id,
    )
    deliveries.add(replayed)
    session.flush()
    return replayed

"""Webhooks' SQL: a company's endpoints, its events and deliveries, and the delivery worker's
claim (which spans companies)."""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import bindparam, or_, select
from sqlalchemy.orm import Session

from talonario.db.lists import any_of
from talonario.db.repository import Repository
from talonario.models import WebhookDelivery, WebhookEndpoint, WebhookEvent

_ENDPOINTS = WebhookEndpoint.__table__
# Issuing asks this inside the group commit's lock: compiled once, a Core query.
_ENABLED = select(_ENDPOINTS.c.id, _ENDPOINTS.c.events).where(
    _ENDPOINTS.c.company_id == bindparam("p_company_id"), _ENDPOINTS.c.enabled.is_(True)
)


def enabled_endpoints(session: Session, company_id: str) -> list[tuple[str, list[str]]]:
    """(id, events) of the company's enabled endpoints."""
    rows = session.connection().execute(_ENABLED, {"p_company_id": company_id})
    return [(endpoint_id, events) for endpoint_id, events in rows]


def enabled_endpoints_of(
    session: Session, company_ids: list[str]
) -> dict[str, list[tuple[str, list[str]]]]:
    """enabled_endpoints for several companies in one query: company_id → (id, events)."""
    c = _ENDPOINTS.c
    conn = session.connection()
    rows = conn.execute(
        select(c.company_id, c.id, c.events).where(
            any_of(c.company_id, company_ids, conn.dialect), c.enabled.is_(True)
        )
    )
    found: dict[str, list[tuple[str, list[str]]]] = {company_id: [] for company_id in company_ids}
    for company_id, endpoint_id, events in rows:
        found[company_id].append((endpoint_id, events))
    return found


class WebhookEndpointRepository(Repository[WebhookEndpoint]):
    model = WebhookEndpoint
    noun = "webhook endpoint"

    def listed(
        self, limit: int, starting_after: str | None
    ) -> tuple[Sequence[WebhookEndpoint], bool]:
        return self.page(self.select(), limit, starting_after)


class WebhookEventRepository(Repository[WebhookEvent]):
    model = WebhookEvent


class WebhookDeliveryRepository(Repository[WebhookDelivery]):
    model = WebhookDelivery

    def of_endpoint(
        self, endpoint_id: str, limit: int, starting_after: str | None, status: str | None
    ) -> tuple[Sequence[WebhookDelivery], bool]:
        """A page of the endpoint's deliveries, only those in `status` if given."""
        stmt = self.select().where(WebhookDelivery.endpoint_id == endpoint_id)
        if status:
            stmt = stmt.where(WebhookDelivery.status == status)
        return self.page(stmt, limit, starting_after)

    def one_of_endpoint(self, endpoint_id: str, delivery_id: str) -> WebhookDelivery | None:
        return self.first(
            self.select().where(
                WebhookDelivery.endpoint_id == endpoint_id, WebhookDelivery.id == delivery_id
            )
        )

    def delete_of_endpoint(self, endpoint_id: str) -> None:
        """The endpoint's delivery log."""
        self.session.execute(self.delete().where(WebhookDelivery.endpoint_id == endpoint_id))


def next_due_delivery(session: Session, now: datetime) -> WebhookDelivery | None:
    """The delivery due longest, of an enabled endpoint and not leased to another worker,
    locked (PostgreSQL: skipping rows another claimer holds).

    Spans companies: the delivery worker serves every company's queue in one order."""
    stmt = (
        select(WebhookDelivery)
        .join(WebhookEndpoint, WebhookEndpoint.id == WebhookDelivery.endpoint_id)
        .where(
            WebhookDelivery.status == "pending",
            WebhookDelivery.next_attempt_at <= now,
            or_(WebhookDelivery.locked_until.is_(None), WebhookDelivery.locked_until <= now),
            WebhookEndpoint.enabled.is_(True),
        )
        .order_by(WebhookDelivery.next_attempt_at)
        .limit(1)
        .with_for_update(skip_locked=True, of=WebhookDelivery)
    )
    return session.scalars(stmt).first()

"""Emit an event: rows written in the caller's transaction, sent by the worker after commit.

If the change rolls back, the event was never emitted; if it commits, the event is sent
(at least once) even if the process stops right after. Every event is kept, subscribed or
not: the events feed (GET /v1/events, webhooks/feed.py) lists them for 30 days.
"""

from typing import Any

import orjson
from pydantic import BaseModel
from sqlalchemy.orm import Session

from talonario.db.rows import stage_new
from talonario.db.txmemo import remember, remembered
from talonario.kit.clock import utcnow
from talonario.kit.ids import new_id
from talonario.kit.jsonenc import dumps
from talonario.models import WebhookDelivery, WebhookEvent
from talonario.webhooks.repository import enabled_endpoints, enabled_endpoints_of
from talonario.webhooks.schemas import EVENT_TYPES


def _subscribers(session: Session, company_id: str, event_type: str) -> list[str]:
    """Ids of the company's enabled endpoints that take `event_type`; the endpoints are read
    once per transaction, with a Core query (group commit asks inside its lock)."""

    def enabled() -> list[tuple[str, list[str]]]:
        return enabled_endpoints(session, company_id)

    endpoints = remembered(session, _endpoints_key(company_id), enabled)
    return [endpoint_id for endpoint_id, events in endpoints if event_type in events]


def read_endpoints(session: Session, company_ids: list[str]) -> None:
    """Read the enabled endpoints of several companies at once, remembered for the rest of the
    transaction as _subscribers keeps them (group commit's batches: records/batch.py)."""
    found = enabled_endpoints_of(session, company_ids)
    remember(session, ((_endpoints_key(c), endpoints) for c, endpoints in found.items()))


def _endpoints_key(company_id: str) -> tuple[str, str]:
    return ("webhook_endpoints", company_id)


def emit(
    session: Session,
    company_id: str,
    event_type: str,
    data: BaseModel | dict[str, Any] | orjson.Fragment,
    *,
    object_id: str | None,
) -> None:
    """Keep `event_type` with `data` (the object as the API presents it: its Out model, the
    dict of one, or its JSON already written, an orjson.Fragment) and queue it for every
    enabled endpoint of the company that subscribes to it. `object_id`: the invoice it is
    about (the feed's `invoice` filter). Never commits: the caller's transaction does.

    The rows are staged (db/rows.py): inserted at the commit with the transaction's other new
    rows, so issuing pays for the event's JSON and no ORM flush; nothing reads them before.
    """
    if event_type not in EVENT_TYPES:
        raise ValueError(f"unknown webhook event type {event_type!r}")
    now = utcnow()
    event_id = new_id()
    # Serialised once, as the API writes JSON (exact decimals), so every attempt signs these bytes.
    body = dumps({"id": event_id, "type": event_type, "created_at": now, "data": data}).decode()
    stage_new(
        session,
        WebhookEvent(
            id=event_id,
            company_id=company_id,
            type=event_type,
            body=body,
            object_id=object_id,
            created_at=now,
            updated_at=now,
        ),
    )
    for endpoint_id in _subscribers(session, company_id, event_type):
        stage_new(
            session,
            WebhookDelivery(
                company_id=company_id,
                endpoint_id=endpoint_id,
                event_id=event_id,
                event_type=event_type,
                status="pending",
                attempts=0,
                next_attempt_at=now,
                created_at=now,
                updated_at=now,
            ),
        )

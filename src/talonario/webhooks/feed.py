"""The events feed: every webhook event of a company's changes, kept 30 days whether or not an
endpoint subscribed to it (GET /v1/events), then deleted by the worker.

A history of notifications to poll or to catch up from, not a legal record: the NO VERI*FACTU
event log (Orden HAC/1177/2024, package `events`) is a signed chain kept for years, and has
nothing to do with this one.
"""

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from talonario.config import Settings
from talonario.db import Database
from talonario.errors import InvalidRequest, NotFound
from talonario.kit.clock import utcnow
from talonario.models import WebhookEvent
from talonario.webhooks.feed_repository import (
    EventFeedRepository,
    FeedFilters,
    delete_events,
    expired_events,
)
from talonario.webhooks.feed_schemas import types_of

RETENTION = timedelta(days=30)
# Events deleted per write transaction: each pass holds the write lock for one short batch.
PURGE_BATCH = 500


class EventNotFound(NotFound):
    code = "event_not_found"


def kept_since(now: datetime | None = None) -> datetime:
    """The oldest moment whose events are still kept (and listed)."""
    return (now or utcnow()) - RETENTION


def _utc(value: datetime | None, param: str) -> datetime | None:
    """A filter's moment in UTC; one without an offset is taken as UTC."""
    if value is None:
        return None
    try:
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    except OverflowError:
        raise InvalidRequest(f"{param}: the moment is out of range.", param=param) from None


def list_events(
    session: Session,
    company_id: str,
    *,
    types: Sequence[str],
    invoice: str | None,
    created_gte: datetime | None,
    created_lte: datetime | None,
    limit: int,
    starting_after: str | None,
) -> tuple[Sequence[WebhookEvent], bool]:
    """A page of the company's kept events, newest first, of `types` (types or families such
    as `invoice.*`; none: all), about `invoice` (its id or external_id), created between
    `created_gte` and `created_lte` (both included)."""
    filters = FeedFilters(
        since=kept_since(),
        types=types_of(list(types)),
        invoice=invoice,
        created_gte=_utc(created_gte, "created_at[gte]"),
        created_lte=_utc(created_lte, "created_at[lte]"),
    )
    return EventFeedRepository(session, company_id).listed(filters, limit, starting_after)


def get_event(session: Session, company_id: str, event_id: str) -> WebhookEvent:
    """The company's event, while it is kept; 404 otherwise."""
    event = EventFeedRepository(session, company_id).kept(event_id, kept_since())
    if event is None:
        raise EventNotFound(f"No event '{event_id}' (events are kept 30 days).", param="id")
    return event


def purge_expired_events(db: Database, settings: Settings) -> int:
    """Worker job: delete up to PURGE_BATCH events older than 30 days, with their deliveries,
    except those a delivery still waits on; how many. The events are chosen in a read session,
    so an idle pass never takes the write lock."""
    before = kept_since()
    with db.read_session() as session:
        event_ids = expired_events(session, before, PURGE_BATCH)
    if not event_ids:
        return 0
    with db.write_session() as session:
        deleted = delete_events(session, event_ids)
        session.commit()
    return deleted

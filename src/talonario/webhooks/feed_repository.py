"""The events feed's SQL: a company's kept events (GET /v1/events), and the worker's purge of
the events past their time, which spans companies."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session

from talonario.db.lists import any_of
from talonario.db.repository import Repository
from talonario.models import Invoice, WebhookDelivery, WebhookEvent


@dataclass(frozen=True, slots=True)
class FeedFilters:
    """What GET /v1/events narrows to; `since` is the oldest moment still kept (30 days)."""

    since: datetime
    types: tuple[str, ...] = ()  # any of these (already expanded from `invoice.*`)
    invoice: str | None = None  # an invoice's id or external_id
    created_gte: datetime | None = None
    created_lte: datetime | None = None


class _Invoices(Repository[Invoice]):
    model = Invoice


class EventFeedRepository(Repository[WebhookEvent]):
    model = WebhookEvent
    noun = "event"

    def listed(
        self, filters: FeedFilters, limit: int, starting_after: str | None
    ) -> tuple[Sequence[WebhookEvent], bool]:
        """A page of the company's kept events matching every filter, newest first (the index
        (company_id, id); the filters are checked on the rows it reads)."""
        since = max(filters.since, filters.created_gte or filters.since)
        stmt = self.select().where(WebhookEvent.created_at >= since)
        if filters.types:
            stmt = stmt.where(WebhookEvent.type.in_(filters.types))
        if filters.invoice is not None:
            invoice_ids = _Invoices(self.session, self.company_id).ids_of_ref(filters.invoice)
            stmt = stmt.where(WebhookEvent.object_id.in_(invoice_ids))
        if filters.created_lte is not None:
            stmt = stmt.where(WebhookEvent.created_at <= filters.created_lte)
        return self.page(stmt, limit, starting_after)

    def kept(self, event_id: str, since: datetime) -> WebhookEvent | None:
        """The company's event `event_id` if created at or after `since`."""
        return self.first(
            self.select().where(WebhookEvent.id == event_id, WebhookEvent.created_at >= since)
        )


def _pending_delivery() -> object:
    return exists().where(
        WebhookDelivery.event_id == WebhookEvent.id, WebhookDelivery.status == "pending"
    )


def expired_events(session: Session, before: datetime, batch: int) -> list[str]:
    """Ids of up to `batch` events created before `before`, oldest first, none with a delivery
    still pending (an endpoint may yet receive it). Spans companies: the worker's purge."""
    stmt = (
        select(WebhookEvent.id)
        .where(WebhookEvent.created_at < before, ~_pending_delivery())  # type: ignore[operator]
        .order_by(WebhookEvent.created_at)
        .limit(batch)
    )
    return list(session.scalars(stmt))


def delete_events(session: Session, event_ids: Sequence[str]) -> int:
    """Delete the events `event_ids` with their finished deliveries; how many events went. An
    event with a delivery pending now (a replay may have queued one since they were chosen)
    keeps it and stays. Spans companies: the worker's purge."""
    dialect = session.connection().dialect
    session.execute(
        delete(WebhookDelivery).where(
            any_of(WebhookDelivery.event_id, event_ids, dialect),
            WebhookDelivery.status != "pending",
        )
    )
    any_delivery = exists().where(WebhookDelivery.event_id == WebhookEvent.id)
    result = session.execute(
        delete(WebhookEvent).where(any_of(WebhookEvent.id, event_ids, dialect), ~any_delivery)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from talonario.models.base import Base, Entity, JSONType, UTCDateTime


class WebhookEndpoint(Entity, Base):
    """A URL of the company's that receives the events it subscribes to, signed with `secret`."""

    __tablename__ = "webhook_endpoints"

    company_id: Mapped[str] = mapped_column(ForeignKey("companies.id"), index=True)
    url: Mapped[str] = mapped_column(String(2048))
    events: Mapped[list[str]] = mapped_column(JSONType)
    # The signing key must be read back to sign, so it cannot be stored hashed.
    secret: Mapped[str] = mapped_column(String(64))
    # After a rotation the old secret also signs for a while, so receivers can switch over.
    previous_secret: Mapped[str | None] = mapped_column(String(64))
    previous_secret_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    disabled_reason: Mapped[str | None] = mapped_column(String(24))  # gone | failing
    disabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Start of the current run of failed attempts; cleared by any success.
    failing_since: Mapped[datetime | None] = mapped_column(UTCDateTime())


class WebhookEvent(Entity, Base):
    """Something that happened, written in the transaction of the change that caused it,
    whether or not an endpoint subscribes: the events feed (GET /v1/events) lists every one
    for 30 days, then the worker deletes it (webhooks/feed.py).

    `body` is the JSON sent, fixed at emit time so every attempt signs the same bytes.
    """

    __tablename__ = "webhook_events"
    __table_args__ = (
        # The feed: a company's events newest first, and one invoice's (migration 0027).
        Index("ix_webhook_events_company_newest", "company_id", "id"),
        Index("ix_webhook_events_object", "object_id", "id"),
        # The purge: the oldest events, of every company.
        Index("ix_webhook_events_created_at", "created_at"),
    )

    company_id: Mapped[str] = mapped_column(ForeignKey("companies.id"))
    type: Mapped[str] = mapped_column(String(64))
    body: Mapped[str] = mapped_column(Text)
    # The invoice the event is about (an invoice.* event's invoice, a verifactu.record.*
    # event's record's invoice); what GET /v1/events?invoice= filters on.
    object_id: Mapped[str | None] = mapped_column(String(36))


class WebhookDelivery(Entity, Base):
    """One event on its way to one endpoint: its attempts so far and the last one's outcome."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (
        Index("ix_webhook_deliveries_due", "status", "next_attempt_at"),
        Index("ix_webhook_deliveries_endpoint", "endpoint_id", "id"),
    )

    company_id: Mapped[str] = mapped_column(ForeignKey("companies.id"))
    endpoint_id: Mapped[str] = mapped_column(ForeignKey("webhook_endpoints.id"))
    event_id: Mapped[str] = mapped_column(ForeignKey("webhook_events.id"), index=True)
    event_type: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), default="pending")  # succeeded | failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # A worker's claim: others skip the row until then (the POST runs outside any transaction).
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    response_status: Mapped[int | None] = mapped_column(Integer)
    response_body: Mapped[str | None] = mapped_column(Text)
    duration_ms: Mapped[int | None] = mapped_column(Integer)
    error: Mapped[str | None] = mapped_column(String(500))
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    replay_of: Mapped[str | None] = mapped_column(String(36))

    # Lets one flush insert the event before the deliveries that point at it.
    event: Mapped[WebhookEvent] = relationship()

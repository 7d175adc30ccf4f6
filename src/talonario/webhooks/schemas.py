from datetime import datetime
from typing import Annotated, Literal, Self, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    Field,
    SerializerFunctionWrapHandler,
    WithJsonSchema,
    model_serializer,
)

from talonario.kit.patch import NotNull, Patch
from talonario.kit.schema import Input
from talonario.models import WebhookDelivery, WebhookEndpoint
from talonario.webhooks.guard import UnsafeUrl, parse

EventType = Literal[
    "invoice.issued",
    "invoice.paid",
    "invoice.voided",
    "invoice.sent",
    "invoice.overdue",  # once per invoice, when the worker finds it past due_on unpaid
    "quote.sent",
    "quote.accepted",
    "quote.rejected",
    "quote.invoiced",  # an invoice made from it (POST /v1/quotes/{id}/invoice)
    "verifactu.record.accepted",
    "verifactu.record.accepted_with_errors",
    "verifactu.record.rejected",
]
EVENT_TYPES: tuple[str, ...] = get_args(EventType)

DeliveryStatus = Literal["pending", "succeeded", "failed"]


def _url(value: str) -> str:
    try:
        parse(value)
    except UnsafeUrl as exc:
        raise ValueError(str(exc)) from None
    return value


def _unique(events: list[str]) -> list[str]:
    return list(dict.fromkeys(events))


# What guard.parse takes, as a pattern: https, a host (RFC 3986 reg-name), a port that exists.
_PORT = r"(6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[0-9]{1,4})"
URL_PATTERN = rf"^https://[A-Za-z0-9._~%!$&'()*+,;=-]+(:{_PORT})?([/?#][!-~]*)?$"
Url = Annotated[
    str,
    Field(min_length=1, max_length=2048),
    AfterValidator(_url),
    WithJsonSchema(
        {
            "type": "string",
            "minLength": 1,
            "maxLength": 2048,
            "pattern": URL_PATTERN,
            "description": "https; must resolve to public addresses.",
        }
    ),
]
Events = Annotated[
    list[EventType],
    Field(min_length=1, max_length=len(EVENT_TYPES), description="The events to receive."),
    AfterValidator(_unique),
]


class WebhookEndpointCreate(Input):
    url: Url
    events: Events


class WebhookEndpointUpdate(Patch):
    url: NotNull[Url] = None
    events: NotNull[Events] = None
    enabled: NotNull[bool] = Field(
        default=None, description="`true` re-enables an endpoint that was disabled."
    )


class WebhookEndpointOut(BaseModel):
    id: str
    object: Literal["webhook_endpoint"]
    url: str
    events: list[EventType]
    enabled: bool
    disabled_reason: Literal["gone", "failing"] | None = Field(
        description="`gone`: it answered 410; `failing`: every attempt failed for days."
    )
    disabled_at: datetime | None
    created_at: datetime
    updated_at: datetime
    secret: str | None = Field(
        default=None,
        description="The signing secret (`whsec_…`); only in the answer that makes it.",
    )

    @classmethod
    def of(cls, endpoint: WebhookEndpoint, secret: str | None = None) -> Self:
        return cls.model_construct(
            id=endpoint.id,
            object="webhook_endpoint",
            url=endpoint.url,
            events=endpoint.events,
            enabled=endpoint.enabled,
            disabled_reason=endpoint.disabled_reason,
            disabled_at=endpoint.disabled_at,
            created_at=endpoint.created_at,
            updated_at=endpoint.updated_at,
            secret=secret,
        )

    # No return annotation: the published schema stays the model's own.
    @model_serializer(mode="wrap")
    def _without_absent_secret(self, handler: SerializerFunctionWrapHandler):
        """The key `secret` only in the answers that show one."""
        out = handler(self)
        if out.get("secret") is None:
            out.pop("secret", None)
        return out


class WebhookDeliveryOut(BaseModel):
    id: str
    object: Literal["webhook_delivery"]
    endpoint_id: str
    event_id: str = Field(description="Also the `webhook-id` header: the same on every attempt.")
    event_type: EventType
    status: DeliveryStatus
    attempts: int
    next_attempt_at: datetime | None
    last_attempt_at: datetime | None
    response_status: int | None
    response_body: str | None = Field(description="The start of the last answer's body.")
    duration_ms: int | None
    error: str | None = Field(description="Why the last attempt got no HTTP answer, if it did not.")
    delivered_at: datetime | None
    replay_of: str | None = Field(description="The delivery this one replays.")
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, delivery: WebhookDelivery) -> Self:
        return cls.model_construct(
            id=delivery.id,
            object="webhook_delivery",
            endpoint_id=delivery.endpoint_id,
            event_id=delivery.event_id,
            event_type=delivery.event_type,
            status=delivery.status,
            attempts=delivery.attempts,
            next_attempt_at=delivery.next_attempt_at,
            last_attempt_at=delivery.last_attempt_at,
            response_status=delivery.response_status,
            response_body=delivery.response_body,
            duration_ms=delivery.duration_ms,
            error=delivery.error,
            delivered_at=delivery.delivered_at,
            replay_of=delivery.replay_of,
            created_at=delivery.created_at,
            updated_at=delivery.updated_at,
        )

"""The events feed's answers and its `type` filter."""

from datetime import datetime
from typing import Annotated, Any, Literal, Self

from pydantic import BaseModel, Field, WithJsonSchema

from talonario.errors import InvalidRequest
from talonario.kit.jsonenc import loads_exact
from talonario.models import WebhookEvent
from talonario.webhooks.schemas import EVENT_TYPES, EventType

# Each family of event types, named by what they start with: invoice.*, verifactu.*, ...
FAMILIES: tuple[str, ...] = tuple(
    dict.fromkeys(
        ".".join(parts[:n]) + ".*"
        for parts in (t.split(".") for t in EVENT_TYPES)
        for n in range(1, len(parts))
    )
)


# Published as the names it takes; checked by types_of, whose 422 names `type` itself.
EventTypeFilter = Annotated[
    str, WithJsonSchema({"type": "string", "enum": [*EVENT_TYPES, *FAMILIES]})
]


class UnknownEventType(InvalidRequest):
    code = "unknown_event_type"


def types_of(chosen: list[str]) -> tuple[str, ...]:
    """The event types `chosen` names (each a type, or a family such as `invoice.*`), each
    once; 422 naming `type` for a name that is neither."""
    found: list[str] = []
    for value in chosen:
        if value not in EVENT_TYPES and value not in FAMILIES:
            known = ", ".join((*EVENT_TYPES, *FAMILIES))
            raise UnknownEventType(
                f"Unknown event type '{value}' (the types and families: {known}).", param="type"
            )
        prefix = value[:-1] if value in FAMILIES else None  # "invoice.*" -> "invoice."
        found += [t for t in EVENT_TYPES if t == value or (prefix and t.startswith(prefix))]
    return tuple(dict.fromkeys(found))


class WebhookEventOut(BaseModel):
    """An event as the webhooks carry it (not an event of the NO VERI*FACTU log, which is
    /v1/verifactu/events)."""

    id: str = Field(description="Also the `webhook-id` header of its deliveries.")
    object: Literal["event"]
    type: EventType
    created_at: datetime
    data: dict[str, Any] = Field(
        description="The object as the webhook carried it, as it was when the event happened:"
        " an invoice (invoice.*), a quote (quote.*) or a VERI*FACTU record (verifactu.record.*)."
    )

    @classmethod
    def of(cls, event: WebhookEvent) -> Self:
        # The stored body is the JSON sent; its amounts are read back as exact decimals.
        return cls.model_construct(
            id=event.id,
            object="event",
            type=event.type,
            created_at=event.created_at,
            data=loads_exact(event.body)["data"],
        )

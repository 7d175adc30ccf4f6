from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_event_out_type import WebhookEventOutType, check_webhook_event_out_type

if TYPE_CHECKING:
    from ..models.webhook_event_out_data import WebhookEventOutData


T = TypeVar("T", bound="WebhookEventOut")


@_attrs_define
class WebhookEventOut:
    """An event as the webhooks carry it (not an event of the NO VERI*FACTU log, which is
    /v1/verifactu/events).

        Attributes:
            id (str): Also the `webhook-id` header of its deliveries.
            object_ (Literal['event']):
            type_ (WebhookEventOutType):
            created_at (datetime.datetime):
            data (WebhookEventOutData): The object as the webhook carried it, as it was when the event happened: an invoice
                (invoice.*), a quote (quote.*) or a VERI*FACTU record (verifactu.record.*).
    """

    id: str
    object_: Literal["event"]
    type_: WebhookEventOutType
    created_at: datetime.datetime
    data: WebhookEventOutData
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        object_ = self.object_

        type_: str = self.type_

        created_at = self.created_at.isoformat()

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object_,
                "type": type_,
                "created_at": created_at,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.webhook_event_out_data import WebhookEventOutData  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        object_ = cast(Literal["event"], d.pop("object"))
        if object_ != "event":
            raise ValueError(f"object must match const 'event', got '{object_}'")

        type_ = check_webhook_event_out_type(d.pop("type"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        data = WebhookEventOutData.from_dict(d.pop("data"))

        webhook_event_out = cls(
            id=id,
            object_=object_,
            type_=type_,
            created_at=created_at,
            data=data,
        )

        webhook_event_out.additional_properties = d
        return webhook_event_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

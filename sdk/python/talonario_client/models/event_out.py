from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="EventOut")


@_attrs_define
class EventOut:
    """
    Attributes:
        id (str):
        sequence (int): Position in the company's event chain, from 1.
        event_type (str): TipoEvento (L2E): 01 start / 02 end of NO VERI*FACTU, 03/05 anomaly detection launched on
            records/events, 04/06 anomaly found, 07 backup restored, 08/09 records/events exported, 10 summary, 90 other.
        generated_at (str): FechaHoraHusoGenEvento, as written in the event.
        huella (str):
        previous_huella (None | str):
        summary (None | str): What the event is about, in words.
        created_at (datetime.datetime):
        object_ (str | Unset):  Default: 'verifactu_event'.
    """

    id: str
    sequence: int
    event_type: str
    generated_at: str
    huella: str
    previous_huella: None | str
    summary: None | str
    created_at: datetime.datetime
    object_: str | Unset = "verifactu_event"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        sequence = self.sequence

        event_type = self.event_type

        generated_at = self.generated_at

        huella = self.huella

        previous_huella: None | str
        previous_huella = self.previous_huella

        summary: None | str
        summary = self.summary

        created_at = self.created_at.isoformat()

        object_ = self.object_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "sequence": sequence,
                "event_type": event_type,
                "generated_at": generated_at,
                "huella": huella,
                "previous_huella": previous_huella,
                "summary": summary,
                "created_at": created_at,
            }
        )
        if object_ is not UNSET:
            field_dict["object"] = object_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        sequence = d.pop("sequence")

        event_type = d.pop("event_type")

        generated_at = d.pop("generated_at")

        huella = d.pop("huella")

        def _parse_previous_huella(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        previous_huella = _parse_previous_huella(d.pop("previous_huella"))

        def _parse_summary(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        summary = _parse_summary(d.pop("summary"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        object_ = d.pop("object", UNSET)

        event_out = cls(
            id=id,
            sequence=sequence,
            event_type=event_type,
            generated_at=generated_at,
            huella=huella,
            previous_huella=previous_huella,
            summary=summary,
            created_at=created_at,
            object_=object_,
        )

        event_out.additional_properties = d
        return event_out

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

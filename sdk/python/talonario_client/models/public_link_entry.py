from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PublicLinkEntry")


@_attrs_define
class PublicLinkEntry:
    """
    Attributes:
        type_ (Literal['public_link.created']):
        at (datetime.datetime):
        enabled (bool):
        expires_at (datetime.datetime):
    """

    type_: Literal["public_link.created"]
    at: datetime.datetime
    enabled: bool
    expires_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        at = self.at.isoformat()

        enabled = self.enabled

        expires_at = self.expires_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "at": at,
                "enabled": enabled,
                "expires_at": expires_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = cast(Literal["public_link.created"], d.pop("type"))
        if type_ != "public_link.created":
            raise ValueError(f"type must match const 'public_link.created', got '{type_}'")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        enabled = d.pop("enabled")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        public_link_entry = cls(
            type_=type_,
            at=at,
            enabled=enabled,
            expires_at=expires_at,
        )

        public_link_entry.additional_properties = d
        return public_link_entry

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

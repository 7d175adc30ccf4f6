from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PublicLinkOut")


@_attrs_define
class PublicLinkOut:
    """
    Attributes:
        url (None | str): The customer's page; null while disabled.
        enabled (bool):
        expires_at (datetime.datetime):
        max_days (int):
    """

    url: None | str
    enabled: bool
    expires_at: datetime.datetime
    max_days: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        url: None | str
        url = self.url

        enabled = self.enabled

        expires_at = self.expires_at.isoformat()

        max_days = self.max_days

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "url": url,
                "enabled": enabled,
                "expires_at": expires_at,
                "max_days": max_days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        url = _parse_url(d.pop("url"))

        enabled = d.pop("enabled")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        max_days = d.pop("max_days")

        public_link_out = cls(
            url=url,
            enabled=enabled,
            expires_at=expires_at,
            max_days=max_days,
        )

        public_link_out.additional_properties = d
        return public_link_out

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PublicLinkIn")


@_attrs_define
class PublicLinkIn:
    """
    Attributes:
        enabled (bool | Unset): false revokes the link at once. Default: True.
        max_days (int | Unset): Days the link stays valid from now; posting again with enabled extends it. Default: 30.
    """

    enabled: bool | Unset = True
    max_days: int | Unset = 30

    def to_dict(self) -> dict[str, Any]:
        enabled = self.enabled

        max_days = self.max_days

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if max_days is not UNSET:
            field_dict["max_days"] = max_days

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        enabled = d.pop("enabled", UNSET)

        max_days = d.pop("max_days", UNSET)

        public_link_in = cls(
            enabled=enabled,
            max_days=max_days,
        )

        return public_link_in

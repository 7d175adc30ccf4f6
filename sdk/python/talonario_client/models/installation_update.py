from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="InstallationUpdate")


@_attrs_define
class InstallationUpdate:
    """
    Attributes:
        name (str | Unset):
        installation_number (str | Unset): Only while the installation has no records.
    """

    name: str | Unset = UNSET
    installation_number: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        installation_number = self.installation_number

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if installation_number is not UNSET:
            field_dict["installation_number"] = installation_number

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        installation_number = d.pop("installation_number", UNSET)

        installation_update = cls(
            name=name,
            installation_number=installation_number,
        )

        return installation_update

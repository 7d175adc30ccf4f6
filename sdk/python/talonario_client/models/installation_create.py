from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="InstallationCreate")


@_attrs_define
class InstallationCreate:
    """
    Attributes:
        installation_number (str): NumeroInstalacion of its records (AEAT: up to 100 characters), unique among the
            company's installations and other than the company id (the default installation's).
        name (str):
    """

    installation_number: str
    name: str

    def to_dict(self) -> dict[str, Any]:
        installation_number = self.installation_number

        name = self.name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "installation_number": installation_number,
                "name": name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        installation_number = d.pop("installation_number")

        name = d.pop("name")

        installation_create = cls(
            installation_number=installation_number,
            name=name,
        )

        return installation_create

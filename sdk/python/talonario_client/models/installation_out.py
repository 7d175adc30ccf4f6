from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="InstallationOut")


@_attrs_define
class InstallationOut:
    """
    Attributes:
        id (str):
        object_ (Literal['installation']):
        company (str):
        installation_number (str):
        name (str):
        last_record (None | str): Id of the last record of its chain (null: its next record is its first).
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: str
    object_: Literal["installation"]
    company: str
    installation_number: str
    name: str
    last_record: None | str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        object_ = self.object_

        company = self.company

        installation_number = self.installation_number

        name = self.name

        last_record: None | str
        last_record = self.last_record

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object_,
                "company": company,
                "installation_number": installation_number,
                "name": name,
                "last_record": last_record,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        object_ = cast(Literal["installation"], d.pop("object"))
        if object_ != "installation":
            raise ValueError(f"object must match const 'installation', got '{object_}'")

        company = d.pop("company")

        installation_number = d.pop("installation_number")

        name = d.pop("name")

        def _parse_last_record(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_record = _parse_last_record(d.pop("last_record"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        installation_out = cls(
            id=id,
            object_=object_,
            company=company,
            installation_number=installation_number,
            name=name,
            last_record=last_record,
            created_at=created_at,
            updated_at=updated_at,
        )

        installation_out.additional_properties = d
        return installation_out

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

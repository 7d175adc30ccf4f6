from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.foreign_id_out_id_type import ForeignIdOutIdType, check_foreign_id_out_id_type

T = TypeVar("T", bound="ForeignIdOut")


@_attrs_define
class ForeignIdOut:
    """
    Attributes:
        country (None | str):
        id_type (ForeignIdOutIdType):
        id (str):
    """

    country: None | str
    id_type: ForeignIdOutIdType
    id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        country: None | str
        country = self.country

        id_type: str = self.id_type

        id = self.id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "country": country,
                "id_type": id_type,
                "id": id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_country(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        country = _parse_country(d.pop("country"))

        id_type = check_foreign_id_out_id_type(d.pop("id_type"))

        id = d.pop("id")

        foreign_id_out = cls(
            country=country,
            id_type=id_type,
            id=id,
        )

        foreign_id_out.additional_properties = d
        return foreign_id_out

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ProducerOut")


@_attrs_define
class ProducerOut:
    """
    Attributes:
        name (str): SistemaInformatico/NombreRazon (declaration letter h).
        nif (str): SistemaInformatico/NIF (letter i).
        address (None | str): Full postal address (letter j).
        declared (bool): False: no producer is configured; records carry a placeholder and may only go to the sandbox.
    """

    name: str
    nif: str
    address: None | str
    declared: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        nif = self.nif

        address: None | str
        address = self.address

        declared = self.declared

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "nif": nif,
                "address": address,
                "declared": declared,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        nif = d.pop("nif")

        def _parse_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        address = _parse_address(d.pop("address"))

        declared = d.pop("declared")

        producer_out = cls(
            name=name,
            nif=nif,
            address=address,
            declared=declared,
        )

        producer_out.additional_properties = d
        return producer_out

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

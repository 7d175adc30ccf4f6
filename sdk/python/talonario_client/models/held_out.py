from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="HeldOut")


@_attrs_define
class HeldOut:
    """
    Attributes:
        found (bool):
        status (None | str): EstadoRegistro at AEAT: Correcto, AceptadoConErrores or Anulado.
        huella (None | str):
        code (int | None):
        description (None | str):
        in_agreement (bool): AEAT holds what this invoice's latest record says.
    """

    found: bool
    status: None | str
    huella: None | str
    code: int | None
    description: None | str
    in_agreement: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        found = self.found

        status: None | str
        status = self.status

        huella: None | str
        huella = self.huella

        code: int | None
        code = self.code

        description: None | str
        description = self.description

        in_agreement = self.in_agreement

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "found": found,
                "status": status,
                "huella": huella,
                "code": code,
                "description": description,
                "in_agreement": in_agreement,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        found = d.pop("found")

        def _parse_status(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        status = _parse_status(d.pop("status"))

        def _parse_huella(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        huella = _parse_huella(d.pop("huella"))

        def _parse_code(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        code = _parse_code(d.pop("code"))

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        in_agreement = d.pop("in_agreement")

        held_out = cls(
            found=found,
            status=status,
            huella=huella,
            code=code,
            description=description,
            in_agreement=in_agreement,
        )

        held_out.additional_properties = d
        return held_out

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

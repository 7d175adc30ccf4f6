from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.foreign_id_out import ForeignIdOut


T = TypeVar("T", bound="RecipientOut")


@_attrs_define
class RecipientOut:
    """
    Attributes:
        name (str):
        nif (None | str | Unset):
        foreign_id (ForeignIdOut | None | Unset):
    """

    name: str
    nif: None | str | Unset = UNSET
    foreign_id: ForeignIdOut | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.foreign_id_out import ForeignIdOut  # noqa: PLC0415

        name = self.name

        nif: None | str | Unset
        if isinstance(self.nif, Unset):
            nif = UNSET
        else:
            nif = self.nif

        foreign_id: dict[str, Any] | None | Unset
        if isinstance(self.foreign_id, Unset):
            foreign_id = UNSET
        elif isinstance(self.foreign_id, ForeignIdOut):
            foreign_id = self.foreign_id.to_dict()
        else:
            foreign_id = self.foreign_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if nif is not UNSET:
            field_dict["nif"] = nif
        if foreign_id is not UNSET:
            field_dict["foreign_id"] = foreign_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.foreign_id_out import ForeignIdOut  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        def _parse_nif(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        nif = _parse_nif(d.pop("nif", UNSET))

        def _parse_foreign_id(data: object) -> ForeignIdOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                foreign_id_type_0 = ForeignIdOut.from_dict(data)

                return foreign_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ForeignIdOut | None | Unset, data)

        foreign_id = _parse_foreign_id(d.pop("foreign_id", UNSET))

        recipient_out = cls(
            name=name,
            nif=nif,
            foreign_id=foreign_id,
        )

        recipient_out.additional_properties = d
        return recipient_out

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

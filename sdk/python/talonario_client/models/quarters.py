from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Quarters")


@_attrs_define
class Quarters:
    """
    Attributes:
        q1 (Decimal):
        q2 (Decimal):
        q3 (Decimal):
        q4 (Decimal):
    """

    q1: Decimal
    q2: Decimal
    q3: Decimal
    q4: Decimal
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        q1 = format(self.q1, "f")

        q2 = format(self.q2, "f")

        q3 = format(self.q3, "f")

        q4 = format(self.q4, "f")

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "q1": q1,
                "q2": q2,
                "q3": q3,
                "q4": q4,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        q1 = Decimal(str(d.pop("q1")))

        q2 = Decimal(str(d.pop("q2")))

        q3 = Decimal(str(d.pop("q3")))

        q4 = Decimal(str(d.pop("q4")))

        quarters = cls(
            q1=q1,
            q2=q2,
            q3=q3,
            q4=q4,
        )

        quarters.additional_properties = d
        return quarters

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

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TaxedRow")


@_attrs_define
class TaxedRow:
    """
    Attributes:
        rate (Decimal):
        base (Decimal):
        quota (Decimal):
    """

    rate: Decimal
    base: Decimal
    quota: Decimal
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rate = format(self.rate, "f")

        base = format(self.base, "f")

        quota = format(self.quota, "f")

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rate": rate,
                "base": base,
                "quota": quota,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        rate = Decimal(str(d.pop("rate")))

        base = Decimal(str(d.pop("base")))

        quota = Decimal(str(d.pop("quota")))

        taxed_row = cls(
            rate=rate,
            base=base,
            quota=quota,
        )

        taxed_row.additional_properties = d
        return taxed_row

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

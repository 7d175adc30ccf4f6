from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OtherTaxRow")


@_attrs_define
class OtherTaxRow:
    """
    Attributes:
        type_ (str): IGIC or IPSI: outside the Modelo 303.
        operation (str):
        rate (Decimal | None):
        base (Decimal):
        quota (Decimal):
    """

    type_: str
    operation: str
    rate: Decimal | None
    base: Decimal
    quota: Decimal
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        operation = self.operation

        rate: None | str
        if isinstance(self.rate, Decimal):
            rate = format(self.rate, "f")
        else:
            rate = self.rate

        base = format(self.base, "f")

        quota = format(self.quota, "f")

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "operation": operation,
                "rate": rate,
                "base": base,
                "quota": quota,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = d.pop("type")

        operation = d.pop("operation")

        def _parse_rate(data: object) -> Decimal | None:
            if data is None:
                return data
            try:
                if not isinstance(data, int | float | Decimal):
                    raise TypeError()
                rate_type_0 = Decimal(str(data))

                return rate_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Decimal | None, data)

        rate = _parse_rate(d.pop("rate"))

        base = Decimal(str(d.pop("base")))

        quota = Decimal(str(d.pop("quota")))

        other_tax_row = cls(
            type_=type_,
            operation=operation,
            rate=rate,
            base=base,
            quota=quota,
        )

        other_tax_row.additional_properties = d
        return other_tax_row

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

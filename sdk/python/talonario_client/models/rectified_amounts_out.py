from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RectifiedAmountsOut")


@_attrs_define
class RectifiedAmountsOut:
    """
    Attributes:
        base (Decimal):
        quota (Decimal):
        surcharge_quota (Decimal | None):
    """

    base: Decimal
    quota: Decimal
    surcharge_quota: Decimal | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        base = format(self.base, "f")

        quota = format(self.quota, "f")

        surcharge_quota: None | str
        if isinstance(self.surcharge_quota, Decimal):
            surcharge_quota = format(self.surcharge_quota, "f")
        else:
            surcharge_quota = self.surcharge_quota

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "base": base,
                "quota": quota,
                "surcharge_quota": surcharge_quota,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        base = Decimal(str(d.pop("base")))

        quota = Decimal(str(d.pop("quota")))

        def _parse_surcharge_quota(data: object) -> Decimal | None:
            if data is None:
                return data
            try:
                if not isinstance(data, int | float | Decimal):
                    raise TypeError()
                surcharge_quota_type_0 = Decimal(str(data))

                return surcharge_quota_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Decimal | None, data)

        surcharge_quota = _parse_surcharge_quota(d.pop("surcharge_quota"))

        rectified_amounts_out = cls(
            base=base,
            quota=quota,
            surcharge_quota=surcharge_quota,
        )

        rectified_amounts_out.additional_properties = d
        return rectified_amounts_out

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

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RectifiedAmountsIn")


@_attrs_define
class RectifiedAmountsIn:
    """
    Attributes:
        base (Decimal | str):
        quota (Decimal | str):
        surcharge_quota (Decimal | None | str | Unset):
    """

    base: Decimal | str
    quota: Decimal | str
    surcharge_quota: Decimal | None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        base: str
        if isinstance(self.base, Decimal):
            base = format(self.base, "f")
        else:
            base = self.base

        quota: str
        if isinstance(self.quota, Decimal):
            quota = format(self.quota, "f")
        else:
            quota = self.quota

        surcharge_quota: None | str | Unset
        if isinstance(self.surcharge_quota, Unset):
            surcharge_quota = UNSET
        elif isinstance(self.surcharge_quota, Decimal):
            surcharge_quota = format(self.surcharge_quota, "f")
        else:
            surcharge_quota = self.surcharge_quota

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "base": base,
                "quota": quota,
            }
        )
        if surcharge_quota is not UNSET:
            field_dict["surcharge_quota"] = surcharge_quota

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_base(data: object) -> Decimal | str:
            try:
                if not isinstance(data, int | float | Decimal):
                    raise TypeError()
                base_type_0 = Decimal(str(data))

                return base_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Decimal | str, data)

        base = _parse_base(d.pop("base"))

        def _parse_quota(data: object) -> Decimal | str:
            try:
                if not isinstance(data, int | float | Decimal):
                    raise TypeError()
                quota_type_0 = Decimal(str(data))

                return quota_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Decimal | str, data)

        quota = _parse_quota(d.pop("quota"))

        def _parse_surcharge_quota(data: object) -> Decimal | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int | float | Decimal):
                    raise TypeError()
                surcharge_quota_type_0 = Decimal(str(data))

                return surcharge_quota_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Decimal | None | str | Unset, data)

        surcharge_quota = _parse_surcharge_quota(d.pop("surcharge_quota", UNSET))

        rectified_amounts_in = cls(
            base=base,
            quota=quota,
            surcharge_quota=surcharge_quota,
        )

        return rectified_amounts_in

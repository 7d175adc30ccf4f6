from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BreakdownRowOut")


@_attrs_define
class BreakdownRowOut:
    """
    Attributes:
        tax_type (str):
        regime (str):
        operation (str): S1, S2, N1, N2 or the exemption E1–E8.
        rate (Decimal | None):
        base (Decimal):
        tax_amount (Decimal | None):
        surcharge_rate (Decimal | None):
        surcharge_amount (Decimal | None):
    """

    tax_type: str
    regime: str
    operation: str
    rate: Decimal | None
    base: Decimal
    tax_amount: Decimal | None
    surcharge_rate: Decimal | None
    surcharge_amount: Decimal | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tax_type = self.tax_type

        regime = self.regime

        operation = self.operation

        rate: None | str
        if isinstance(self.rate, Decimal):
            rate = format(self.rate, "f")
        else:
            rate = self.rate

        base = format(self.base, "f")

        tax_amount: None | str
        if isinstance(self.tax_amount, Decimal):
            tax_amount = format(self.tax_amount, "f")
        else:
            tax_amount = self.tax_amount

        surcharge_rate: None | str
        if isinstance(self.surcharge_rate, Decimal):
            surcharge_rate = format(self.surcharge_rate, "f")
        else:
            surcharge_rate = self.surcharge_rate

        surcharge_amount: None | str
        if isinstance(self.surcharge_amount, Decimal):
            surcharge_amount = format(self.surcharge_amount, "f")
        else:
            surcharge_amount = self.surcharge_amount

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tax_type": tax_type,
                "regime": regime,
                "operation": operation,
                "rate": rate,
                "base": base,
                "tax_amount": tax_amount,
                "surcharge_rate": surcharge_rate,
                "surcharge_amount": surcharge_amount,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        tax_type = d.pop("tax_type")

        regime = d.pop("regime")

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

        def _parse_tax_amount(data: object) -> Decimal | None:
            if data is None:
                return data
            try:
                if not isinstance(data, int | float | Decimal):
                    raise TypeError()
                tax_amount_type_0 = Decimal(str(data))

                return tax_amount_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Decimal | None, data)

        tax_amount = _parse_tax_amount(d.pop("tax_amount"))

        def _parse_surcharge_rate(data: object) -> Decimal | None:
            if data is None:
                return data
            try:
                if not isinstance(data, int | float | Decimal):
                    raise TypeError()
                surcharge_rate_type_0 = Decimal(str(data))

                return surcharge_rate_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Decimal | None, data)

        surcharge_rate = _parse_surcharge_rate(d.pop("surcharge_rate"))

        def _parse_surcharge_amount(data: object) -> Decimal | None:
            if data is None:
                return data
            try:
                if not isinstance(data, int | float | Decimal):
                    raise TypeError()
                surcharge_amount_type_0 = Decimal(str(data))

                return surcharge_amount_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Decimal | None, data)

        surcharge_amount = _parse_surcharge_amount(d.pop("surcharge_amount"))

        breakdown_row_out = cls(
            tax_type=tax_type,
            regime=regime,
            operation=operation,
            rate=rate,
            base=base,
            tax_amount=tax_amount,
            surcharge_rate=surcharge_rate,
            surcharge_amount=surcharge_amount,
        )

        breakdown_row_out.additional_properties = d
        return breakdown_row_out

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

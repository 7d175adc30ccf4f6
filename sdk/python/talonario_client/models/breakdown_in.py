from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.breakdown_in_operation import BreakdownInOperation, check_breakdown_in_operation
from ..models.breakdown_in_tax_type import BreakdownInTaxType, check_breakdown_in_tax_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="BreakdownIn")


@_attrs_define
class BreakdownIn:
    """One DetalleDesglose, as the issuing system computed it.

    Attributes:
        base (Decimal | str): BaseImponibleOimporteNoSujeto.
        tax_type (BreakdownInTaxType | Unset):  Default: 'IVA'.
        regime (str | Unset): AEAT L8A/L8B key. Default: '01'.
        operation (BreakdownInOperation | Unset): S1/S2 (subject), N1/N2 (not subject) or E1–E8 (exempt). Default: 'S1'.
        rate (Decimal | None | str | Unset):
        tax_amount (Decimal | None | str | Unset): CuotaRepercutida.
        surcharge_rate (Decimal | None | str | Unset):
        surcharge_amount (Decimal | None | str | Unset):
    """

    base: Decimal | str
    tax_type: BreakdownInTaxType | Unset = "IVA"
    regime: str | Unset = "01"
    operation: BreakdownInOperation | Unset = "S1"
    rate: Decimal | None | str | Unset = UNSET
    tax_amount: Decimal | None | str | Unset = UNSET
    surcharge_rate: Decimal | None | str | Unset = UNSET
    surcharge_amount: Decimal | None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        base: str
        if isinstance(self.base, Decimal):
            base = format(self.base, "f")
        else:
            base = self.base

        tax_type: str | Unset = UNSET
        if not isinstance(self.tax_type, Unset):
            tax_type = self.tax_type

        regime = self.regime

        operation: str | Unset = UNSET
        if not isinstance(self.operation, Unset):
            operation = self.operation

        rate: None | str | Unset
        if isinstance(self.rate, Unset):
            rate = UNSET
        elif isinstance(self.rate, Decimal):
            rate = format(self.rate, "f")
        else:
            rate = self.rate

        tax_amount: None | str | Unset
        if isinstance(self.tax_amount, Unset):
            tax_amount = UNSET
        elif isinstance(self.tax_amount, Decimal):
            tax_amount = format(self.tax_amount, "f")
        else:
            tax_amount = self.tax_amount

        surcharge_rate: None | str | Unset
        if isinstance(self.surcharge_rate, Unset):
            surcharge_rate = UNSET
        elif isinstance(self.surcharge_rate, Decimal):
            surcharge_rate = format(self.surcharge_rate, "f")
        else:
            surcharge_rate = self.surcharge_rate

        surcharge_amount: None | str | Unset
        if isinstance(self.surcharge_amount, Unset):
            surcharge_amount = UNSET
        elif isinstance(self.surcharge_amount, Decimal):
            surcharge_amount = format(self.surcharge_amount, "f")
        else:
            surcharge_amount = self.surcharge_amount

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "base": base,
            }
        )
        if tax_type is not UNSET:
            field_dict["tax_type"] = tax_type
        if regime is not UNSET:
            field_dict["regime"] = regime
        if operation is not UNSET:
            field_dict["operation"] = operation
        if rate is not UNSET:
            field_dict["rate"] = rate
        if tax_amount is not UNSET:
            field_dict["tax_amount"] = tax_amount
        if surcharge_rate is not UNSET:
            field_dict["surcharge_rate"] = surcharge_rate
        if surcharge_amount is not UNSET:
            field_dict["surcharge_amount"] = surcharge_amount

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

        _tax_type = d.pop("tax_type", UNSET)
        tax_type: BreakdownInTaxType | Unset
        if isinstance(_tax_type, Unset):
            tax_type = UNSET
        else:
            tax_type = check_breakdown_in_tax_type(_tax_type)

        regime = d.pop("regime", UNSET)

        _operation = d.pop("operation", UNSET)
        operation: BreakdownInOperation | Unset
        if isinstance(_operation, Unset):
            operation = UNSET
        else:
            operation = check_breakdown_in_operation(_operation)

        def _parse_rate(data: object) -> Decimal | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int | float | Decimal):
                    raise TypeError()
                rate_type_0 = Decimal(str(data))

                return rate_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Decimal | None | str | Unset, data)

        rate = _parse_rate(d.pop("rate", UNSET))

        def _parse_tax_amount(data: object) -> Decimal | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int | float | Decimal):
                    raise TypeError()
                tax_amount_type_0 = Decimal(str(data))

                return tax_amount_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Decimal | None | str | Unset, data)

        tax_amount = _parse_tax_amount(d.pop("tax_amount", UNSET))

        def _parse_surcharge_rate(data: object) -> Decimal | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int | float | Decimal):
                    raise TypeError()
                surcharge_rate_type_0 = Decimal(str(data))

                return surcharge_rate_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Decimal | None | str | Unset, data)

        surcharge_rate = _parse_surcharge_rate(d.pop("surcharge_rate", UNSET))

        def _parse_surcharge_amount(data: object) -> Decimal | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int | float | Decimal):
                    raise TypeError()
                surcharge_amount_type_0 = Decimal(str(data))

                return surcharge_amount_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Decimal | None | str | Unset, data)

        surcharge_amount = _parse_surcharge_amount(d.pop("surcharge_amount", UNSET))

        breakdown_in = cls(
            base=base,
            tax_type=tax_type,
            regime=regime,
            operation=operation,
            rate=rate,
            tax_amount=tax_amount,
            surcharge_rate=surcharge_rate,
            surcharge_amount=surcharge_amount,
        )

        return breakdown_in

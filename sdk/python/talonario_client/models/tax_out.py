from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.exemption import Exemption, check_exemption
from ..models.not_subject import NotSubject, check_not_subject
from ..models.tax_type import TaxType, check_tax_type

T = TypeVar("T", bound="TaxOut")


@_attrs_define
class TaxOut:
    """
    Attributes:
        type_ (TaxType): Indirect tax on the line (AEAT list L1: 01 IVA, 02 IPSI Ceuta y Melilla, 03 IGIC).
        rate (Decimal | None):
        surcharge_rate (Decimal | None):
        regime (str):
        exemption (Exemption | None):
        not_subject (None | NotSubject):
        reverse_charge (bool):
    """

    type_: TaxType
    rate: Decimal | None
    surcharge_rate: Decimal | None
    regime: str
    exemption: Exemption | None
    not_subject: None | NotSubject
    reverse_charge: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        rate: None | str
        if isinstance(self.rate, Decimal):
            rate = format(self.rate, "f")
        else:
            rate = self.rate

        surcharge_rate: None | str
        if isinstance(self.surcharge_rate, Decimal):
            surcharge_rate = format(self.surcharge_rate, "f")
        else:
            surcharge_rate = self.surcharge_rate

        regime = self.regime

        exemption: None | str
        if isinstance(self.exemption, str):
            exemption = self.exemption
        else:
            exemption = self.exemption

        not_subject: None | str
        if isinstance(self.not_subject, str):
            not_subject = self.not_subject
        else:
            not_subject = self.not_subject

        reverse_charge = self.reverse_charge

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "rate": rate,
                "surcharge_rate": surcharge_rate,
                "regime": regime,
                "exemption": exemption,
                "not_subject": not_subject,
                "reverse_charge": reverse_charge,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = check_tax_type(d.pop("type"))

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

        regime = d.pop("regime")

        def _parse_exemption(data: object) -> Exemption | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                exemption_type_0 = check_exemption(data)

                return exemption_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Exemption | None, data)

        exemption = _parse_exemption(d.pop("exemption"))

        def _parse_not_subject(data: object) -> None | NotSubject:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                not_subject_type_0 = check_not_subject(data)

                return not_subject_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | NotSubject, data)

        not_subject = _parse_not_subject(d.pop("not_subject"))

        reverse_charge = d.pop("reverse_charge")

        tax_out = cls(
            type_=type_,
            rate=rate,
            surcharge_rate=surcharge_rate,
            regime=regime,
            exemption=exemption,
            not_subject=not_subject,
            reverse_charge=reverse_charge,
        )

        tax_out.additional_properties = d
        return tax_out

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

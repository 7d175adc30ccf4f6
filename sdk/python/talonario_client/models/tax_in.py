from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.exemption import Exemption, check_exemption
from ..models.not_subject import NotSubject, check_not_subject
from ..models.tax_type import TaxType, check_tax_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="TaxIn")


@_attrs_define
class TaxIn:
    """
    Attributes:
        type_ (TaxType | Unset): Indirect tax on the line (AEAT list L1: 01 IVA, 02 IPSI Ceuta y Melilla, 03 IGIC).
        rate (Decimal | None | str | Unset): Percent, e.g. 21. Not for E*/N*.
        surcharge_rate (Decimal | None | str | Unset): Recargo de equivalencia (IVA only): 5.2 with 21, 1.4 with 10…
        regime (str | Unset): AEAT ClaveRegimen (L8A). Default 01 (general), or 02 (export) for an E2 or E3 line in IVA
            or IGIC, the only one AEAT takes with them (AEAT 1199). Default: '01'.
        exemption (Exemption | None | Unset):
        not_subject (None | NotSubject | Unset):
        reverse_charge (bool | Unset): Inversión del sujeto pasivo (S2). Default: False.
    """

    type_: TaxType | Unset = UNSET
    rate: Decimal | None | str | Unset = UNSET
    surcharge_rate: Decimal | None | str | Unset = UNSET
    regime: str | Unset = "01"
    exemption: Exemption | None | Unset = UNSET
    not_subject: None | NotSubject | Unset = UNSET
    reverse_charge: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_

        rate: None | str | Unset
        if isinstance(self.rate, Unset):
            rate = UNSET
        elif isinstance(self.rate, Decimal):
            rate = format(self.rate, "f")
        else:
            rate = self.rate

        surcharge_rate: None | str | Unset
        if isinstance(self.surcharge_rate, Unset):
            surcharge_rate = UNSET
        elif isinstance(self.surcharge_rate, Decimal):
            surcharge_rate = format(self.surcharge_rate, "f")
        else:
            surcharge_rate = self.surcharge_rate

        regime = self.regime

        exemption: None | str | Unset
        if isinstance(self.exemption, Unset):
            exemption = UNSET
        elif isinstance(self.exemption, str):
            exemption = self.exemption
        else:
            exemption = self.exemption

        not_subject: None | str | Unset
        if isinstance(self.not_subject, Unset):
            not_subject = UNSET
        elif isinstance(self.not_subject, str):
            not_subject = self.not_subject
        else:
            not_subject = self.not_subject

        reverse_charge = self.reverse_charge

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if rate is not UNSET:
            field_dict["rate"] = rate
        if surcharge_rate is not UNSET:
            field_dict["surcharge_rate"] = surcharge_rate
        if regime is not UNSET:
            field_dict["regime"] = regime
        if exemption is not UNSET:
            field_dict["exemption"] = exemption
        if not_subject is not UNSET:
            field_dict["not_subject"] = not_subject
        if reverse_charge is not UNSET:
            field_dict["reverse_charge"] = reverse_charge

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _type_ = d.pop("type", UNSET)
        type_: TaxType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = check_tax_type(_type_)

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

        regime = d.pop("regime", UNSET)

        def _parse_exemption(data: object) -> Exemption | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                exemption_type_0 = check_exemption(data)

                return exemption_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Exemption | None | Unset, data)

        exemption = _parse_exemption(d.pop("exemption", UNSET))

        def _parse_not_subject(data: object) -> None | NotSubject | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                not_subject_type_0 = check_not_subject(data)

                return not_subject_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | NotSubject | Unset, data)

        not_subject = _parse_not_subject(d.pop("not_subject", UNSET))

        reverse_charge = d.pop("reverse_charge", UNSET)

        tax_in = cls(
            type_=type_,
            rate=rate,
            surcharge_rate=surcharge_rate,
            regime=regime,
            exemption=exemption,
            not_subject=not_subject,
            reverse_charge=reverse_charge,
        )

        return tax_in

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="VatTotals")


@_attrs_define
class VatTotals:
    """
    Attributes:
        base (Decimal): Taxed base (S1), all rates.
        quota (Decimal): IVA accrued on it.
        surcharge_base (Decimal):
        surcharge_quota (Decimal):
        exempt_base (Decimal):
        not_subject_base (Decimal):
        reverse_charge_base (Decimal):
        accrued (Decimal): quota + surcharge_quota: the IVA accrued (devengado).
    """

    base: Decimal
    quota: Decimal
    surcharge_base: Decimal
    surcharge_quota: Decimal
    exempt_base: Decimal
    not_subject_base: Decimal
    reverse_charge_base: Decimal
    accrued: Decimal
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        base = format(self.base, "f")

        quota = format(self.quota, "f")

        surcharge_base = format(self.surcharge_base, "f")

        surcharge_quota = format(self.surcharge_quota, "f")

        exempt_base = format(self.exempt_base, "f")

        not_subject_base = format(self.not_subject_base, "f")

        reverse_charge_base = format(self.reverse_charge_base, "f")

        accrued = format(self.accrued, "f")

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "base": base,
                "quota": quota,
                "surcharge_base": surcharge_base,
                "surcharge_quota": surcharge_quota,
                "exempt_base": exempt_base,
                "not_subject_base": not_subject_base,
                "reverse_charge_base": reverse_charge_base,
                "accrued": accrued,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        base = Decimal(str(d.pop("base")))

        quota = Decimal(str(d.pop("quota")))

        surcharge_base = Decimal(str(d.pop("surcharge_base")))

        surcharge_quota = Decimal(str(d.pop("surcharge_quota")))

        exempt_base = Decimal(str(d.pop("exempt_base")))

        not_subject_base = Decimal(str(d.pop("not_subject_base")))

        reverse_charge_base = Decimal(str(d.pop("reverse_charge_base")))

        accrued = Decimal(str(d.pop("accrued")))

        vat_totals = cls(
            base=base,
            quota=quota,
            surcharge_base=surcharge_base,
            surcharge_quota=surcharge_quota,
            exempt_base=exempt_base,
            not_subject_base=not_subject_base,
            reverse_charge_base=reverse_charge_base,
            accrued=accrued,
        )

        vat_totals.additional_properties = d
        return vat_totals

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

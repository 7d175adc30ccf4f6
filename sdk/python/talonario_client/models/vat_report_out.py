from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.base_row import BaseRow
    from ..models.other_tax_row import OtherTaxRow
    from ..models.taxed_row import TaxedRow
    from ..models.vat_totals import VatTotals


T = TypeVar("T", bound="VatReportOut")


@_attrs_define
class VatReportOut:
    """
    Attributes:
        from_ (datetime.date):
        to (datetime.date):
        invoices (int): Invoices counted (rectifying ones included).
        taxed (list[TaxedRow]): IVA base and quota by rate (S1), rate down.
        surcharge (list[TaxedRow]): Recargo de equivalencia by its rate.
        exempt (list[BaseRow]):
        not_subject (list[BaseRow]):
        reverse_charge_base (Decimal): Inversión del sujeto pasivo (S2).
        other_taxes (list[OtherTaxRow]):
        totals (VatTotals):
        object_ (Literal['vat_report'] | Unset):  Default: 'vat_report'.
        currency (Literal['EUR'] | Unset):  Default: 'EUR'.
    """

    from_: datetime.date
    to: datetime.date
    invoices: int
    taxed: list[TaxedRow]
    surcharge: list[TaxedRow]
    exempt: list[BaseRow]
    not_subject: list[BaseRow]
    reverse_charge_base: Decimal
    other_taxes: list[OtherTaxRow]
    totals: VatTotals
    object_: Literal["vat_report"] | Unset = "vat_report"
    currency: Literal["EUR"] | Unset = "EUR"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_ = self.from_.isoformat()

        to = self.to.isoformat()

        invoices = self.invoices

        taxed = []
        for taxed_item_data in self.taxed:
            taxed_item = taxed_item_data.to_dict()
            taxed.append(taxed_item)

        surcharge = []
        for surcharge_item_data in self.surcharge:
            surcharge_item = surcharge_item_data.to_dict()
            surcharge.append(surcharge_item)

        exempt = []
        for exempt_item_data in self.exempt:
            exempt_item = exempt_item_data.to_dict()
            exempt.append(exempt_item)

        not_subject = []
        for not_subject_item_data in self.not_subject:
            not_subject_item = not_subject_item_data.to_dict()
            not_subject.append(not_subject_item)

        reverse_charge_base = format(self.reverse_charge_base, "f")

        other_taxes = []
        for other_taxes_item_data in self.other_taxes:
            other_taxes_item = other_taxes_item_data.to_dict()
            other_taxes.append(other_taxes_item)

        totals = self.totals.to_dict()

        object_ = self.object_

        currency = self.currency

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from": from_,
                "to": to,
                "invoices": invoices,
                "taxed": taxed,
                "surcharge": surcharge,
                "exempt": exempt,
                "not_subject": not_subject,
                "reverse_charge_base": reverse_charge_base,
                "other_taxes": other_taxes,
                "totals": totals,
            }
        )
        if object_ is not UNSET:
            field_dict["object"] = object_
        if currency is not UNSET:
            field_dict["currency"] = currency

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.base_row import BaseRow  # noqa: PLC0415
        from ..models.other_tax_row import OtherTaxRow  # noqa: PLC0415
        from ..models.taxed_row import TaxedRow  # noqa: PLC0415
        from ..models.vat_totals import VatTotals  # noqa: PLC0415

        d = dict(src_dict)
        from_ = datetime.date.fromisoformat(d.pop("from"))

        to = datetime.date.fromisoformat(d.pop("to"))

        invoices = d.pop("invoices")

        taxed = []
        _taxed = d.pop("taxed")
        for taxed_item_data in _taxed:
            taxed_item = TaxedRow.from_dict(taxed_item_data)

            taxed.append(taxed_item)

        surcharge = []
        _surcharge = d.pop("surcharge")
        for surcharge_item_data in _surcharge:
            surcharge_item = TaxedRow.from_dict(surcharge_item_data)

            surcharge.append(surcharge_item)

        exempt = []
        _exempt = d.pop("exempt")
        for exempt_item_data in _exempt:
            exempt_item = BaseRow.from_dict(exempt_item_data)

            exempt.append(exempt_item)

        not_subject = []
        _not_subject = d.pop("not_subject")
        for not_subject_item_data in _not_subject:
            not_subject_item = BaseRow.from_dict(not_subject_item_data)

            not_subject.append(not_subject_item)

        reverse_charge_base = Decimal(str(d.pop("reverse_charge_base")))

        other_taxes = []
        _other_taxes = d.pop("other_taxes")
        for other_taxes_item_data in _other_taxes:
            other_taxes_item = OtherTaxRow.from_dict(other_taxes_item_data)

            other_taxes.append(other_taxes_item)

        totals = VatTotals.from_dict(d.pop("totals"))

        object_ = cast(Literal["vat_report"] | Unset, d.pop("object", UNSET))
        if object_ != "vat_report" and not isinstance(object_, Unset):
            raise ValueError(f"object must match const 'vat_report', got '{object_}'")

        currency = cast(Literal["EUR"] | Unset, d.pop("currency", UNSET))
        if currency != "EUR" and not isinstance(currency, Unset):
            raise ValueError(f"currency must match const 'EUR', got '{currency}'")

        vat_report_out = cls(
            from_=from_,
            to=to,
            invoices=invoices,
            taxed=taxed,
            surcharge=surcharge,
            exempt=exempt,
            not_subject=not_subject,
            reverse_charge_base=reverse_charge_base,
            other_taxes=other_taxes,
            totals=totals,
            object_=object_,
            currency=currency,
        )

        vat_report_out.additional_properties = d
        return vat_report_out

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

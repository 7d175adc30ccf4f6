from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UsageOut")


@_attrs_define
class UsageOut:
    """
    Attributes:
        object_ (Literal['usage']):
        company (str):
        month (str): `YYYY-MM`.
        invoices_issued (int): Invoices issued in the month, by Talonario or registered as gateway records.
        records_generated (int): VERI*FACTU records chained in the month (altas, anulaciones, corrections).
        records_remitted (int): Records AEAT answered in the month (accepted, with errors or rejected).
    """

    object_: Literal["usage"]
    company: str
    month: str
    invoices_issued: int
    records_generated: int
    records_remitted: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        object_ = self.object_

        company = self.company

        month = self.month

        invoices_issued = self.invoices_issued

        records_generated = self.records_generated

        records_remitted = self.records_remitted

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "object": object_,
                "company": company,
                "month": month,
                "invoices_issued": invoices_issued,
                "records_generated": records_generated,
                "records_remitted": records_remitted,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        object_ = cast(Literal["usage"], d.pop("object"))
        if object_ != "usage":
            raise ValueError(f"object must match const 'usage', got '{object_}'")

        company = d.pop("company")

        month = d.pop("month")

        invoices_issued = d.pop("invoices_issued")

        records_generated = d.pop("records_generated")

        records_remitted = d.pop("records_remitted")

        usage_out = cls(
            object_=object_,
            company=company,
            month=month,
            invoices_issued=invoices_issued,
            records_generated=records_generated,
            records_remitted=records_remitted,
        )

        usage_out.additional_properties = d
        return usage_out

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

from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="InvoicePaidEntry")


@_attrs_define
class InvoicePaidEntry:
    """
    Attributes:
        type_ (Literal['invoice.paid']): Paid in full.
        at (datetime.datetime):
        paid_amount (Decimal):
    """

    type_: Literal["invoice.paid"]
    at: datetime.datetime
    paid_amount: Decimal
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        at = self.at.isoformat()

        paid_amount = format(self.paid_amount, "f")

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "at": at,
                "paid_amount": paid_amount,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = cast(Literal["invoice.paid"], d.pop("type"))
        if type_ != "invoice.paid":
            raise ValueError(f"type must match const 'invoice.paid', got '{type_}'")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        paid_amount = Decimal(str(d.pop("paid_amount")))

        invoice_paid_entry = cls(
            type_=type_,
            at=at,
            paid_amount=paid_amount,
        )

        invoice_paid_entry.additional_properties = d
        return invoice_paid_entry

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

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="InvoiceOverdueEntry")


@_attrs_define
class InvoiceOverdueEntry:
    """
    Attributes:
        type_ (Literal['invoice.overdue']): Found past its due date with something pending (`at`: when the
            invoice.overdue event went out).
        at (datetime.datetime):
        due_on (datetime.date):
    """

    type_: Literal["invoice.overdue"]
    at: datetime.datetime
    due_on: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        at = self.at.isoformat()

        due_on = self.due_on.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "at": at,
                "due_on": due_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = cast(Literal["invoice.overdue"], d.pop("type"))
        if type_ != "invoice.overdue":
            raise ValueError(f"type must match const 'invoice.overdue', got '{type_}'")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        invoice_overdue_entry = cls(
            type_=type_,
            at=at,
            due_on=due_on,
        )

        invoice_overdue_entry.additional_properties = d
        return invoice_overdue_entry

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

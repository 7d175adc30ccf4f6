from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="InvoiceCreatedEntry")


@_attrs_define
class InvoiceCreatedEntry:
    """
    Attributes:
        type_ (Literal['invoice.created']):
        at (datetime.datetime):
    """

    type_: Literal["invoice.created"]
    at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        at = self.at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "at": at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = cast(Literal["invoice.created"], d.pop("type"))
        if type_ != "invoice.created":
            raise ValueError(f"type must match const 'invoice.created', got '{type_}'")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        invoice_created_entry = cls(
            type_=type_,
            at=at,
        )

        invoice_created_entry.additional_properties = d
        return invoice_created_entry

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

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="InvoiceRefIn")


@_attrs_define
class InvoiceRefIn:
    """
    Attributes:
        number (str):
        issued_on (datetime.date):
    """

    number: str
    issued_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        number = self.number

        issued_on = self.issued_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "number": number,
                "issued_on": issued_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        number = d.pop("number")

        issued_on = datetime.date.fromisoformat(d.pop("issued_on"))

        invoice_ref_in = cls(
            number=number,
            issued_on=issued_on,
        )

        return invoice_ref_in

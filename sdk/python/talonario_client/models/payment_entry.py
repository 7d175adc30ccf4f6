from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PaymentEntry")


@_attrs_define
class PaymentEntry:
    """
    Attributes:
        type_ (Literal['payment.received']): A payment recorded (`at`).
        at (datetime.datetime):
        payment (str): The payment's id.
        amount (Decimal):
        date (datetime.date):
        method (None | str):
        reference (None | str):
    """

    type_: Literal["payment.received"]
    at: datetime.datetime
    payment: str
    amount: Decimal
    date: datetime.date
    method: None | str
    reference: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        at = self.at.isoformat()

        payment = self.payment

        amount = format(self.amount, "f")

        date = self.date.isoformat()

        method: None | str
        method = self.method

        reference: None | str
        reference = self.reference

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "at": at,
                "payment": payment,
                "amount": amount,
                "date": date,
                "method": method,
                "reference": reference,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = cast(Literal["payment.received"], d.pop("type"))
        if type_ != "payment.received":
            raise ValueError(f"type must match const 'payment.received', got '{type_}'")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        payment = d.pop("payment")

        amount = Decimal(str(d.pop("amount")))

        date = datetime.date.fromisoformat(d.pop("date"))

        def _parse_method(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        method = _parse_method(d.pop("method"))

        def _parse_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reference = _parse_reference(d.pop("reference"))

        payment_entry = cls(
            type_=type_,
            at=at,
            payment=payment,
            amount=amount,
            date=date,
            method=method,
            reference=reference,
        )

        payment_entry.additional_properties = d
        return payment_entry

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

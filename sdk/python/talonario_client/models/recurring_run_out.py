from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.invoice_out import InvoiceOut


T = TypeVar("T", bound="RecurringRunOut")


@_attrs_define
class RecurringRunOut:
    """
    Attributes:
        id (str):
        object_ (Literal['recurring_invoice_run']):
        recurring_invoice (str):
        occurrence (int): 0 for the occurrence on start_on, 1 for the next...
        scheduled_on (datetime.date): The day it was due (the invoice is dated when made).
        invoice (InvoiceOut):
        created_at (datetime.datetime):
    """

    id: str
    object_: Literal["recurring_invoice_run"]
    recurring_invoice: str
    occurrence: int
    scheduled_on: datetime.date
    invoice: InvoiceOut
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        object_ = self.object_

        recurring_invoice = self.recurring_invoice

        occurrence = self.occurrence

        scheduled_on = self.scheduled_on.isoformat()

        invoice = self.invoice.to_dict()

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object_,
                "recurring_invoice": recurring_invoice,
                "occurrence": occurrence,
                "scheduled_on": scheduled_on,
                "invoice": invoice,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.invoice_out import InvoiceOut  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        object_ = cast(Literal["recurring_invoice_run"], d.pop("object"))
        if object_ != "recurring_invoice_run":
            raise ValueError(f"object must match const 'recurring_invoice_run', got '{object_}'")

        recurring_invoice = d.pop("recurring_invoice")

        occurrence = d.pop("occurrence")

        scheduled_on = datetime.date.fromisoformat(d.pop("scheduled_on"))

        invoice = InvoiceOut.from_dict(d.pop("invoice"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        recurring_run_out = cls(
            id=id,
            object_=object_,
            recurring_invoice=recurring_invoice,
            occurrence=occurrence,
            scheduled_on=scheduled_on,
            invoice=invoice,
            created_at=created_at,
        )

        recurring_run_out.additional_properties = d
        return recurring_run_out

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

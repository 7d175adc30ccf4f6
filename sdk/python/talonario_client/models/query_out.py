from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.held_out import HeldOut
    from ..models.invoice_out import InvoiceOut


T = TypeVar("T", bound="QueryOut")


@_attrs_define
class QueryOut:
    """
    Attributes:
        invoice (InvoiceOut):
        aeat (HeldOut):
    """

    invoice: InvoiceOut
    aeat: HeldOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        invoice = self.invoice.to_dict()

        aeat = self.aeat.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "invoice": invoice,
                "aeat": aeat,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.held_out import HeldOut  # noqa: PLC0415
        from ..models.invoice_out import InvoiceOut  # noqa: PLC0415

        d = dict(src_dict)
        invoice = InvoiceOut.from_dict(d.pop("invoice"))

        aeat = HeldOut.from_dict(d.pop("aeat"))

        query_out = cls(
            invoice=invoice,
            aeat=aeat,
        )

        query_out.additional_properties = d
        return query_out

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

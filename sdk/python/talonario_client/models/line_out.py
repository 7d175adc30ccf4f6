from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.tax_out import TaxOut


T = TypeVar("T", bound="LineOut")


@_attrs_define
class LineOut:
    """
    Attributes:
        description (str):
        product (None | str):
        quantity (Decimal):
        unit (None | str):
        unit_price (Decimal):
        discount_percent (Decimal):
        tax (TaxOut):
        subtotal (Decimal):
        taxes (Decimal):
        total (Decimal):
    """

    description: str
    product: None | str
    quantity: Decimal
    unit: None | str
    unit_price: Decimal
    discount_percent: Decimal
    tax: TaxOut
    subtotal: Decimal
    taxes: Decimal
    total: Decimal
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        product: None | str
        product = self.product

        quantity = format(self.quantity, "f")

        unit: None | str
        unit = self.unit

        unit_price = format(self.unit_price, "f")

        discount_percent = format(self.discount_percent, "f")

        tax = self.tax.to_dict()

        subtotal = format(self.subtotal, "f")

        taxes = format(self.taxes, "f")

        total = format(self.total, "f")

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "description": description,
                "product": product,
                "quantity": quantity,
                "unit": unit,
                "unit_price": unit_price,
                "discount_percent": discount_percent,
                "tax": tax,
                "subtotal": subtotal,
                "taxes": taxes,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tax_out import TaxOut  # noqa: PLC0415

        d = dict(src_dict)
        description = d.pop("description")

        def _parse_product(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        product = _parse_product(d.pop("product"))

        quantity = Decimal(str(d.pop("quantity")))

        def _parse_unit(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        unit = _parse_unit(d.pop("unit"))

        unit_price = Decimal(str(d.pop("unit_price")))

        discount_percent = Decimal(str(d.pop("discount_percent")))

        tax = TaxOut.from_dict(d.pop("tax"))

        subtotal = Decimal(str(d.pop("subtotal")))

        taxes = Decimal(str(d.pop("taxes")))

        total = Decimal(str(d.pop("total")))

        line_out = cls(
            description=description,
            product=product,
            quantity=quantity,
            unit=unit,
            unit_price=unit_price,
            discount_percent=discount_percent,
            tax=tax,
            subtotal=subtotal,
            taxes=taxes,
            total=total,
        )

        line_out.additional_properties = d
        return line_out

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

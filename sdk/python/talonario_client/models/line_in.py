from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tax_in import TaxIn


T = TypeVar("T", bound="LineIn")


@_attrs_define
class LineIn:
    """
    Attributes:
        product (None | str | Unset): Product id or its external_id.
        description (None | str | Unset):
        quantity (Decimal | str | Unset):  Default: Decimal("1").
        unit (None | str | Unset):
        unit_price (Decimal | None | str | Unset):
        discount_percent (Decimal | str | Unset):  Default: Decimal("0").
        tax (None | TaxIn | Unset):
    """

    product: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    quantity: Decimal | str | Unset = Decimal("1")
    unit: None | str | Unset = UNSET
    unit_price: Decimal | None | str | Unset = UNSET
    discount_percent: Decimal | str | Unset = Decimal("0")
    tax: None | TaxIn | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.tax_in import TaxIn  # noqa: PLC0415

        product: None | str | Unset
        if isinstance(self.product, Unset):
            product = UNSET
        else:
            product = self.product

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        quantity: str | Unset
        if isinstance(self.quantity, Unset):
            quantity = UNSET
        elif isinstance(self.quantity, Decimal):
            quantity = format(self.quantity, "f")
        else:
            quantity = self.quantity

        unit: None | str | Unset
        if isinstance(self.unit, Unset):
            unit = UNSET
        else:
            unit = self.unit

        unit_price: None | str | Unset
        if isinstance(self.unit_price, Unset):
            unit_price = UNSET
        elif isinstance(self.unit_price, Decimal):
            unit_price = format(self.unit_price, "f")
        else:
            unit_price = self.unit_price

        discount_percent: str | Unset
        if isinstance(self.discount_percent, Unset):
            discount_percent = UNSET
        elif isinstance(self.discount_percent, Decimal):
            discount_percent = format(self.discount_percent, "f")
        else:
            discount_percent = self.discount_percent

        tax: dict[str, Any] | None | Unset
        if isinstance(self.tax, Unset):
            tax = UNSET
        elif isinstance(self.tax, TaxIn):
            tax = self.tax.to_dict()
        else:
            tax = self.tax

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if product is not UNSET:
            field_dict["product"] = product
        if description is not UNSET:
            field_dict["description"] = description
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if unit is not UNSET:
            field_dict["unit"] = unit
        if unit_price is not UNSET:
            field_dict["unit_price"] = unit_price
        if discount_percent is not UNSET:
            field_dict["discount_percent"] = discount_percent
        if tax is not UNSET:
            field_dict["tax"] = tax

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tax_in import TaxIn  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_product(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        product = _parse_product(d.pop("product", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_quantity(data: object) -> Decimal | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int | float | Decimal):
                    raise TypeError()
                quantity_type_0 = Decimal(str(data))

                return quantity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Decimal | str | Unset, data)

        quantity = _parse_quantity(d.pop("quantity", UNSET))

        def _parse_unit(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unit = _parse_unit(d.pop("unit", UNSET))

        def _parse_unit_price(data: object) -> Decimal | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int | float | Decimal):
                    raise TypeError()
                unit_price_type_0 = Decimal(str(data))

                return unit_price_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Decimal | None | str | Unset, data)

        unit_price = _parse_unit_price(d.pop("unit_price", UNSET))

        def _parse_discount_percent(data: object) -> Decimal | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int | float | Decimal):
                    raise TypeError()
                discount_percent_type_0 = Decimal(str(data))

                return discount_percent_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Decimal | str | Unset, data)

        discount_percent = _parse_discount_percent(d.pop("discount_percent", UNSET))

        def _parse_tax(data: object) -> None | TaxIn | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                tax_type_0 = TaxIn.from_dict(data)

                return tax_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TaxIn | Unset, data)

        tax = _parse_tax(d.pop("tax", UNSET))

        line_in = cls(
            product=product,
            description=description,
            quantity=quantity,
            unit=unit,
            unit_price=unit_price,
            discount_percent=discount_percent,
            tax=tax,
        )

        return line_in

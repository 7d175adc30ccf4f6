from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.corrective_in_method import CorrectiveInMethod, check_corrective_in_method
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.invoice_ref_in import InvoiceRefIn
    from ..models.rectified_amounts_in import RectifiedAmountsIn


T = TypeVar("T", bound="CorrectiveIn")


@_attrs_define
class CorrectiveIn:
    """
    Attributes:
        method (CorrectiveInMethod):
        rectified_invoices (list[InvoiceRefIn] | Unset):
        rectified_amounts (None | RectifiedAmountsIn | Unset): ImporteRectificacion (substitution only).
    """

    method: CorrectiveInMethod
    rectified_invoices: list[InvoiceRefIn] | Unset = UNSET
    rectified_amounts: None | RectifiedAmountsIn | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.rectified_amounts_in import RectifiedAmountsIn  # noqa: PLC0415

        method: str = self.method

        rectified_invoices: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.rectified_invoices, Unset):
            rectified_invoices = []
            for rectified_invoices_item_data in self.rectified_invoices:
                rectified_invoices_item = rectified_invoices_item_data.to_dict()
                rectified_invoices.append(rectified_invoices_item)

        rectified_amounts: dict[str, Any] | None | Unset
        if isinstance(self.rectified_amounts, Unset):
            rectified_amounts = UNSET
        elif isinstance(self.rectified_amounts, RectifiedAmountsIn):
            rectified_amounts = self.rectified_amounts.to_dict()
        else:
            rectified_amounts = self.rectified_amounts

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "method": method,
            }
        )
        if rectified_invoices is not UNSET:
            field_dict["rectified_invoices"] = rectified_invoices
        if rectified_amounts is not UNSET:
            field_dict["rectified_amounts"] = rectified_amounts

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.invoice_ref_in import InvoiceRefIn  # noqa: PLC0415
        from ..models.rectified_amounts_in import RectifiedAmountsIn  # noqa: PLC0415

        d = dict(src_dict)
        method = check_corrective_in_method(d.pop("method"))

        _rectified_invoices = d.pop("rectified_invoices", UNSET)
        rectified_invoices: list[InvoiceRefIn] | Unset = UNSET
        if _rectified_invoices is not UNSET:
            rectified_invoices = []
            for rectified_invoices_item_data in _rectified_invoices:
                rectified_invoices_item = InvoiceRefIn.from_dict(rectified_invoices_item_data)

                rectified_invoices.append(rectified_invoices_item)

        def _parse_rectified_amounts(data: object) -> None | RectifiedAmountsIn | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                rectified_amounts_type_0 = RectifiedAmountsIn.from_dict(data)

                return rectified_amounts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RectifiedAmountsIn | Unset, data)

        rectified_amounts = _parse_rectified_amounts(d.pop("rectified_amounts", UNSET))

        corrective_in = cls(
            method=method,
            rectified_invoices=rectified_invoices,
            rectified_amounts=rectified_amounts,
        )

        return corrective_in

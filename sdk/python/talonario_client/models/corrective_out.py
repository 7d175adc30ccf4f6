from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.corrective_out_method import CorrectiveOutMethod, check_corrective_out_method
from ..models.corrective_out_type import CorrectiveOutType, check_corrective_out_type

if TYPE_CHECKING:
    from ..models.invoice_ref_out import InvoiceRefOut
    from ..models.rectified_amounts_out import RectifiedAmountsOut


T = TypeVar("T", bound="CorrectiveOut")


@_attrs_define
class CorrectiveOut:
    """
    Attributes:
        type_ (CorrectiveOutType):
        method (CorrectiveOutMethod):
        reason (str):
        rectified_invoices (list[InvoiceRefOut]):
        rectified_amounts (None | RectifiedAmountsOut): ImporteRectificacion: base and quotas of the rectified invoices
            (substitution only).
    """

    type_: CorrectiveOutType
    method: CorrectiveOutMethod
    reason: str
    rectified_invoices: list[InvoiceRefOut]
    rectified_amounts: None | RectifiedAmountsOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.rectified_amounts_out import RectifiedAmountsOut  # noqa: PLC0415

        type_: str = self.type_

        method: str = self.method

        reason = self.reason

        rectified_invoices = []
        for rectified_invoices_item_data in self.rectified_invoices:
            rectified_invoices_item = rectified_invoices_item_data.to_dict()
            rectified_invoices.append(rectified_invoices_item)

        rectified_amounts: dict[str, Any] | None
        if isinstance(self.rectified_amounts, RectifiedAmountsOut):
            rectified_amounts = self.rectified_amounts.to_dict()
        else:
            rectified_amounts = self.rectified_amounts

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "method": method,
                "reason": reason,
                "rectified_invoices": rectified_invoices,
                "rectified_amounts": rectified_amounts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.invoice_ref_out import InvoiceRefOut  # noqa: PLC0415
        from ..models.rectified_amounts_out import RectifiedAmountsOut  # noqa: PLC0415

        d = dict(src_dict)
        type_ = check_corrective_out_type(d.pop("type"))

        method = check_corrective_out_method(d.pop("method"))

        reason = d.pop("reason")

        rectified_invoices = []
        _rectified_invoices = d.pop("rectified_invoices")
        for rectified_invoices_item_data in _rectified_invoices:
            rectified_invoices_item = InvoiceRefOut.from_dict(rectified_invoices_item_data)

            rectified_invoices.append(rectified_invoices_item)

        def _parse_rectified_amounts(data: object) -> None | RectifiedAmountsOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                rectified_amounts_type_0 = RectifiedAmountsOut.from_dict(data)

                return rectified_amounts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RectifiedAmountsOut, data)

        rectified_amounts = _parse_rectified_amounts(d.pop("rectified_amounts"))

        corrective_out = cls(
            type_=type_,
            method=method,
            reason=reason,
            rectified_invoices=rectified_invoices,
            rectified_amounts=rectified_amounts,
        )

        corrective_out.additional_properties = d
        return corrective_out

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

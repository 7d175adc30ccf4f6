from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.counterparty_347 import Counterparty347


T = TypeVar("T", bound="Report347Out")


@_attrs_define
class Report347Out:
    """
    Attributes:
        year (int):
        threshold (Decimal): 3005.06: a counterparty over it (in absolute value).
        total (Decimal): The sum of the counterparties listed.
        data (list[Counterparty347]): Counterparties over the threshold, by NIF.
        object_ (Literal['report_347'] | Unset):  Default: 'report_347'.
        currency (Literal['EUR'] | Unset):  Default: 'EUR'.
    """

    year: int
    threshold: Decimal
    total: Decimal
    data: list[Counterparty347]
    object_: Literal["report_347"] | Unset = "report_347"
    currency: Literal["EUR"] | Unset = "EUR"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        year = self.year

        threshold = format(self.threshold, "f")

        total = format(self.total, "f")

        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        object_ = self.object_

        currency = self.currency

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "year": year,
                "threshold": threshold,
                "total": total,
                "data": data,
            }
        )
        if object_ is not UNSET:
            field_dict["object"] = object_
        if currency is not UNSET:
            field_dict["currency"] = currency

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.counterparty_347 import Counterparty347  # noqa: PLC0415

        d = dict(src_dict)
        year = d.pop("year")

        threshold = Decimal(str(d.pop("threshold")))

        total = Decimal(str(d.pop("total")))

        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = Counterparty347.from_dict(data_item_data)

            data.append(data_item)

        object_ = cast(Literal["report_347"] | Unset, d.pop("object", UNSET))
        if object_ != "report_347" and not isinstance(object_, Unset):
            raise ValueError(f"object must match const 'report_347', got '{object_}'")

        currency = cast(Literal["EUR"] | Unset, d.pop("currency", UNSET))
        if currency != "EUR" and not isinstance(currency, Unset):
            raise ValueError(f"currency must match const 'EUR', got '{currency}'")

        report_347_out = cls(
            year=year,
            threshold=threshold,
            total=total,
            data=data,
            object_=object_,
            currency=currency,
        )

        report_347_out.additional_properties = d
        return report_347_out

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

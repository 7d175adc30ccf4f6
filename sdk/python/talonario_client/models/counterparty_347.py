from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.quarters import Quarters


T = TypeVar("T", bound="Counterparty347")


@_attrs_define
class Counterparty347:
    """
    Attributes:
        nif (str): The client's Spanish NIF, as the invoices name it.
        name (str): The name on its latest invoice of the year.
        total (Decimal): The year's operations, VAT and recargo included.
        quarters (Quarters):
        invoices (int): How many invoices make it (rectifying ones included).
    """

    nif: str
    name: str
    total: Decimal
    quarters: Quarters
    invoices: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        nif = self.nif

        name = self.name

        total = format(self.total, "f")

        quarters = self.quarters.to_dict()

        invoices = self.invoices

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "nif": nif,
                "name": name,
                "total": total,
                "quarters": quarters,
                "invoices": invoices,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.quarters import Quarters  # noqa: PLC0415

        d = dict(src_dict)
        nif = d.pop("nif")

        name = d.pop("name")

        total = Decimal(str(d.pop("total")))

        quarters = Quarters.from_dict(d.pop("quarters"))

        invoices = d.pop("invoices")

        counterparty_347 = cls(
            nif=nif,
            name=name,
            total=total,
            quarters=quarters,
            invoices=invoices,
        )

        counterparty_347.additional_properties = d
        return counterparty_347

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

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="WithholdingIn")


@_attrs_define
class WithholdingIn:
    """
    Attributes:
        rate (Decimal | str): IRPF withholding percent, e.g. 15.
    """

    rate: Decimal | str

    def to_dict(self) -> dict[str, Any]:
        rate: str
        if isinstance(self.rate, Decimal):
            rate = format(self.rate, "f")
        else:
            rate = self.rate

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "rate": rate,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_rate(data: object) -> Decimal | str:
            try:
                if not isinstance(data, int | float | Decimal):
                    raise TypeError()
                rate_type_0 = Decimal(str(data))

                return rate_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Decimal | str, data)

        rate = _parse_rate(d.pop("rate"))

        withholding_in = cls(
            rate=rate,
        )

        return withholding_in

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SimplifiedEligibilityOut")


@_attrs_define
class SimplifiedEligibilityOut:
    """
    Attributes:
        eligible (bool):
        limit (Decimal | None): EUR, VAT included; null when there is no ceiling.
        reason (str):
        legal_basis (str): The letter of RD 1619/2012 art. 4 that decides.
    """

    eligible: bool
    limit: Decimal | None
    reason: str
    legal_basis: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        eligible = self.eligible

        limit: None | str
        if isinstance(self.limit, Decimal):
            limit = format(self.limit, "f")
        else:
            limit = self.limit

        reason = self.reason

        legal_basis = self.legal_basis

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "eligible": eligible,
                "limit": limit,
                "reason": reason,
                "legal_basis": legal_basis,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        eligible = d.pop("eligible")

        def _parse_limit(data: object) -> Decimal | None:
            if data is None:
                return data
            try:
                if not isinstance(data, int | float | Decimal):
                    raise TypeError()
                limit_type_0 = Decimal(str(data))

                return limit_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Decimal | None, data)

        limit = _parse_limit(d.pop("limit"))

        reason = d.pop("reason")

        legal_basis = d.pop("legal_basis")

        simplified_eligibility_out = cls(
            eligible=eligible,
            limit=limit,
            reason=reason,
            legal_basis=legal_basis,
        )

        simplified_eligibility_out.additional_properties = d
        return simplified_eligibility_out

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="EligibilityRecipientIn")


@_attrs_define
class EligibilityRecipientIn:
    """The recipient the simplified invoice would identify (RD 1619/2012 art. 7.2/7.3).

    Attributes:
        name (None | str | Unset):
        nif (None | str | Unset):
        business (bool | Unset): The recipient acts as a business or professional, not as a final consumer; such a sale
            is not retail (art. 4.2.a). Default: True.
    """

    name: None | str | Unset = UNSET
    nif: None | str | Unset = UNSET
    business: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        nif: None | str | Unset
        if isinstance(self.nif, Unset):
            nif = UNSET
        else:
            nif = self.nif

        business = self.business

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if nif is not UNSET:
            field_dict["nif"] = nif
        if business is not UNSET:
            field_dict["business"] = business

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_nif(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        nif = _parse_nif(d.pop("nif", UNSET))

        business = d.pop("business", UNSET)

        eligibility_recipient_in = cls(
            name=name,
            nif=nif,
            business=business,
        )

        return eligibility_recipient_in

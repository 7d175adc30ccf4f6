from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.foreign_id_country_type_0 import ForeignIdCountryType0, check_foreign_id_country_type_0
from ..models.foreign_id_id_type import ForeignIdIdType, check_foreign_id_id_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="ForeignId")


@_attrs_define
class ForeignId:
    """
    Attributes:
        id_type (ForeignIdIdType):
        id (str):
        country (ForeignIdCountryType0 | None | Unset): ISO 3166-1 alpha-2; optional only for id_type 02.
    """

    id_type: ForeignIdIdType
    id: str
    country: ForeignIdCountryType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id_type: str = self.id_type

        id = self.id

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        elif isinstance(self.country, str):
            country = self.country
        else:
            country = self.country

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id_type": id_type,
                "id": id,
            }
        )
        if country is not UNSET:
            field_dict["country"] = country

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id_type = check_foreign_id_id_type(d.pop("id_type"))

        id = d.pop("id")

        def _parse_country(data: object) -> ForeignIdCountryType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                country_type_0 = check_foreign_id_country_type_0(data)

                return country_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ForeignIdCountryType0 | None | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        foreign_id = cls(
            id_type=id_type,
            id=id,
            country=country,
        )

        return foreign_id

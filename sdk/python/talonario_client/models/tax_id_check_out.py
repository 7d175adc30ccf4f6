from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tax_id_check_out_result import TaxIdCheckOutResult, check_tax_id_check_out_result
from ..models.tax_id_check_out_source import TaxIdCheckOutSource, check_tax_id_check_out_source

T = TypeVar("T", bound="TaxIdCheckOut")


@_attrs_define
class TaxIdCheckOut:
    """
    Attributes:
        object_ (Literal['tax_id_check']):
        nif (None | str): The Spanish NIF asked about (AEAT's census).
        country (None | str): The EU VAT number's VIES prefix (EL for Greece).
        id (None | str): The EU VAT number asked about, with its prefix (VIES).
        name (None | str): The name asked with it.
        result (TaxIdCheckOutResult): identified (VIES: valid), identified_deregistered (in the census, in baja),
            identified_revoked (the NIF is revoked), not_identified (not in the census under that name; VIES: not valid),
            not_identified_similar (a person's NIF under a name only close to the one asked: see aeat_name).
        aeat_name (None | str): The name the register holds, when it gives one (for a person, AEAT answers the name as
            asked).
        source (TaxIdCheckOutSource):
        checked_at (datetime.datetime): When the register answered.
        cached (bool): Answered from a check of the last 24 hours.
    """

    object_: Literal["tax_id_check"]
    nif: None | str
    country: None | str
    id: None | str
    name: None | str
    result: TaxIdCheckOutResult
    aeat_name: None | str
    source: TaxIdCheckOutSource
    checked_at: datetime.datetime
    cached: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        object_ = self.object_

        nif: None | str
        nif = self.nif

        country: None | str
        country = self.country

        id: None | str
        id = self.id

        name: None | str
        name = self.name

        result: str = self.result

        aeat_name: None | str
        aeat_name = self.aeat_name

        source: str = self.source

        checked_at = self.checked_at.isoformat()

        cached = self.cached

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "object": object_,
                "nif": nif,
                "country": country,
                "id": id,
                "name": name,
                "result": result,
                "aeat_name": aeat_name,
                "source": source,
                "checked_at": checked_at,
                "cached": cached,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        object_ = cast(Literal["tax_id_check"], d.pop("object"))
        if object_ != "tax_id_check":
            raise ValueError(f"object must match const 'tax_id_check', got '{object_}'")

        def _parse_nif(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        nif = _parse_nif(d.pop("nif"))

        def _parse_country(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        country = _parse_country(d.pop("country"))

        def _parse_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        id = _parse_id(d.pop("id"))

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))

        result = check_tax_id_check_out_result(d.pop("result"))

        def _parse_aeat_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        aeat_name = _parse_aeat_name(d.pop("aeat_name"))

        source = check_tax_id_check_out_source(d.pop("source"))

        checked_at = datetime.datetime.fromisoformat(d.pop("checked_at"))

        cached = d.pop("cached")

        tax_id_check_out = cls(
            object_=object_,
            nif=nif,
            country=country,
            id=id,
            name=name,
            result=result,
            aeat_name=aeat_name,
            source=source,
            checked_at=checked_at,
            cached=cached,
        )

        tax_id_check_out.additional_properties = d
        return tax_id_check_out

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

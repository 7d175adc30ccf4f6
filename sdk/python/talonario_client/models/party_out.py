from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address_out import AddressOut
    from ..models.foreign_id_out import ForeignIdOut


T = TypeVar("T", bound="PartyOut")


@_attrs_define
class PartyOut:
    """
    Attributes:
        id (None | str | Unset):
        name (None | str | Unset):
        legal_name (None | str | Unset):
        trade_name (None | str | Unset):
        nif (None | str | Unset):
        foreign_id (ForeignIdOut | None | Unset):
        email (None | str | Unset):
        phone (None | str | Unset):
        address (AddressOut | None | Unset):
    """

    id: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    legal_name: None | str | Unset = UNSET
    trade_name: None | str | Unset = UNSET
    nif: None | str | Unset = UNSET
    foreign_id: ForeignIdOut | None | Unset = UNSET
    email: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    address: AddressOut | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.address_out import AddressOut  # noqa: PLC0415
        from ..models.foreign_id_out import ForeignIdOut  # noqa: PLC0415

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        legal_name: None | str | Unset
        if isinstance(self.legal_name, Unset):
            legal_name = UNSET
        else:
            legal_name = self.legal_name

        trade_name: None | str | Unset
        if isinstance(self.trade_name, Unset):
            trade_name = UNSET
        else:
            trade_name = self.trade_name

        nif: None | str | Unset
        if isinstance(self.nif, Unset):
            nif = UNSET
        else:
            nif = self.nif

        foreign_id: dict[str, Any] | None | Unset
        if isinstance(self.foreign_id, Unset):
            foreign_id = UNSET
        elif isinstance(self.foreign_id, ForeignIdOut):
            foreign_id = self.foreign_id.to_dict()
        else:
            foreign_id = self.foreign_id

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        address: dict[str, Any] | None | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        elif isinstance(self.address, AddressOut):
            address = self.address.to_dict()
        else:
            address = self.address

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if legal_name is not UNSET:
            field_dict["legal_name"] = legal_name
        if trade_name is not UNSET:
            field_dict["trade_name"] = trade_name
        if nif is not UNSET:
            field_dict["nif"] = nif
        if foreign_id is not UNSET:
            field_dict["foreign_id"] = foreign_id
        if email is not UNSET:
            field_dict["email"] = email
        if phone is not UNSET:
            field_dict["phone"] = phone
        if address is not UNSET:
            field_dict["address"] = address

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address_out import AddressOut  # noqa: PLC0415
        from ..models.foreign_id_out import ForeignIdOut  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_legal_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        legal_name = _parse_legal_name(d.pop("legal_name", UNSET))

        def _parse_trade_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        trade_name = _parse_trade_name(d.pop("trade_name", UNSET))

        def _parse_nif(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        nif = _parse_nif(d.pop("nif", UNSET))

        def _parse_foreign_id(data: object) -> ForeignIdOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                foreign_id_type_0 = ForeignIdOut.from_dict(data)

                return foreign_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ForeignIdOut | None | Unset, data)

        foreign_id = _parse_foreign_id(d.pop("foreign_id", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_address(data: object) -> AddressOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                address_type_0 = AddressOut.from_dict(data)

                return address_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AddressOut | None | Unset, data)

        address = _parse_address(d.pop("address", UNSET))

        party_out = cls(
            id=id,
            name=name,
            legal_name=legal_name,
            trade_name=trade_name,
            nif=nif,
            foreign_id=foreign_id,
            email=email,
            phone=phone,
            address=address,
        )

        party_out.additional_properties = d
        return party_out

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

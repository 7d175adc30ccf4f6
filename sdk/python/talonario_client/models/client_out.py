from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.address_out import AddressOut
    from ..models.foreign_id_out import ForeignIdOut


T = TypeVar("T", bound="ClientOut")


@_attrs_define
class ClientOut:
    """
    Attributes:
        id (str):
        object_ (Literal['client']):
        name (str):
        nif (None | str):
        foreign_id (ForeignIdOut | None):
        email (None | str):
        address (AddressOut | None):
        external_id (None | str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: str
    object_: Literal["client"]
    name: str
    nif: None | str
    foreign_id: ForeignIdOut | None
    email: None | str
    address: AddressOut | None
    external_id: None | str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.address_out import AddressOut  # noqa: PLC0415
        from ..models.foreign_id_out import ForeignIdOut  # noqa: PLC0415

        id = self.id

        object_ = self.object_

        name = self.name

        nif: None | str
        nif = self.nif

        foreign_id: dict[str, Any] | None
        if isinstance(self.foreign_id, ForeignIdOut):
            foreign_id = self.foreign_id.to_dict()
        else:
            foreign_id = self.foreign_id

        email: None | str
        email = self.email

        address: dict[str, Any] | None
        if isinstance(self.address, AddressOut):
            address = self.address.to_dict()
        else:
            address = self.address

        external_id: None | str
        external_id = self.external_id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object_,
                "name": name,
                "nif": nif,
                "foreign_id": foreign_id,
                "email": email,
                "address": address,
                "external_id": external_id,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address_out import AddressOut  # noqa: PLC0415
        from ..models.foreign_id_out import ForeignIdOut  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        object_ = cast(Literal["client"], d.pop("object"))
        if object_ != "client":
            raise ValueError(f"object must match const 'client', got '{object_}'")

        name = d.pop("name")

        def _parse_nif(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        nif = _parse_nif(d.pop("nif"))

        def _parse_foreign_id(data: object) -> ForeignIdOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                foreign_id_type_0 = ForeignIdOut.from_dict(data)

                return foreign_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ForeignIdOut | None, data)

        foreign_id = _parse_foreign_id(d.pop("foreign_id"))

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        def _parse_address(data: object) -> AddressOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                address_type_0 = AddressOut.from_dict(data)

                return address_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AddressOut | None, data)

        address = _parse_address(d.pop("address"))

        def _parse_external_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_id = _parse_external_id(d.pop("external_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        client_out = cls(
            id=id,
            object_=object_,
            name=name,
            nif=nif,
            foreign_id=foreign_id,
            email=email,
            address=address,
            external_id=external_id,
            created_at=created_at,
            updated_at=updated_at,
        )

        client_out.additional_properties = d
        return client_out

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

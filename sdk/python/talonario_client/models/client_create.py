from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address import Address
    from ..models.foreign_id import ForeignId


T = TypeVar("T", bound="ClientCreate")


@_attrs_define
class ClientCreate:
    """
    Attributes:
        name (str):
        email (None | str | Unset):
        address (Address | None | Unset):
        external_id (None | str | Unset):
        nif (None | str | Unset):
        foreign_id (ForeignId | None | Unset):
    """

    name: str
    email: None | str | Unset = UNSET
    address: Address | None | Unset = UNSET
    external_id: None | str | Unset = UNSET
    nif: None | str | Unset = UNSET
    foreign_id: ForeignId | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.address import Address  # noqa: PLC0415
        from ..models.foreign_id import ForeignId  # noqa: PLC0415

        name = self.name

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        address: dict[str, Any] | None | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        elif isinstance(self.address, Address):
            address = self.address.to_dict()
        else:
            address = self.address

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        nif: None | str | Unset
        if isinstance(self.nif, Unset):
            nif = UNSET
        else:
            nif = self.nif

        foreign_id: dict[str, Any] | None | Unset
        if isinstance(self.foreign_id, Unset):
            foreign_id = UNSET
        elif isinstance(self.foreign_id, ForeignId):
            foreign_id = self.foreign_id.to_dict()
        else:
            foreign_id = self.foreign_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if email is not UNSET:
            field_dict["email"] = email
        if address is not UNSET:
            field_dict["address"] = address
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if nif is not UNSET:
            field_dict["nif"] = nif
        if foreign_id is not UNSET:
            field_dict["foreign_id"] = foreign_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address import Address  # noqa: PLC0415
        from ..models.foreign_id import ForeignId  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_address(data: object) -> Address | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                address_type_0 = Address.from_dict(data)

                return address_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Address | None | Unset, data)

        address = _parse_address(d.pop("address", UNSET))

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

        def _parse_nif(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        nif = _parse_nif(d.pop("nif", UNSET))

        def _parse_foreign_id(data: object) -> ForeignId | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                foreign_id_type_0 = ForeignId.from_dict(data)

                return foreign_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ForeignId | None | Unset, data)

        foreign_id = _parse_foreign_id(d.pop("foreign_id", UNSET))

        client_create = cls(
            name=name,
            email=email,
            address=address,
            external_id=external_id,
            nif=nif,
            foreign_id=foreign_id,
        )

        return client_create

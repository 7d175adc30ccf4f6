from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address import Address
    from ..models.verifactu_settings import VerifactuSettings


T = TypeVar("T", bound="AccountCompanyCreate")


@_attrs_define
class AccountCompanyCreate:
    """
    Attributes:
        legal_name (str):
        nif (str):
        external_id (None | str | Unset): Your own name for the company, unique in your account; it names the company
            wherever its id does (`/v1/companies/{id}`, `Talonario-Company`).
        trade_name (None | str | Unset):
        address (Address | None | Unset):
        email (None | str | Unset):
        phone (None | str | Unset):
        verifactu (None | Unset | VerifactuSettings): Default: the `sandbox` environment.
    """

    legal_name: str
    nif: str
    external_id: None | str | Unset = UNSET
    trade_name: None | str | Unset = UNSET
    address: Address | None | Unset = UNSET
    email: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    verifactu: None | Unset | VerifactuSettings = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.address import Address  # noqa: PLC0415
        from ..models.verifactu_settings import VerifactuSettings  # noqa: PLC0415

        legal_name = self.legal_name

        nif = self.nif

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        trade_name: None | str | Unset
        if isinstance(self.trade_name, Unset):
            trade_name = UNSET
        else:
            trade_name = self.trade_name

        address: dict[str, Any] | None | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        elif isinstance(self.address, Address):
            address = self.address.to_dict()
        else:
            address = self.address

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

        verifactu: dict[str, Any] | None | Unset
        if isinstance(self.verifactu, Unset):
            verifactu = UNSET
        elif isinstance(self.verifactu, VerifactuSettings):
            verifactu = self.verifactu.to_dict()
        else:
            verifactu = self.verifactu

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "legal_name": legal_name,
                "nif": nif,
            }
        )
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if trade_name is not UNSET:
            field_dict["trade_name"] = trade_name
        if address is not UNSET:
            field_dict["address"] = address
        if email is not UNSET:
            field_dict["email"] = email
        if phone is not UNSET:
            field_dict["phone"] = phone
        if verifactu is not UNSET:
            field_dict["verifactu"] = verifactu

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address import Address  # noqa: PLC0415
        from ..models.verifactu_settings import VerifactuSettings  # noqa: PLC0415

        d = dict(src_dict)
        legal_name = d.pop("legal_name")

        nif = d.pop("nif")

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

        def _parse_trade_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        trade_name = _parse_trade_name(d.pop("trade_name", UNSET))

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

        def _parse_verifactu(data: object) -> None | Unset | VerifactuSettings:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                verifactu_type_0 = VerifactuSettings.from_dict(data)

                return verifactu_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VerifactuSettings, data)

        verifactu = _parse_verifactu(d.pop("verifactu", UNSET))

        account_company_create = cls(
            legal_name=legal_name,
            nif=nif,
            external_id=external_id,
            trade_name=trade_name,
            address=address,
            email=email,
            phone=phone,
            verifactu=verifactu,
        )

        return account_company_create

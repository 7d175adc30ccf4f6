from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.address_out import AddressOut
    from ..models.company_verifactu_out import CompanyVerifactuOut
    from ..models.logo_out import LogoOut
    from ..models.reminders_out import RemindersOut


T = TypeVar("T", bound="CompanyOut")


@_attrs_define
class CompanyOut:
    """
    Attributes:
        id (str):
        object_ (Literal['company']):
        account (str): The id of the account that owns the company.
        external_id (None | str):
        legal_name (str):
        trade_name (None | str):
        nif (str):
        address (AddressOut | None):
        email (None | str):
        phone (None | str):
        verifactu (CompanyVerifactuOut):
        logo (LogoOut | None):
        reminders (RemindersOut):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: str
    object_: Literal["company"]
    account: str
    external_id: None | str
    legal_name: str
    trade_name: None | str
    nif: str
    address: AddressOut | None
    email: None | str
    phone: None | str
    verifactu: CompanyVerifactuOut
    logo: LogoOut | None
    reminders: RemindersOut
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.address_out import AddressOut  # noqa: PLC0415
        from ..models.logo_out import LogoOut  # noqa: PLC0415

        id = self.id

        object_ = self.object_

        account = self.account

        external_id: None | str
        external_id = self.external_id

        legal_name = self.legal_name

        trade_name: None | str
        trade_name = self.trade_name

        nif = self.nif

        address: dict[str, Any] | None
        if isinstance(self.address, AddressOut):
            address = self.address.to_dict()
        else:
            address = self.address

        email: None | str
        email = self.email

        phone: None | str
        phone = self.phone

        verifactu = self.verifactu.to_dict()

        logo: dict[str, Any] | None
        if isinstance(self.logo, LogoOut):
            logo = self.logo.to_dict()
        else:
            logo = self.logo

        reminders = self.reminders.to_dict()

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object_,
                "account": account,
                "external_id": external_id,
                "legal_name": legal_name,
                "trade_name": trade_name,
                "nif": nif,
                "address": address,
                "email": email,
                "phone": phone,
                "verifactu": verifactu,
                "logo": logo,
                "reminders": reminders,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address_out import AddressOut  # noqa: PLC0415
        from ..models.company_verifactu_out import CompanyVerifactuOut  # noqa: PLC0415
        from ..models.logo_out import LogoOut  # noqa: PLC0415
        from ..models.reminders_out import RemindersOut  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        object_ = cast(Literal["company"], d.pop("object"))
        if object_ != "company":
            raise ValueError(f"object must match const 'company', got '{object_}'")

        account = d.pop("account")

        def _parse_external_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_id = _parse_external_id(d.pop("external_id"))

        legal_name = d.pop("legal_name")

        def _parse_trade_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        trade_name = _parse_trade_name(d.pop("trade_name"))

        nif = d.pop("nif")

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

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        def _parse_phone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone = _parse_phone(d.pop("phone"))

        verifactu = CompanyVerifactuOut.from_dict(d.pop("verifactu"))

        def _parse_logo(data: object) -> LogoOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                logo_type_0 = LogoOut.from_dict(data)

                return logo_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LogoOut | None, data)

        logo = _parse_logo(d.pop("logo"))

        reminders = RemindersOut.from_dict(d.pop("reminders"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        company_out = cls(
            id=id,
            object_=object_,
            account=account,
            external_id=external_id,
            legal_name=legal_name,
            trade_name=trade_name,
            nif=nif,
            address=address,
            email=email,
            phone=phone,
            verifactu=verifactu,
            logo=logo,
            reminders=reminders,
            created_at=created_at,
            updated_at=updated_at,
        )

        company_out.additional_properties = d
        return company_out

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

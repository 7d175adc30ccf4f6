from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.email_entry_kind import EmailEntryKind, check_email_entry_kind
from ..models.email_entry_type import EmailEntryType, check_email_entry_type

T = TypeVar("T", bound="EmailEntry")


@_attrs_define
class EmailEntry:
    """
    Attributes:
        type_ (EmailEntryType): `email.failed`: the worker gave up (`error` says why).
        at (datetime.datetime):
        email (str): The email's id.
        kind (EmailEntryKind): `invoice`: the invoice itself; `reminder`: a payment reminder.
        to (list[str]):
        cc (list[str]):
        error (None | str):
    """

    type_: EmailEntryType
    at: datetime.datetime
    email: str
    kind: EmailEntryKind
    to: list[str]
    cc: list[str]
    error: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        at = self.at.isoformat()

        email = self.email

        kind: str = self.kind

        to = self.to

        cc = self.cc

        error: None | str
        error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "at": at,
                "email": email,
                "kind": kind,
                "to": to,
                "cc": cc,
                "error": error,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = check_email_entry_type(d.pop("type"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        email = d.pop("email")

        kind = check_email_entry_kind(d.pop("kind"))

        to = cast(list[str], d.pop("to"))

        cc = cast(list[str], d.pop("cc"))

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        email_entry = cls(
            type_=type_,
            at=at,
            email=email,
            kind=kind,
            to=to,
            cc=cc,
            error=error,
        )

        email_entry.additional_properties = d
        return email_entry

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

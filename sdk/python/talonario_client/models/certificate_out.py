from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.certificate_out_kind import CertificateOutKind, check_certificate_out_kind

T = TypeVar("T", bound="CertificateOut")


@_attrs_define
class CertificateOut:
    """Public facts of the company's AEAT certificate; the key and password are never shown.

    Attributes:
        subject (str):
        nif (None | str):
        kind (CertificateOutKind):
        not_before (datetime.datetime):
        not_after (datetime.datetime):
        fingerprint (str): SHA-256 of the certificate (DER), hex.
        uploaded_at (datetime.datetime):
        expires_in_days (int): Whole days left; negative once expired.
        warning (None | str): Set when expiry is within 30 days or past, or the certificate's NIF is not the company's.
    """

    subject: str
    nif: None | str
    kind: CertificateOutKind
    not_before: datetime.datetime
    not_after: datetime.datetime
    fingerprint: str
    uploaded_at: datetime.datetime
    expires_in_days: int
    warning: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        subject = self.subject

        nif: None | str
        nif = self.nif

        kind: str = self.kind

        not_before = self.not_before.isoformat()

        not_after = self.not_after.isoformat()

        fingerprint = self.fingerprint

        uploaded_at = self.uploaded_at.isoformat()

        expires_in_days = self.expires_in_days

        warning: None | str
        warning = self.warning

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "subject": subject,
                "nif": nif,
                "kind": kind,
                "not_before": not_before,
                "not_after": not_after,
                "fingerprint": fingerprint,
                "uploaded_at": uploaded_at,
                "expires_in_days": expires_in_days,
                "warning": warning,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        subject = d.pop("subject")

        def _parse_nif(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        nif = _parse_nif(d.pop("nif"))

        kind = check_certificate_out_kind(d.pop("kind"))

        not_before = datetime.datetime.fromisoformat(d.pop("not_before"))

        not_after = datetime.datetime.fromisoformat(d.pop("not_after"))

        fingerprint = d.pop("fingerprint")

        uploaded_at = datetime.datetime.fromisoformat(d.pop("uploaded_at"))

        expires_in_days = d.pop("expires_in_days")

        def _parse_warning(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        warning = _parse_warning(d.pop("warning"))

        certificate_out = cls(
            subject=subject,
            nif=nif,
            kind=kind,
            not_before=not_before,
            not_after=not_after,
            fingerprint=fingerprint,
            uploaded_at=uploaded_at,
            expires_in_days=expires_in_days,
            warning=warning,
        )

        certificate_out.additional_properties = d
        return certificate_out

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

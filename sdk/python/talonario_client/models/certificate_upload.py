from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.certificate_upload_kind_type_0 import CertificateUploadKindType0, check_certificate_upload_kind_type_0
from ..types import UNSET, Unset

T = TypeVar("T", bound="CertificateUpload")


@_attrs_define
class CertificateUpload:
    """
    Attributes:
        pkcs12 (str): The PKCS#12 (.p12/.pfx) file, base64-encoded.
        password (str): The PKCS#12's password.
        kind (CertificateUploadKindType0 | None | Unset): 'personal' (a person's or representative's certificate) or
            'seal' (sello electrónico); AEAT serves them on different hosts. Detected when omitted.
    """

    pkcs12: str
    password: str
    kind: CertificateUploadKindType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        pkcs12 = self.pkcs12

        password = self.password

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, str):
            kind = self.kind
        else:
            kind = self.kind

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "pkcs12": pkcs12,
                "password": password,
            }
        )
        if kind is not UNSET:
            field_dict["kind"] = kind

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        pkcs12 = d.pop("pkcs12")

        password = d.pop("password")

        def _parse_kind(data: object) -> CertificateUploadKindType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_0 = check_certificate_upload_kind_type_0(data)

                return kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CertificateUploadKindType0 | None | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

        certificate_upload = cls(
            pkcs12=pkcs12,
            password=password,
            kind=kind,
        )

        return certificate_upload

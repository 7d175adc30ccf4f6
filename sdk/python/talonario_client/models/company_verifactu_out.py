from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.company_verifactu_out_environment import (
    CompanyVerifactuOutEnvironment,
    check_company_verifactu_out_environment,
)
from ..models.company_verifactu_out_mode import CompanyVerifactuOutMode, check_company_verifactu_out_mode
from ..models.company_verifactu_out_next_mode_type_0 import (
    CompanyVerifactuOutNextModeType0,
    check_company_verifactu_out_next_mode_type_0,
)

if TYPE_CHECKING:
    from ..models.certificate_out import CertificateOut


T = TypeVar("T", bound="CompanyVerifactuOut")


@_attrs_define
class CompanyVerifactuOut:
    """
    Attributes:
        environment (CompanyVerifactuOutEnvironment):
        mode (CompanyVerifactuOutMode):
        mode_since (datetime.datetime | None): When the current mode began; null: since the company was created.
        next_mode (CompanyVerifactuOutNextModeType0 | None): The mode a scheduled switch will put the company in; null:
            none.
        next_mode_on (datetime.date | None): The day the scheduled switch takes effect (in the company's time zone).
        next_mode_reported_at (datetime.datetime | None): When AEAT first answered a submission announcing the scheduled
            renounce (FechaFinVeriFactu); null: not yet, and the next submission announces it.
        certificate (CertificateOut | None):
    """

    environment: CompanyVerifactuOutEnvironment
    mode: CompanyVerifactuOutMode
    mode_since: datetime.datetime | None
    next_mode: CompanyVerifactuOutNextModeType0 | None
    next_mode_on: datetime.date | None
    next_mode_reported_at: datetime.datetime | None
    certificate: CertificateOut | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.certificate_out import CertificateOut  # noqa: PLC0415

        environment: str = self.environment

        mode: str = self.mode

        mode_since: None | str
        if isinstance(self.mode_since, datetime.datetime):
            mode_since = self.mode_since.isoformat()
        else:
            mode_since = self.mode_since

        next_mode: None | str
        if isinstance(self.next_mode, str):
            next_mode = self.next_mode
        else:
            next_mode = self.next_mode

        next_mode_on: None | str
        if isinstance(self.next_mode_on, datetime.date):
            next_mode_on = self.next_mode_on.isoformat()
        else:
            next_mode_on = self.next_mode_on

        next_mode_reported_at: None | str
        if isinstance(self.next_mode_reported_at, datetime.datetime):
            next_mode_reported_at = self.next_mode_reported_at.isoformat()
        else:
            next_mode_reported_at = self.next_mode_reported_at

        certificate: dict[str, Any] | None
        if isinstance(self.certificate, CertificateOut):
            certificate = self.certificate.to_dict()
        else:
            certificate = self.certificate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "environment": environment,
                "mode": mode,
                "mode_since": mode_since,
                "next_mode": next_mode,
                "next_mode_on": next_mode_on,
                "next_mode_reported_at": next_mode_reported_at,
                "certificate": certificate,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.certificate_out import CertificateOut  # noqa: PLC0415

        d = dict(src_dict)
        environment = check_company_verifactu_out_environment(d.pop("environment"))

        mode = check_company_verifactu_out_mode(d.pop("mode"))

        def _parse_mode_since(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                mode_since_type_0 = datetime.datetime.fromisoformat(data)

                return mode_since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        mode_since = _parse_mode_since(d.pop("mode_since"))

        def _parse_next_mode(data: object) -> CompanyVerifactuOutNextModeType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_mode_type_0 = check_company_verifactu_out_next_mode_type_0(data)

                return next_mode_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CompanyVerifactuOutNextModeType0 | None, data)

        next_mode = _parse_next_mode(d.pop("next_mode"))

        def _parse_next_mode_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_mode_on_type_0 = datetime.date.fromisoformat(data)

                return next_mode_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        next_mode_on = _parse_next_mode_on(d.pop("next_mode_on"))

        def _parse_next_mode_reported_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_mode_reported_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_mode_reported_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_mode_reported_at = _parse_next_mode_reported_at(d.pop("next_mode_reported_at"))

        def _parse_certificate(data: object) -> CertificateOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                certificate_type_0 = CertificateOut.from_dict(data)

                return certificate_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CertificateOut | None, data)

        certificate = _parse_certificate(d.pop("certificate"))

        company_verifactu_out = cls(
            environment=environment,
            mode=mode,
            mode_since=mode_since,
            next_mode=next_mode,
            next_mode_on=next_mode_on,
            next_mode_reported_at=next_mode_reported_at,
            certificate=certificate,
        )

        company_verifactu_out.additional_properties = d
        return company_verifactu_out

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

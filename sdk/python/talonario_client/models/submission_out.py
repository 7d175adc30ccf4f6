from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.submission_out_status import SubmissionOutStatus, check_submission_out_status

T = TypeVar("T", bound="SubmissionOut")


@_attrs_define
class SubmissionOut:
    """
    Attributes:
        id (str):
        at (datetime.datetime):
        status (SubmissionOutStatus): `abandoned`: its worker died before AEAT's answer was recorded.
        records (int):
        csv (None | str):
        aeat_status (None | str): EstadoEnvio as AEAT answered it.
        incident (bool): Sent with Incidencia=S (records delayed by an outage).
        error (None | str):
    """

    id: str
    at: datetime.datetime
    status: SubmissionOutStatus
    records: int
    csv: None | str
    aeat_status: None | str
    incident: bool
    error: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        at = self.at.isoformat()

        status: str = self.status

        records = self.records

        csv: None | str
        csv = self.csv

        aeat_status: None | str
        aeat_status = self.aeat_status

        incident = self.incident

        error: None | str
        error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "at": at,
                "status": status,
                "records": records,
                "csv": csv,
                "aeat_status": aeat_status,
                "incident": incident,
                "error": error,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        status = check_submission_out_status(d.pop("status"))

        records = d.pop("records")

        def _parse_csv(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        csv = _parse_csv(d.pop("csv"))

        def _parse_aeat_status(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        aeat_status = _parse_aeat_status(d.pop("aeat_status"))

        incident = d.pop("incident")

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        submission_out = cls(
            id=id,
            at=at,
            status=status,
            records=records,
            csv=csv,
            aeat_status=aeat_status,
            incident=incident,
            error=error,
        )

        submission_out.additional_properties = d
        return submission_out

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

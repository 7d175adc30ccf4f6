from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.reason import Reason, check_reason

if TYPE_CHECKING:
    from ..models.incident_out import IncidentOut
    from ..models.submission_out import SubmissionOut


T = TypeVar("T", bound="RemissionStatusOut")


@_attrs_define
class RemissionStatusOut:
    """
    Attributes:
        object_ (Literal['verifactu_status']):
        pending (int): Records not yet answered by AEAT.
        last_submission (None | SubmissionOut):
        next_submission_at (datetime.datetime | None): Not before (AEAT's TiempoEsperaEnvio, or the retry backoff).
        reason (Reason): Why the next attempt is when it is.
        incident (IncidentOut):
    """

    object_: Literal["verifactu_status"]
    pending: int
    last_submission: None | SubmissionOut
    next_submission_at: datetime.datetime | None
    reason: Reason
    incident: IncidentOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.submission_out import SubmissionOut  # noqa: PLC0415

        object_ = self.object_

        pending = self.pending

        last_submission: dict[str, Any] | None
        if isinstance(self.last_submission, SubmissionOut):
            last_submission = self.last_submission.to_dict()
        else:
            last_submission = self.last_submission

        next_submission_at: None | str
        if isinstance(self.next_submission_at, datetime.datetime):
            next_submission_at = self.next_submission_at.isoformat()
        else:
            next_submission_at = self.next_submission_at

        reason: str = self.reason

        incident = self.incident.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "object": object_,
                "pending": pending,
                "last_submission": last_submission,
                "next_submission_at": next_submission_at,
                "reason": reason,
                "incident": incident,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.incident_out import IncidentOut  # noqa: PLC0415
        from ..models.submission_out import SubmissionOut  # noqa: PLC0415

        d = dict(src_dict)
        object_ = cast(Literal["verifactu_status"], d.pop("object"))
        if object_ != "verifactu_status":
            raise ValueError(f"object must match const 'verifactu_status', got '{object_}'")

        pending = d.pop("pending")

        def _parse_last_submission(data: object) -> None | SubmissionOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                last_submission_type_0 = SubmissionOut.from_dict(data)

                return last_submission_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SubmissionOut, data)

        last_submission = _parse_last_submission(d.pop("last_submission"))

        def _parse_next_submission_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_submission_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_submission_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_submission_at = _parse_next_submission_at(d.pop("next_submission_at"))

        reason = check_reason(d.pop("reason"))

        incident = IncidentOut.from_dict(d.pop("incident"))

        remission_status_out = cls(
            object_=object_,
            pending=pending,
            last_submission=last_submission,
            next_submission_at=next_submission_at,
            reason=reason,
            incident=incident,
        )

        remission_status_out.additional_properties = d
        return remission_status_out

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

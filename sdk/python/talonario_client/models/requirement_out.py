from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.requirement_submission_out import RequirementSubmissionOut


T = TypeVar("T", bound="RequirementOut")


@_attrs_define
class RequirementOut:
    """
    Attributes:
        id (str):
        ref (str):
        period_from (datetime.date):
        period_to (datetime.date):
        environment (str):
        status (str): answered, or failed (a submission got no answer: error).
        aeat_status (None | str): The worst EstadoEnvio AEAT answered.
        records (int):
        accepted (int):
        accepted_with_errors (int):
        rejected (int):
        error (None | str):
        submissions (list[RequirementSubmissionOut]):
        created_at (datetime.datetime):
        answered_at (datetime.datetime | None):
        object_ (str | Unset):  Default: 'verifactu_requirement'.
    """

    id: str
    ref: str
    period_from: datetime.date
    period_to: datetime.date
    environment: str
    status: str
    aeat_status: None | str
    records: int
    accepted: int
    accepted_with_errors: int
    rejected: int
    error: None | str
    submissions: list[RequirementSubmissionOut]
    created_at: datetime.datetime
    answered_at: datetime.datetime | None
    object_: str | Unset = "verifactu_requirement"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        ref = self.ref

        period_from = self.period_from.isoformat()

        period_to = self.period_to.isoformat()

        environment = self.environment

        status = self.status

        aeat_status: None | str
        aeat_status = self.aeat_status

        records = self.records

        accepted = self.accepted

        accepted_with_errors = self.accepted_with_errors

        rejected = self.rejected

        error: None | str
        error = self.error

        submissions = []
        for submissions_item_data in self.submissions:
            submissions_item = submissions_item_data.to_dict()
            submissions.append(submissions_item)

        created_at = self.created_at.isoformat()

        answered_at: None | str
        if isinstance(self.answered_at, datetime.datetime):
            answered_at = self.answered_at.isoformat()
        else:
            answered_at = self.answered_at

        object_ = self.object_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "ref": ref,
                "period_from": period_from,
                "period_to": period_to,
                "environment": environment,
                "status": status,
                "aeat_status": aeat_status,
                "records": records,
                "accepted": accepted,
                "accepted_with_errors": accepted_with_errors,
                "rejected": rejected,
                "error": error,
                "submissions": submissions,
                "created_at": created_at,
                "answered_at": answered_at,
            }
        )
        if object_ is not UNSET:
            field_dict["object"] = object_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.requirement_submission_out import RequirementSubmissionOut  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        ref = d.pop("ref")

        period_from = datetime.date.fromisoformat(d.pop("period_from"))

        period_to = datetime.date.fromisoformat(d.pop("period_to"))

        environment = d.pop("environment")

        status = d.pop("status")

        def _parse_aeat_status(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        aeat_status = _parse_aeat_status(d.pop("aeat_status"))

        records = d.pop("records")

        accepted = d.pop("accepted")

        accepted_with_errors = d.pop("accepted_with_errors")

        rejected = d.pop("rejected")

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        submissions = []
        _submissions = d.pop("submissions")
        for submissions_item_data in _submissions:
            submissions_item = RequirementSubmissionOut.from_dict(submissions_item_data)

            submissions.append(submissions_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_answered_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                answered_at_type_0 = datetime.datetime.fromisoformat(data)

                return answered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        answered_at = _parse_answered_at(d.pop("answered_at"))

        object_ = d.pop("object", UNSET)

        requirement_out = cls(
            id=id,
            ref=ref,
            period_from=period_from,
            period_to=period_to,
            environment=environment,
            status=status,
            aeat_status=aeat_status,
            records=records,
            accepted=accepted,
            accepted_with_errors=accepted_with_errors,
            rejected=rejected,
            error=error,
            submissions=submissions,
            created_at=created_at,
            answered_at=answered_at,
            object_=object_,
        )

        requirement_out.additional_properties = d
        return requirement_out

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

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.requirement_submission_out_errors_item import RequirementSubmissionOutErrorsItem


T = TypeVar("T", bound="RequirementSubmissionOut")


@_attrs_define
class RequirementSubmissionOut:
    """
    Attributes:
        records (int):
        first_sequence (int):
        last_sequence (int):
        aeat_status (None | str | Unset):
        csv (None | str | Unset):
        accepted (int | Unset):  Default: 0.
        accepted_with_errors (int | Unset):  Default: 0.
        rejected (int | Unset):  Default: 0.
        errors (list[RequirementSubmissionOutErrorsItem] | Unset):
        error (None | str | Unset):
        code (int | None | Unset):
    """

    records: int
    first_sequence: int
    last_sequence: int
    aeat_status: None | str | Unset = UNSET
    csv: None | str | Unset = UNSET
    accepted: int | Unset = 0
    accepted_with_errors: int | Unset = 0
    rejected: int | Unset = 0
    errors: list[RequirementSubmissionOutErrorsItem] | Unset = UNSET
    error: None | str | Unset = UNSET
    code: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        records = self.records

        first_sequence = self.first_sequence

        last_sequence = self.last_sequence

        aeat_status: None | str | Unset
        if isinstance(self.aeat_status, Unset):
            aeat_status = UNSET
        else:
            aeat_status = self.aeat_status

        csv: None | str | Unset
        if isinstance(self.csv, Unset):
            csv = UNSET
        else:
            csv = self.csv

        accepted = self.accepted

        accepted_with_errors = self.accepted_with_errors

        rejected = self.rejected

        errors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = []
            for errors_item_data in self.errors:
                errors_item = errors_item_data.to_dict()
                errors.append(errors_item)

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        code: int | None | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "records": records,
                "first_sequence": first_sequence,
                "last_sequence": last_sequence,
            }
        )
        if aeat_status is not UNSET:
            field_dict["aeat_status"] = aeat_status
        if csv is not UNSET:
            field_dict["csv"] = csv
        if accepted is not UNSET:
            field_dict["accepted"] = accepted
        if accepted_with_errors is not UNSET:
            field_dict["accepted_with_errors"] = accepted_with_errors
        if rejected is not UNSET:
            field_dict["rejected"] = rejected
        if errors is not UNSET:
            field_dict["errors"] = errors
        if error is not UNSET:
            field_dict["error"] = error
        if code is not UNSET:
            field_dict["code"] = code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.requirement_submission_out_errors_item import RequirementSubmissionOutErrorsItem  # noqa: PLC0415

        d = dict(src_dict)
        records = d.pop("records")

        first_sequence = d.pop("first_sequence")

        last_sequence = d.pop("last_sequence")

        def _parse_aeat_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        aeat_status = _parse_aeat_status(d.pop("aeat_status", UNSET))

        def _parse_csv(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        csv = _parse_csv(d.pop("csv", UNSET))

        accepted = d.pop("accepted", UNSET)

        accepted_with_errors = d.pop("accepted_with_errors", UNSET)

        rejected = d.pop("rejected", UNSET)

        _errors = d.pop("errors", UNSET)
        errors: list[RequirementSubmissionOutErrorsItem] | Unset = UNSET
        if _errors is not UNSET:
            errors = []
            for errors_item_data in _errors:
                errors_item = RequirementSubmissionOutErrorsItem.from_dict(errors_item_data)

                errors.append(errors_item)

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        def _parse_code(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        requirement_submission_out = cls(
            records=records,
            first_sequence=first_sequence,
            last_sequence=last_sequence,
            aeat_status=aeat_status,
            csv=csv,
            accepted=accepted,
            accepted_with_errors=accepted_with_errors,
            rejected=rejected,
            errors=errors,
            error=error,
            code=code,
        )

        requirement_submission_out.additional_properties = d
        return requirement_submission_out

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

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReminderSkippedEntry")


@_attrs_define
class ReminderSkippedEntry:
    """
    Attributes:
        type_ (Literal['reminder.skipped']): A scheduled payment reminder not sent (`reason` says why: `no_email`, the
            client has none). A reminder sent is an `email.sent` of kind `reminder`.
        at (datetime.datetime):
        reminder (str): The reminder's id.
        step (int | None): Days from the due date of the schedule's step.
        reason (str):
    """

    type_: Literal["reminder.skipped"]
    at: datetime.datetime
    reminder: str
    step: int | None
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        at = self.at.isoformat()

        reminder = self.reminder

        step: int | None
        step = self.step

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "at": at,
                "reminder": reminder,
                "step": step,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = cast(Literal["reminder.skipped"], d.pop("type"))
        if type_ != "reminder.skipped":
            raise ValueError(f"type must match const 'reminder.skipped', got '{type_}'")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        reminder = d.pop("reminder")

        def _parse_step(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        step = _parse_step(d.pop("step"))

        reason = d.pop("reason")

        reminder_skipped_entry = cls(
            type_=type_,
            at=at,
            reminder=reminder,
            step=step,
            reason=reason,
        )

        reminder_skipped_entry.additional_properties = d
        return reminder_skipped_entry

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

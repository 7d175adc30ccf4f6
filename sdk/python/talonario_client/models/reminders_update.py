from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RemindersUpdate")


@_attrs_define
class RemindersUpdate:
    """Automatic payment reminders: the worker emails each unpaid invoice's client on these
    days, once per day and invoice (GET /v1/invoices/{id}/reminders lists them).

        Attributes:
            enabled (bool | Unset): Whether the worker sends them (default false).
            days (list[int] | Unset): Days relative to each invoice's `due_on`, -30 to 365 (negative: before it; 0: on the
                day), each once, at most 10; default [1, 7, 15]. A worker that finds several days passed since an invoice's last
                reminder (reminders switched on late, or a worker down) sends one, for the latest.
    """

    enabled: bool | Unset = UNSET
    days: list[int] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        enabled = self.enabled

        days: list[int] | Unset = UNSET
        if not isinstance(self.days, Unset):
            days = self.days

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if days is not UNSET:
            field_dict["days"] = days

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        enabled = d.pop("enabled", UNSET)

        days = cast(list[int], d.pop("days", UNSET))

        reminders_update = cls(
            enabled=enabled,
            days=days,
        )

        return reminders_update

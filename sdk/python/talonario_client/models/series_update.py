from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SeriesUpdate")


@_attrs_define
class SeriesUpdate:
    """
    Attributes:
        format_ (str | Unset):
        next_number (int | Unset):
        default (bool | Unset): Make this the default series of its kind.
        reset_yearly (bool | Unset):
    """

    format_: str | Unset = UNSET
    next_number: int | Unset = UNSET
    default: bool | Unset = UNSET
    reset_yearly: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        format_ = self.format_

        next_number = self.next_number

        default = self.default

        reset_yearly = self.reset_yearly

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if format_ is not UNSET:
            field_dict["format"] = format_
        if next_number is not UNSET:
            field_dict["next_number"] = next_number
        if default is not UNSET:
            field_dict["default"] = default
        if reset_yearly is not UNSET:
            field_dict["reset_yearly"] = reset_yearly

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        format_ = d.pop("format", UNSET)

        next_number = d.pop("next_number", UNSET)

        default = d.pop("default", UNSET)

        reset_yearly = d.pop("reset_yearly", UNSET)

        series_update = cls(
            format_=format_,
            next_number=next_number,
            default=default,
            reset_yearly=reset_yearly,
        )

        return series_update

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.series_create_kind import SeriesCreateKind, check_series_create_kind
from ..types import UNSET, Unset

T = TypeVar("T", bound="SeriesCreate")


@_attrs_define
class SeriesCreate:
    """
    Attributes:
        code (str):
        format_ (str | Unset):  Default: '{code}{year}-{number:05}'.
        next_number (int | Unset):  Default: 1.
        kind (SeriesCreateKind | Unset):  Default: 'standard'.
        default (bool | Unset):  Default: False.
        reset_yearly (bool | Unset):  Default: False.
    """

    code: str
    format_: str | Unset = "{code}{year}-{number:05}"
    next_number: int | Unset = 1
    kind: SeriesCreateKind | Unset = "standard"
    default: bool | Unset = False
    reset_yearly: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        format_ = self.format_

        next_number = self.next_number

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind

        default = self.default

        reset_yearly = self.reset_yearly

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
            }
        )
        if format_ is not UNSET:
            field_dict["format"] = format_
        if next_number is not UNSET:
            field_dict["next_number"] = next_number
        if kind is not UNSET:
            field_dict["kind"] = kind
        if default is not UNSET:
            field_dict["default"] = default
        if reset_yearly is not UNSET:
            field_dict["reset_yearly"] = reset_yearly

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        format_ = d.pop("format", UNSET)

        next_number = d.pop("next_number", UNSET)

        _kind = d.pop("kind", UNSET)
        kind: SeriesCreateKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = check_series_create_kind(_kind)

        default = d.pop("default", UNSET)

        reset_yearly = d.pop("reset_yearly", UNSET)

        series_create = cls(
            code=code,
            format_=format_,
            next_number=next_number,
            kind=kind,
            default=default,
            reset_yearly=reset_yearly,
        )

        return series_create

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.series_out_kind import SeriesOutKind, check_series_out_kind

T = TypeVar("T", bound="SeriesOut")


@_attrs_define
class SeriesOut:
    """
    Attributes:
        id (str):
        object_ (Literal['series']):
        code (str):
        format_ (str):
        next_number (int):
        kind (SeriesOutKind):
        default (bool):
        reset_yearly (bool):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: str
    object_: Literal["series"]
    code: str
    format_: str
    next_number: int
    kind: SeriesOutKind
    default: bool
    reset_yearly: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        object_ = self.object_

        code = self.code

        format_ = self.format_

        next_number = self.next_number

        kind: str = self.kind

        default = self.default

        reset_yearly = self.reset_yearly

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object_,
                "code": code,
                "format": format_,
                "next_number": next_number,
                "kind": kind,
                "default": default,
                "reset_yearly": reset_yearly,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        object_ = cast(Literal["series"], d.pop("object"))
        if object_ != "series":
            raise ValueError(f"object must match const 'series', got '{object_}'")

        code = d.pop("code")

        format_ = d.pop("format")

        next_number = d.pop("next_number")

        kind = check_series_out_kind(d.pop("kind"))

        default = d.pop("default")

        reset_yearly = d.pop("reset_yearly")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        series_out = cls(
            id=id,
            object_=object_,
            code=code,
            format_=format_,
            next_number=next_number,
            kind=kind,
            default=default,
            reset_yearly=reset_yearly,
            created_at=created_at,
            updated_at=updated_at,
        )

        series_out.additional_properties = d
        return series_out

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

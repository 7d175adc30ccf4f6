from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.logo_out_content_type import LogoOutContentType, check_logo_out_content_type

T = TypeVar("T", bound="LogoOut")


@_attrs_define
class LogoOut:
    """The company's logo, printed on its invoices' PDFs; GET `url` for the image itself.

    Attributes:
        content_type (LogoOutContentType):
        size (int): Bytes.
        width (int): Pixels.
        height (int): Pixels.
        updated_at (datetime.datetime):
        url (str):
    """

    content_type: LogoOutContentType
    size: int
    width: int
    height: int
    updated_at: datetime.datetime
    url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        content_type: str = self.content_type

        size = self.size

        width = self.width

        height = self.height

        updated_at = self.updated_at.isoformat()

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "content_type": content_type,
                "size": size,
                "width": width,
                "height": height,
                "updated_at": updated_at,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        content_type = check_logo_out_content_type(d.pop("content_type"))

        size = d.pop("size")

        width = d.pop("width")

        height = d.pop("height")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        url = d.pop("url")

        logo_out = cls(
            content_type=content_type,
            size=size,
            width=width,
            height=height,
            updated_at=updated_at,
            url=url,
        )

        logo_out.additional_properties = d
        return logo_out

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

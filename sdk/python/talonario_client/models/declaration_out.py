from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.declaration_item_out import DeclarationItemOut


T = TypeVar("T", bound="DeclarationOut")


@_attrs_define
class DeclarationOut:
    """
    Attributes:
        title (str):
        complete (bool): Every letter a) to l) has its value.
        items (list[DeclarationItemOut]): Letters a) to l), in order.
        text (None | str): The whole declaration, once complete.
        missing_settings (list[str]):
    """

    title: str
    complete: bool
    items: list[DeclarationItemOut]
    text: None | str
    missing_settings: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        complete = self.complete

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        text: None | str
        text = self.text

        missing_settings = self.missing_settings

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "title": title,
                "complete": complete,
                "items": items,
                "text": text,
                "missing_settings": missing_settings,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.declaration_item_out import DeclarationItemOut  # noqa: PLC0415

        d = dict(src_dict)
        title = d.pop("title")

        complete = d.pop("complete")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = DeclarationItemOut.from_dict(items_item_data)

            items.append(items_item)

        def _parse_text(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        text = _parse_text(d.pop("text"))

        missing_settings = cast(list[str], d.pop("missing_settings"))

        declaration_out = cls(
            title=title,
            complete=complete,
            items=items,
            text=text,
            missing_settings=missing_settings,
        )

        declaration_out.additional_properties = d
        return declaration_out

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

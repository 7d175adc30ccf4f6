from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.chain_check_out_first_break_type_0 import ChainCheckOutFirstBreakType0


T = TypeVar("T", bound="ChainCheckOut")


@_attrs_define
class ChainCheckOut:
    """
    Attributes:
        valid (bool):
        checked (int):
        first_break (ChainCheckOutFirstBreakType0 | None):
        anomaly_event (None | str): The id of the anomaly event logged for it.
    """

    valid: bool
    checked: int
    first_break: ChainCheckOutFirstBreakType0 | None
    anomaly_event: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.chain_check_out_first_break_type_0 import ChainCheckOutFirstBreakType0  # noqa: PLC0415

        valid = self.valid

        checked = self.checked

        first_break: dict[str, Any] | None
        if isinstance(self.first_break, ChainCheckOutFirstBreakType0):
            first_break = self.first_break.to_dict()
        else:
            first_break = self.first_break

        anomaly_event: None | str
        anomaly_event = self.anomaly_event

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "valid": valid,
                "checked": checked,
                "first_break": first_break,
                "anomaly_event": anomaly_event,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.chain_check_out_first_break_type_0 import ChainCheckOutFirstBreakType0  # noqa: PLC0415

        d = dict(src_dict)
        valid = d.pop("valid")

        checked = d.pop("checked")

        def _parse_first_break(data: object) -> ChainCheckOutFirstBreakType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                first_break_type_0 = ChainCheckOutFirstBreakType0.from_dict(data)

                return first_break_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChainCheckOutFirstBreakType0 | None, data)

        first_break = _parse_first_break(d.pop("first_break"))

        def _parse_anomaly_event(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        anomaly_event = _parse_anomaly_event(d.pop("anomaly_event"))

        chain_check_out = cls(
            valid=valid,
            checked=checked,
            first_break=first_break,
            anomaly_event=anomaly_event,
        )

        chain_check_out.additional_properties = d
        return chain_check_out

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

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chain_check_out import ChainCheckOut


T = TypeVar("T", bound="AuditOut")


@_attrs_define
class AuditOut:
    """
    Attributes:
        valid (bool):
        records (ChainCheckOut):
        events (ChainCheckOut):
        logged_events (list[str]): The events this audit logged, in order.
        object_ (str | Unset):  Default: 'verifactu_audit'.
    """

    valid: bool
    records: ChainCheckOut
    events: ChainCheckOut
    logged_events: list[str]
    object_: str | Unset = "verifactu_audit"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        valid = self.valid

        records = self.records.to_dict()

        events = self.events.to_dict()

        logged_events = self.logged_events

        object_ = self.object_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "valid": valid,
                "records": records,
                "events": events,
                "logged_events": logged_events,
            }
        )
        if object_ is not UNSET:
            field_dict["object"] = object_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.chain_check_out import ChainCheckOut  # noqa: PLC0415

        d = dict(src_dict)
        valid = d.pop("valid")

        records = ChainCheckOut.from_dict(d.pop("records"))

        events = ChainCheckOut.from_dict(d.pop("events"))

        logged_events = cast(list[str], d.pop("logged_events"))

        object_ = d.pop("object", UNSET)

        audit_out = cls(
            valid=valid,
            records=records,
            events=events,
            logged_events=logged_events,
            object_=object_,
        )

        audit_out.additional_properties = d
        return audit_out

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

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.record_entry_kind import RecordEntryKind, check_record_entry_kind
from ..models.record_entry_type import RecordEntryType, check_record_entry_type

if TYPE_CHECKING:
    from ..models.record_aeat_out import RecordAeatOut


T = TypeVar("T", bound="RecordEntry")


@_attrs_define
class RecordEntry:
    """
    Attributes:
        type_ (RecordEntryType): `record.generated`: chained (`at`: its generation time, to the second);
            `record.submitted`: its latest submission to AEAT went; the rest, AEAT's answer.
        at (datetime.datetime):
        record (str): The record's id.
        kind (RecordEntryKind):
        aeat (None | RecordAeatOut): AEAT's answer, on the answer's entry.
    """

    type_: RecordEntryType
    at: datetime.datetime
    record: str
    kind: RecordEntryKind
    aeat: None | RecordAeatOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.record_aeat_out import RecordAeatOut  # noqa: PLC0415

        type_: str = self.type_

        at = self.at.isoformat()

        record = self.record

        kind: str = self.kind

        aeat: dict[str, Any] | None
        if isinstance(self.aeat, RecordAeatOut):
            aeat = self.aeat.to_dict()
        else:
            aeat = self.aeat

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "at": at,
                "record": record,
                "kind": kind,
                "aeat": aeat,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.record_aeat_out import RecordAeatOut  # noqa: PLC0415

        d = dict(src_dict)
        type_ = check_record_entry_type(d.pop("type"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        record = d.pop("record")

        kind = check_record_entry_kind(d.pop("kind"))

        def _parse_aeat(data: object) -> None | RecordAeatOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                aeat_type_0 = RecordAeatOut.from_dict(data)

                return aeat_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RecordAeatOut, data)

        aeat = _parse_aeat(d.pop("aeat"))

        record_entry = cls(
            type_=type_,
            at=at,
            record=record,
            kind=kind,
            aeat=aeat,
        )

        record_entry.additional_properties = d
        return record_entry

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

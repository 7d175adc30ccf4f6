from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.batch_item_out_status import BatchItemOutStatus, check_batch_item_out_status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.batch_item_out_error_type_0 import BatchItemOutErrorType0
    from ..models.gateway_record_out import GatewayRecordOut


T = TypeVar("T", bound="BatchItemOut")


@_attrs_define
class BatchItemOut:
    """
    Attributes:
        index (int):
        status (BatchItemOutStatus):
        record (GatewayRecordOut | None | Unset):
        error (BatchItemOutErrorType0 | None | Unset):
    """

    index: int
    status: BatchItemOutStatus
    record: GatewayRecordOut | None | Unset = UNSET
    error: BatchItemOutErrorType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.batch_item_out_error_type_0 import BatchItemOutErrorType0  # noqa: PLC0415
        from ..models.gateway_record_out import GatewayRecordOut  # noqa: PLC0415

        index = self.index

        status: str = self.status

        record: dict[str, Any] | None | Unset
        if isinstance(self.record, Unset):
            record = UNSET
        elif isinstance(self.record, GatewayRecordOut):
            record = self.record.to_dict()
        else:
            record = self.record

        error: dict[str, Any] | None | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        elif isinstance(self.error, BatchItemOutErrorType0):
            error = self.error.to_dict()
        else:
            error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index": index,
                "status": status,
            }
        )
        if record is not UNSET:
            field_dict["record"] = record
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.batch_item_out_error_type_0 import BatchItemOutErrorType0  # noqa: PLC0415
        from ..models.gateway_record_out import GatewayRecordOut  # noqa: PLC0415

        d = dict(src_dict)
        index = d.pop("index")

        status = check_batch_item_out_status(d.pop("status"))

        def _parse_record(data: object) -> GatewayRecordOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                record_type_0 = GatewayRecordOut.from_dict(data)

                return record_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GatewayRecordOut | None | Unset, data)

        record = _parse_record(d.pop("record", UNSET))

        def _parse_error(data: object) -> BatchItemOutErrorType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_type_0 = BatchItemOutErrorType0.from_dict(data)

                return error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BatchItemOutErrorType0 | None | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        batch_item_out = cls(
            index=index,
            status=status,
            record=record,
            error=error,
        )

        batch_item_out.additional_properties = d
        return batch_item_out

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

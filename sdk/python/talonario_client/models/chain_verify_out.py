from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.chain_verify_out_first_break_type_0 import ChainVerifyOutFirstBreakType0
    from ..models.installation_chain_out import InstallationChainOut


T = TypeVar("T", bound="ChainVerifyOut")


@_attrs_define
class ChainVerifyOut:
    """
    Attributes:
        valid (bool): Every chain, and the order of all records, is whole.
        records (int): Records checked: all, or up to the first break.
        first_break (ChainVerifyOutFirstBreakType0 | None):
        installations (list[InstallationChainOut]): Each installation's chain, the default one first, then by creation.
        seconds (Decimal): How long the check took.
        records_per_second (Decimal): Records checked per second.
    """

    valid: bool
    records: int
    first_break: ChainVerifyOutFirstBreakType0 | None
    installations: list[InstallationChainOut]
    seconds: Decimal
    records_per_second: Decimal
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.chain_verify_out_first_break_type_0 import ChainVerifyOutFirstBreakType0  # noqa: PLC0415

        valid = self.valid

        records = self.records

        first_break: dict[str, Any] | None
        if isinstance(self.first_break, ChainVerifyOutFirstBreakType0):
            first_break = self.first_break.to_dict()
        else:
            first_break = self.first_break

        installations = []
        for installations_item_data in self.installations:
            installations_item = installations_item_data.to_dict()
            installations.append(installations_item)

        seconds = format(self.seconds, "f")

        records_per_second = format(self.records_per_second, "f")

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "valid": valid,
                "records": records,
                "first_break": first_break,
                "installations": installations,
                "seconds": seconds,
                "records_per_second": records_per_second,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.chain_verify_out_first_break_type_0 import ChainVerifyOutFirstBreakType0  # noqa: PLC0415
        from ..models.installation_chain_out import InstallationChainOut  # noqa: PLC0415

        d = dict(src_dict)
        valid = d.pop("valid")

        records = d.pop("records")

        def _parse_first_break(data: object) -> ChainVerifyOutFirstBreakType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                first_break_type_0 = ChainVerifyOutFirstBreakType0.from_dict(data)

                return first_break_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChainVerifyOutFirstBreakType0 | None, data)

        first_break = _parse_first_break(d.pop("first_break"))

        installations = []
        _installations = d.pop("installations")
        for installations_item_data in _installations:
            installations_item = InstallationChainOut.from_dict(installations_item_data)

            installations.append(installations_item)

        seconds = Decimal(str(d.pop("seconds")))

        records_per_second = Decimal(str(d.pop("records_per_second")))

        chain_verify_out = cls(
            valid=valid,
            records=records,
            first_break=first_break,
            installations=installations,
            seconds=seconds,
            records_per_second=records_per_second,
        )

        chain_verify_out.additional_properties = d
        return chain_verify_out

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

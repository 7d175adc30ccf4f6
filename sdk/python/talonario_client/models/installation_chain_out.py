from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.installation_chain_out_first_break_type_0 import InstallationChainOutFirstBreakType0


T = TypeVar("T", bound="InstallationChainOut")


@_attrs_define
class InstallationChainOut:
    """
    Attributes:
        installation (None | str): Its id; null: the default installation.
        installation_number (str): NumeroInstalacion of its records.
        valid (bool):
        records (int): Records of this chain checked: all, or to its break.
        first_break (InstallationChainOutFirstBreakType0 | None):
    """

    installation: None | str
    installation_number: str
    valid: bool
    records: int
    first_break: InstallationChainOutFirstBreakType0 | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.installation_chain_out_first_break_type_0 import InstallationChainOutFirstBreakType0  # noqa: PLC0415

        installation: None | str
        installation = self.installation

        installation_number = self.installation_number

        valid = self.valid

        records = self.records

        first_break: dict[str, Any] | None
        if isinstance(self.first_break, InstallationChainOutFirstBreakType0):
            first_break = self.first_break.to_dict()
        else:
            first_break = self.first_break

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "installation": installation,
                "installation_number": installation_number,
                "valid": valid,
                "records": records,
                "first_break": first_break,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.installation_chain_out_first_break_type_0 import InstallationChainOutFirstBreakType0  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_installation(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        installation = _parse_installation(d.pop("installation"))

        installation_number = d.pop("installation_number")

        valid = d.pop("valid")

        records = d.pop("records")

        def _parse_first_break(data: object) -> InstallationChainOutFirstBreakType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                first_break_type_0 = InstallationChainOutFirstBreakType0.from_dict(data)

                return first_break_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InstallationChainOutFirstBreakType0 | None, data)

        first_break = _parse_first_break(d.pop("first_break"))

        installation_chain_out = cls(
            installation=installation,
            installation_number=installation_number,
            valid=valid,
            records=records,
            first_break=first_break,
        )

        installation_chain_out.additional_properties = d
        return installation_chain_out

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

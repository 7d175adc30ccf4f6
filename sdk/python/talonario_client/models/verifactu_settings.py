from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.verifactu_settings_environment import VerifactuSettingsEnvironment, check_verifactu_settings_environment

T = TypeVar("T", bound="VerifactuSettings")


@_attrs_define
class VerifactuSettings:
    """
    Attributes:
        environment (VerifactuSettingsEnvironment):
    """

    environment: VerifactuSettingsEnvironment

    def to_dict(self) -> dict[str, Any]:
        environment: str = self.environment

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "environment": environment,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        environment = check_verifactu_settings_environment(d.pop("environment"))

        verifactu_settings = cls(
            environment=environment,
        )

        return verifactu_settings

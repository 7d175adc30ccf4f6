from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.verifactu_update_environment import VerifactuUpdateEnvironment, check_verifactu_update_environment
from ..models.verifactu_update_mode import VerifactuUpdateMode, check_verifactu_update_mode
from ..types import UNSET, Unset

T = TypeVar("T", bound="VerifactuUpdate")


@_attrs_define
class VerifactuUpdate:
    """
    Attributes:
        environment (VerifactuUpdateEnvironment | Unset):
        mode (VerifactuUpdateMode | Unset): `verifactu`: each record is remitted to AEAT as it is made. `no_verifactu`:
            each record is XAdES-signed with the company's certificate and kept (not remitted); its invoices carry the NO
            VERI*FACTU QR and no VERI*FACTU legend. Once a company has operated as VERI*FACTU in a year it stays VERI*FACTU
            until 31 December (Orden HAC/1177/2024 art. 17): leaving earlier is a 422 `verifactu_until_year_end`; schedule
            it for 1 January with `effective_on`.
        effective_on (datetime.date | Unset): With `mode: no_verifactu`: leave VERI*FACTU on this day instead of now. It
            must be 1 January of next year (art. 17). Until then the company stays VERI*FACTU and its submissions to AEAT
            announce the renounce (RemisionVoluntaria/FechaFinVeriFactu = 31-12 of this year); on the day, the first record
            made (or the worker) switches it, with its event 01. `mode: verifactu` without `effective_on` drops a scheduled
            switch.
    """

    environment: VerifactuUpdateEnvironment | Unset = UNSET
    mode: VerifactuUpdateMode | Unset = UNSET
    effective_on: datetime.date | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        environment: str | Unset = UNSET
        if not isinstance(self.environment, Unset):
            environment = self.environment

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode

        effective_on: str | Unset = UNSET
        if not isinstance(self.effective_on, Unset):
            effective_on = self.effective_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if environment is not UNSET:
            field_dict["environment"] = environment
        if mode is not UNSET:
            field_dict["mode"] = mode
        if effective_on is not UNSET:
            field_dict["effective_on"] = effective_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _environment = d.pop("environment", UNSET)
        environment: VerifactuUpdateEnvironment | Unset
        if isinstance(_environment, Unset):
            environment = UNSET
        else:
            environment = check_verifactu_update_environment(_environment)

        _mode = d.pop("mode", UNSET)
        mode: VerifactuUpdateMode | Unset
        if isinstance(_mode, Unset):
            mode = UNSET
        else:
            mode = check_verifactu_update_mode(_mode)

        _effective_on = d.pop("effective_on", UNSET)
        effective_on: datetime.date | Unset
        if isinstance(_effective_on, Unset):
            effective_on = UNSET
        else:
            effective_on = datetime.date.fromisoformat(_effective_on)

        verifactu_update = cls(
            environment=environment,
            mode=mode,
            effective_on=effective_on,
        )

        return verifactu_update

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="RequirementCreate")


@_attrs_define
class RequirementCreate:
    """
    Attributes:
        ref (str): AEAT's RefRequerimiento: 1 to 18 letters and digits.
        from_ (datetime.date): First day of the period (Europe/Madrid).
        to (datetime.date): Last day of the period, included.
    """

    ref: str
    from_: datetime.date
    to: datetime.date

    def to_dict(self) -> dict[str, Any]:
        ref = self.ref

        from_ = self.from_.isoformat()

        to = self.to.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "ref": ref,
                "from": from_,
                "to": to,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ref = d.pop("ref")

        from_ = datetime.date.fromisoformat(d.pop("from"))

        to = datetime.date.fromisoformat(d.pop("to"))

        requirement_create = cls(
            ref=ref,
            from_=from_,
            to=to,
        )

        return requirement_create

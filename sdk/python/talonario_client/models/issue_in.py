from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="IssueIn")


@_attrs_define
class IssueIn:
    """
    Attributes:
        installation (None | str | Unset): With `issue: true`: the installation (shop, till) it is issued in, by id or
            installation_number; its records chain there. Default: the company's default installation.
        verify_recipient (bool | Unset): On issuing: ask AEAT's census about the recipient's `nif` (and name), or VIES
            about its EU VAT number (`foreign_id` 02), first, and refuse one it does not know (422
            `recipient_not_identified`). Answers are kept a day (GET /v1/tax-ids/check). Default: False.
    """

    installation: None | str | Unset = UNSET
    verify_recipient: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        installation: None | str | Unset
        if isinstance(self.installation, Unset):
            installation = UNSET
        else:
            installation = self.installation

        verify_recipient = self.verify_recipient

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if installation is not UNSET:
            field_dict["installation"] = installation
        if verify_recipient is not UNSET:
            field_dict["verify_recipient"] = verify_recipient

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_installation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        installation = _parse_installation(d.pop("installation", UNSET))

        verify_recipient = d.pop("verify_recipient", UNSET)

        issue_in = cls(
            installation=installation,
            verify_recipient=verify_recipient,
        )

        return issue_in

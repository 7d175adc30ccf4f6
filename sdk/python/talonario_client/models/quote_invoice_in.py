from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="QuoteInvoiceIn")


@_attrs_define
class QuoteInvoiceIn:
    """
    Attributes:
        issue (bool | Unset): Issue the invoice at once (numbered, with its record). Default: False.
        series (None | str | Unset): The invoice's series, by id or code.
    """

    issue: bool | Unset = False
    series: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        issue = self.issue

        series: None | str | Unset
        if isinstance(self.series, Unset):
            series = UNSET
        else:
            series = self.series

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if issue is not UNSET:
            field_dict["issue"] = issue
        if series is not UNSET:
            field_dict["series"] = series

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        issue = d.pop("issue", UNSET)

        def _parse_series(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        series = _parse_series(d.pop("series", UNSET))

        quote_invoice_in = cls(
            issue=issue,
            series=series,
        )

        return quote_invoice_in

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.quote_email_in import QuoteEmailIn


T = TypeVar("T", bound="QuoteSendIn")


@_attrs_define
class QuoteSendIn:
    """
    Attributes:
        email (None | QuoteEmailIn | Unset): Also email the quote, its PDF attached: to the client's email unless `to`
            says otherwise (`{}` takes every default). Without it the quote is only marked sent.
    """

    email: None | QuoteEmailIn | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.quote_email_in import QuoteEmailIn  # noqa: PLC0415

        email: dict[str, Any] | None | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        elif isinstance(self.email, QuoteEmailIn):
            email = self.email.to_dict()
        else:
            email = self.email

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if email is not UNSET:
            field_dict["email"] = email

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.quote_email_in import QuoteEmailIn  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_email(data: object) -> None | QuoteEmailIn | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                email_type_0 = QuoteEmailIn.from_dict(data)

                return email_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | QuoteEmailIn | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        quote_send_in = cls(
            email=email,
        )

        return quote_send_in

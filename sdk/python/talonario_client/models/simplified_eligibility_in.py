from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.activity import Activity, check_activity
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.eligibility_recipient_in import EligibilityRecipientIn


T = TypeVar("T", bound="SimplifiedEligibilityIn")


@_attrs_define
class SimplifiedEligibilityIn:
    """
    Attributes:
        total (Decimal | str): Invoice total in EUR, VAT included.
        activity (Activity | None | Unset): One of the operations of art. 4.2 (3,000 EUR limit).
        recipient (EligibilityRecipientIn | None | Unset):
        rectifies (bool | Unset): A rectifying invoice: always eligible (art. 4.1.b). Default: False.
    """

    total: Decimal | str
    activity: Activity | None | Unset = UNSET
    recipient: EligibilityRecipientIn | None | Unset = UNSET
    rectifies: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        from ..models.eligibility_recipient_in import EligibilityRecipientIn  # noqa: PLC0415

        total: str
        if isinstance(self.total, Decimal):
            total = format(self.total, "f")
        else:
            total = self.total

        activity: None | str | Unset
        if isinstance(self.activity, Unset):
            activity = UNSET
        elif isinstance(self.activity, str):
            activity = self.activity
        else:
            activity = self.activity

        recipient: dict[str, Any] | None | Unset
        if isinstance(self.recipient, Unset):
            recipient = UNSET
        elif isinstance(self.recipient, EligibilityRecipientIn):
            recipient = self.recipient.to_dict()
        else:
            recipient = self.recipient

        rectifies = self.rectifies

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "total": total,
            }
        )
        if activity is not UNSET:
            field_dict["activity"] = activity
        if recipient is not UNSET:
            field_dict["recipient"] = recipient
        if rectifies is not UNSET:
            field_dict["rectifies"] = rectifies

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.eligibility_recipient_in import EligibilityRecipientIn  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_total(data: object) -> Decimal | str:
            try:
                if not isinstance(data, int | float | Decimal):
                    raise TypeError()
                total_type_0 = Decimal(str(data))

                return total_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Decimal | str, data)

        total = _parse_total(d.pop("total"))

        def _parse_activity(data: object) -> Activity | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                activity_type_0 = check_activity(data)

                return activity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Activity | None | Unset, data)

        activity = _parse_activity(d.pop("activity", UNSET))

        def _parse_recipient(data: object) -> EligibilityRecipientIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                recipient_type_0 = EligibilityRecipientIn.from_dict(data)

                return recipient_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EligibilityRecipientIn | None | Unset, data)

        recipient = _parse_recipient(d.pop("recipient", UNSET))

        rectifies = d.pop("rectifies", UNSET)

        simplified_eligibility_in = cls(
            total=total,
            activity=activity,
            recipient=recipient,
            rectifies=rectifies,
        )

        return simplified_eligibility_in

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.reminder_out_status import ReminderOutStatus, check_reminder_out_status
from ..models.reminder_out_trigger import ReminderOutTrigger, check_reminder_out_trigger

if TYPE_CHECKING:
    from ..models.email_delivery_out import EmailDeliveryOut


T = TypeVar("T", bound="ReminderOut")


@_attrs_define
class ReminderOut:
    """A payment reminder of an invoice: its email (number, due date and pending amount, the
    PDF attached) and how its delivery went.

        Attributes:
            id (str):
            object_ (Literal['invoice_reminder']):
            invoice (str):
            trigger (ReminderOutTrigger): `manual`: POST /v1/invoices/{id}/remind; `schedule`: the company's
                `reminders.days`, sent by the worker.
            step (int | None): A scheduled reminder's day, relative to the invoice's `due_on` (negative: before it); null
                for a manual one.
            status (ReminderOutStatus): Its email's delivery; `cancelled`: the invoice was paid or voided before it went
                out; `skipped`: no email was queued (see `skip_reason`).
            skip_reason (Literal['no_email'] | None): `no_email`: the invoice's client has no email to remind.
            email (EmailDeliveryOut | None): Null when skipped.
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
    """

    id: str
    object_: Literal["invoice_reminder"]
    invoice: str
    trigger: ReminderOutTrigger
    step: int | None
    status: ReminderOutStatus
    skip_reason: Literal["no_email"] | None
    email: EmailDeliveryOut | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.email_delivery_out import EmailDeliveryOut  # noqa: PLC0415

        id = self.id

        object_ = self.object_

        invoice = self.invoice

        trigger: str = self.trigger

        step: int | None
        step = self.step

        status: str = self.status

        skip_reason: Literal["no_email"] | None
        skip_reason = self.skip_reason

        email: dict[str, Any] | None
        if isinstance(self.email, EmailDeliveryOut):
            email = self.email.to_dict()
        else:
            email = self.email

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object_,
                "invoice": invoice,
                "trigger": trigger,
                "step": step,
                "status": status,
                "skip_reason": skip_reason,
                "email": email,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.email_delivery_out import EmailDeliveryOut  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        object_ = cast(Literal["invoice_reminder"], d.pop("object"))
        if object_ != "invoice_reminder":
            raise ValueError(f"object must match const 'invoice_reminder', got '{object_}'")

        invoice = d.pop("invoice")

        trigger = check_reminder_out_trigger(d.pop("trigger"))

        def _parse_step(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        step = _parse_step(d.pop("step"))

        status = check_reminder_out_status(d.pop("status"))

        def _parse_skip_reason(data: object) -> Literal["no_email"] | None:
            if data is None:
                return data
            skip_reason_type_0 = cast(Literal["no_email"], data)
            if skip_reason_type_0 != "no_email":
                raise ValueError(f"skip_reason_type_0 must match const 'no_email', got '{skip_reason_type_0}'")
            return skip_reason_type_0
            return cast(Literal["no_email"] | None, data)

        skip_reason = _parse_skip_reason(d.pop("skip_reason"))

        def _parse_email(data: object) -> EmailDeliveryOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                email_type_0 = EmailDeliveryOut.from_dict(data)

                return email_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EmailDeliveryOut | None, data)

        email = _parse_email(d.pop("email"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        reminder_out = cls(
            id=id,
            object_=object_,
            invoice=invoice,
            trigger=trigger,
            step=step,
            status=status,
            skip_reason=skip_reason,
            email=email,
            created_at=created_at,
            updated_at=updated_at,
        )

        reminder_out.additional_properties = d
        return reminder_out

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

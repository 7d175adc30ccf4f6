from datetime import datetime
from typing import Literal, Self

from pydantic import BaseModel, Field

from talonario.documents.schemas import OneLine, SendIn
from talonario.invoices.answers import EmailDeliveryOut
from talonario.models import EmailOutbox, InvoiceReminder


class RemindIn(SendIn):
    subject: OneLine | None = Field(
        default=None,
        description="Defaults to 'Recordatorio de pago: factura {number} de {issuer}'.",
    )
    message: str | None = Field(
        default=None,
        min_length=1,
        max_length=5000,
        description="Replaces the default greeting (which says when the invoice fell or falls"
        " due and that it is pending).",
    )


class ReminderOut(BaseModel):
    """A payment reminder of an invoice: its email (number, due date and pending amount, the
    PDF attached) and how its delivery went."""

    id: str
    object: Literal["invoice_reminder"]
    invoice: str
    trigger: Literal["manual", "schedule"] = Field(
        description="`manual`: POST /v1/invoices/{id}/remind; `schedule`: the company's"
        " `reminders.days`, sent by the worker."
    )
    step: int | None = Field(
        description="A scheduled reminder's day, relative to the invoice's `due_on`"
        " (negative: before it); null for a manual one."
    )
    status: Literal["pending", "sending", "retrying", "sent", "failed", "cancelled", "skipped"] = (
        Field(
            description="Its email's delivery; `cancelled`: the invoice was paid or voided"
            " before it went out; `skipped`: no email was queued (see `skip_reason`)."
        )
    )
    skip_reason: Literal["no_email"] | None = Field(
        description="`no_email`: the invoice's client has no email to remind."
    )
    email: EmailDeliveryOut | None = Field(description="Null when skipped.")
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, reminder: InvoiceReminder, email: EmailOutbox | None) -> Self:
        delivery = EmailDeliveryOut.of(email)
        return cls.model_construct(
            id=reminder.id,
            object="invoice_reminder",
            invoice=reminder.invoice_id,
            trigger=reminder.trigger,
            step=reminder.step,
            status=delivery.status if delivery is not None else "skipped",
            skip_reason=reminder.skip_reason,
            email=delivery,
            created_at=reminder.created_at,
            updated_at=reminder.updated_at,
        )

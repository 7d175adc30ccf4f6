from sqlalchemy import ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from talonario.models.base import Base, Entity


class InvoiceReminder(Entity, Base):
    """A payment reminder of an invoice (reminders/): asked for with POST /remind (`manual`)
    or sent by the worker on one of the company's reminder days (`schedule`).

    Its email is a row of email_outbox (kind `reminder`) written in the same transaction; a
    reminder the worker could not send because the client has no email keeps no email and
    says why in `skip_reason`. UNIQUE (invoice_id, step) makes each scheduled step of an
    invoice happen once; manual reminders have no step (NULLs never collide).
    """

    __tablename__ = "invoice_reminders"
    __table_args__ = (
        UniqueConstraint("invoice_id", "step"),
        # An invoice's reminders, a cursor page at a time.
        Index("ix_invoice_reminders_company_invoice", "company_id", "invoice_id", "id"),
    )

    company_id: Mapped[str] = mapped_column(ForeignKey("companies.id"))
    invoice_id: Mapped[str] = mapped_column(ForeignKey("invoices.id"))
    trigger: Mapped[str] = mapped_column(String(8))  # manual | schedule
    # Days from the invoice's due_on (negative: before it); NULL for a manual reminder.
    step: Mapped[int | None] = mapped_column(Integer)
    email_id: Mapped[str | None] = mapped_column(ForeignKey("email_outbox.id"))
    # Why no email was queued (`no_email`: the client has none); NULL when one was.
    skip_reason: Mapped[str | None] = mapped_column(String(16))

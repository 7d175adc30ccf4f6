"""The SQL of an invoice's activity (invoices/activity.py): what the database already keeps
about one invoice, each source read in one statement. Its payments and public link are read as
the invoice's answer reads them (InvoiceRepository.payments_of, delivery_of)."""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select

from talonario.invoices.repository import InvoiceRepository
from talonario.models import (
    EmailOutbox,
    InvoiceReminder,
    VerifactuRecord,
    VerifactuSubmission,
)


class ActivityRepository(InvoiceRepository):
    def emails(self, invoice_id: str) -> Sequence[EmailOutbox]:
        """The invoice's emails, in the order they were asked for."""
        stmt = (
            select(EmailOutbox)
            .where(EmailOutbox.company_id == self.company_id, EmailOutbox.invoice_id == invoice_id)
            .order_by(EmailOutbox.created_at, EmailOutbox.id)
        )
        return self.all(stmt)

    def records(self, invoice_id: str) -> list[tuple[VerifactuRecord, datetime | None]]:
        """The invoice's VERI*FACTU records in chain order, each with when its latest
        submission to AEAT went (None: never sent)."""
        stmt = (
            select(VerifactuRecord, VerifactuSubmission.created_at)
            .outerjoin(VerifactuSubmission, VerifactuSubmission.id == VerifactuRecord.submission_id)
            .where(
                VerifactuRecord.company_id == self.company_id,
                VerifactuRecord.invoice_id == invoice_id,
            )
            .order_by(VerifactuRecord.sequence)
        )
        return [(record, sent) for record, sent in self.session.execute(stmt)]

    def skipped_reminders(self, invoice_id: str) -> Sequence[InvoiceReminder]:
        """The invoice's reminders that queued no email (their skip_reason says why)."""
        stmt = (
            select(InvoiceReminder)
            .where(
                InvoiceReminder.company_id == self.company_id,
                InvoiceReminder.invoice_id == invoice_id,
                InvoiceReminder.skip_reason.is_not(None),
            )
            .order_by(InvoiceReminder.id)
        )
        return self.all(stmt)

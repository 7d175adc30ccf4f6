"""All the SQL of documents: stored PDFs, public links and the email outbox.

The public page and the mail worker start from a token or an outbox row, not from a company:
their lookups span companies and say so; what follows is scoped by the row's company.
"""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from talonario.db.repository import Repository
from talonario.models import EmailOutbox, InvoicePdf, PublicLink


class InvoicePdfRepository(Repository[InvoicePdf]):
    """An issued invoice's PDF, by the invoice's id (`get(invoice_id)`)."""

    model = InvoicePdf


class PublicLinkRepository(Repository[PublicLink]):
    """An invoice's public link, by the invoice's id (`get(invoice_id)`)."""

    model = PublicLink


class EmailOutboxRepository(Repository[EmailOutbox]):
    model = EmailOutbox


def link_by_token(session: Session, token: str) -> PublicLink | None:
    # Spans companies: whoever holds the link's token names no company.
    return session.scalars(select(PublicLink).where(PublicLink.token == token)).first()


def due_emails(session: Session, now: datetime, limit: int) -> Sequence[EmailOutbox]:
    """Emails due now (pending and due, or leased and the lease ran out), oldest due first,
    locked and skipping those another worker holds."""
    # Spans companies: the worker's scan of the outbox.
    due = or_(
        and_(EmailOutbox.status == "pending", EmailOutbox.next_attempt_at <= now),
        and_(EmailOutbox.status == "sending", EmailOutbox.lease_until < now),
    )
    return session.scalars(
        select(EmailOutbox)
        .where(due)
        .order_by(EmailOutbox.next_attempt_at)
        .limit(limit)
        .with_for_update(skip_locked=True)
    ).all()


def outbox_row(session: Session, row_id: str, *, for_update: bool = False) -> EmailOutbox | None:
    # Spans companies: the worker holds the id of a row it claimed, which names its company.
    return session.get(EmailOutbox, row_id, with_for_update=for_update or None)

"""The invoice as its customer receives it: the PDF (rendered once), public links and email.

An issued invoice's PDF is rendered on first request and stored; everyone after gets those same
bytes (it is the document that was sent, and issued invoices never change). Drafts get a preview,
rendered each time and never stored. Rendering happens outside any transaction.
"""

import hashlib
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from talonario.companies import logo
from talonario.db import Database
from talonario.db.repository import CompanyRepository
from talonario.documents.pdf import render_invoice
from talonario.documents.repository import (
    EmailOutboxRepository,
    InvoicePdfRepository,
    PublicLinkRepository,
    link_by_token,
)
from talonario.documents.schemas import PublicLinkIn, SendIn
from talonario.documents.view import InvoiceView, invoice_view
from talonario.errors import Conflict, InvalidRequest
from talonario.invoices import lookup as invoices
from talonario.invoices.answers import InvoiceOut
from talonario.invoices.repository import InvoiceRepository
from talonario.kit.clock import today_in, utcnow
from talonario.models import EmailOutbox, Invoice, InvoicePdf, PublicLink


class InvoiceNotIssued(Conflict):
    code = "invoice_not_issued"


class EmailRecipientRequired(InvalidRequest):
    code = "email_recipient_required"


@dataclass(frozen=True, slots=True)
class Pdf:
    content: bytes
    filename: str
    stored: bool


def filename_for(view: InvoiceView) -> str:
    """`Factura-F-2026-00001.pdf`: safe in a header and on any file system."""
    if view.is_draft:
        return "Borrador-factura.pdf"
    return "Factura-" + re.sub(r"[^A-Za-z0-9._-]+", "-", view.number or "").strip("-") + ".pdf"


def today_of(session: Session, invoice: Invoice) -> date:
    """Today where the invoice's company is: what its `overdue` is measured against."""
    return today_in(CompanyRepository(session, invoice.company_id).existing().timezone)


def view_of(session: Session, invoice: Invoice) -> InvoiceView:
    """A draft has no issuer snapshot yet: its preview shows the company as it is now."""
    company = CompanyRepository(session, invoice.company_id).existing()
    issuer = None
    if invoice.issuer is None:
        issuer = {
            "legal_name": company.legal_name,
            "nif": company.nif,
            "address": company.address,
            "email": company.email,
            "phone": company.phone,
        }
    # The view shows neither the public link nor the email: no need to read them.
    answer = InvoiceOut.of(invoice, today=today_in(company.timezone))
    return invoice_view(answer.model_dump(), issuer=issuer)


def invoice_pdf(db: Database, company_id: str, ref: str) -> Pdf:
    """The PDF of the invoice `ref`: stored bytes for an issued one, a fresh preview for a draft.

    No transaction stays open while rendering; the read and the store are separate sessions.
    """
    with db.read_session() as session:
        invoice = invoices.get(session, company_id, ref)
        view = view_of(session, invoice)
        pdfs = InvoicePdfRepository(session, company_id)
        stored = None if view.is_draft else pdfs.get(invoice.id)
        invoice_id = invoice.id
        content = stored.content if stored is not None else None
        # The logo as it is now: a stored PDF keeps the one it was first rendered with.
        found = logo.image_of(session, company_id) if content is None else None
    filename = filename_for(view)
    image = found[0] if found is not None else None
    if view.is_draft:
        return Pdf(render_invoice(view, logo=image), filename, stored=False)
    if content is None:
        content = _store(db, company_id, invoice_id, render_invoice(view, logo=image))
    return Pdf(content, filename, stored=True)


def _store(db: Database, company_id: str, invoice_id: str, content: bytes) -> bytes:
    """Keep the first rendering; a racing request that stored one first wins, and we serve its."""
    digest = hashlib.sha256(content).hexdigest()
    row = InvoicePdf(invoice_id=invoice_id, company_id=company_id, content=content, sha256=digest)
    try:
        with db.write_session() as session:
            InvoicePdfRepository(session, company_id).add(row)
            session.commit()
        return content
    except IntegrityError:
        with db.read_session() as session:
            winner = InvoicePdfRepository(session, company_id).get(invoice_id)
            assert winner is not None
            return winner.content


# --- public links -------------------------------------------------------------------------------


def _ensure_issued(invoice: Invoice, action: str) -> None:
    if invoice.status == "draft":
        raise InvoiceNotIssued(f"A draft cannot be {action}: issue the invoice first.")


def set_public_link(
    session: Session, base_url: str, company_id: str, ref: str, body: PublicLinkIn
) -> Invoice:
    """Enable (new token if there was no live one), extend (same token, new expiry) or revoke."""
    invoice = invoices.get(session, company_id, ref, for_update=True)
    _ensure_issued(invoice, "shared")
    now = utcnow()
    links = PublicLinkRepository(session, company_id)
    link = links.get(invoice.id)
    if not body.enabled:
        if link is not None:
            link.enabled = False
            link.updated_at = now
        session.flush()
        return invoice
    expires_at = now + timedelta(days=body.max_days)
    if link is None:
        link = links.add(PublicLink(invoice_id=invoice.id, company_id=company_id))
    if not is_live(link, now):
        # A revoked or expired link never comes back: whoever held it must not regain access.
        link.token = new_token()
        link.url = public_url(base_url, link.token)
    link.enabled = True
    link.max_days = body.max_days
    link.expires_at = expires_at
    link.updated_at = now
    session.flush()
    return invoice


def is_live(link: PublicLink, now: datetime) -> bool:
    return bool(link.token) and bool(link.enabled) and link.expires_at > now


def new_token() -> str:
    """A public link's token: 256 random bits, unguessable."""
    return secrets.token_urlsafe(32)


def plausible_token(token: str) -> bool:
    """Whether `token` could be one of new_token's (anything else is a 404 without a query)."""
    return 20 <= len(token) <= 64


def public_url(base_url: str, token: str, page: str = "p") -> str:
    """The link's address: /p/{token} for an invoice (/q/ for a quote)."""
    return f"{base_url.rstrip('/')}/{page}/{token}"


def find_by_token(session: Session, token: str) -> Invoice | None:
    """The invoice behind a live public link, or None (unknown, revoked or expired: all 404)."""
    if not plausible_token(token):
        return None
    link = link_by_token(session, token)
    if link is None or not is_live(link, utcnow()):
        return None
    return InvoiceRepository(session, link.company_id).get(link.invoice_id)


# --- email --------------------------------------------------------------------------------------


def queue_email(session: Session, company_id: str, ref: str, body: SendIn) -> Invoice:
    """Write the email to the outbox in this transaction; the worker sends it after commit."""
    invoice = invoices.get(session, company_id, ref, for_update=True)
    _ensure_issued(invoice, "sent")
    if invoice.status == "voided":
        raise InvoiceNotIssued(f"Invoice {invoice.number} is voided: it is no longer sent.")
    to = recipients_of(body, invoice.client)
    email = pending_email(company_id, invoice.id, to, body.copies(), body.subject, body.message)
    EmailOutboxRepository(session, company_id).add(email)
    session.flush()
    return invoice


def client_email(client: Mapping[str, Any] | None) -> list[str]:
    """The client snapshot's email as the recipients of an email to it; none without one."""
    email = (client or {}).get("email")
    return [email] if email else []


def recipients_of(body: SendIn, client: Mapping[str, Any] | None, param: str = "to") -> list[str]:
    """Who an email asked for with `body` goes to: its `to`, else the client's email; without
    either, 422 naming `param` (where `to` stands in the caller's body)."""
    to = body.recipients() or client_email(client)
    if not to:
        raise EmailRecipientRequired(
            f"The client has no email: give the recipient in `{param}`.", param=param
        )
    return to


def pending_email(
    company_id: str,
    invoice_id: str | None,
    to: list[str],
    cc: list[str] | None = None,
    subject: str | None = None,
    message: str | None = None,
    kind: str = "invoice",
    quote_id: str | None = None,
) -> EmailOutbox:
    """An invoice's email (`kind` invoice), a payment reminder of it (`reminder`) or a quote's
    email (`quote`, with `quote_id` and no invoice) as the outbox keeps it until the worker
    sends it (documents/mailer.py): due now, never tried."""
    return EmailOutbox(
        company_id=company_id,
        invoice_id=invoice_id,
        quote_id=quote_id,
        kind=kind,
        to=to,
        cc=cc or [],
        subject=subject,
        message=message,
        status="pending",
        attempts=0,
        next_attempt_at=utcnow(),
    )

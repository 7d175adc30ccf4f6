"""Quotes: creating, changing and deleting drafts, moving them between states, and their public
link. Lines and totals are the invoices' own (invoices/lines.py over taxes/totals.py): a quote
prices exactly as the invoice made from it will."""

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from talonario.documents import service as documents
from talonario.documents.repository import EmailOutboxRepository
from talonario.documents.schemas import PublicLinkIn
from talonario.errors import NotFound
from talonario.invoices.lines import apply_totals, build_lines, line_inputs
from talonario.invoices.parties import resolve_client
from talonario.kit import external_ids
from talonario.kit.clock import utcnow
from talonario.kit.ids import new_id
from talonario.models import EmailOutbox, Quote
from talonario.quotes import states
from talonario.quotes.repository import QuoteFilters, QuoteRepository, quote_by_token
from talonario.quotes.schemas import QuoteCreate, QuoteEmailIn, QuoteOut, QuoteUpdate
from talonario.webhooks import outbox

DEFAULT_VALIDITY = timedelta(days=30)
PREFIX = {"quote": "P", "proforma": "PF"}


class QuoteNotFound(NotFound):
    code = "quote_not_found"


def get(session: Session, company_id: str, ref: str, for_update: bool = False) -> Quote:
    """By Talonario id or, failing that, by the caller's external_id."""
    repo = QuoteRepository(session, company_id)
    return repo.found(QuoteNotFound, ref, by_ref=True, for_update=for_update)


def listed(
    session: Session,
    company_id: str,
    filters: QuoteFilters,
    today: date,
    limit: int,
    starting_after: str | None,
) -> tuple[Sequence[Quote], bool]:
    return QuoteRepository(session, company_id).listed(filters, today, limit, starting_after)


def create(session: Session, company_id: str, body: QuoteCreate, today: date) -> Quote:
    repo = QuoteRepository(session, company_id)
    repo.ensure_external_id_free(body.external_id)
    client_id, client = resolve_client(session, company_id, body.client)
    issued_on = body.issued_on or today
    lines, inputs = build_lines(session, company_id, body.lines, issued_on)
    sequence = repo.next_sequence(body.kind, issued_on.year)
    quote = Quote(
        id=new_id(),
        company_id=company_id,
        kind=body.kind,
        number=f"{PREFIX[body.kind]}-{issued_on.year}-{sequence:04d}",
        year=issued_on.year,
        sequence=sequence,
        status="draft",
        issued_on=issued_on,
        valid_until=body.valid_until or issued_on + DEFAULT_VALIDITY,
        client_id=client_id,
        client=client,
        currency=body.currency,
        notes=body.notes,
        external_id=body.external_id,
        meta=body.metadata or {},
    )
    apply_totals(quote, lines, inputs, body.withholding.rate if body.withholding else None)
    repo.add(quote)
    external_ids.flush(session, body.external_id, noun="quote")
    return quote


def update(session: Session, company_id: str, ref: str, body: QuoteUpdate, today: date) -> Quote:
    quote = get(session, company_id, ref, for_update=True)
    states.ensure_draft(quote, today)
    changes = body.model_dump(exclude_unset=True)
    if "external_id" in changes:
        repo = QuoteRepository(session, company_id)
        repo.ensure_external_id_free(body.external_id, quote.id)
        quote.external_id = body.external_id
    if "client" in changes:
        quote.client_id, quote.client = resolve_client(session, company_id, body.client)
    if body.kind is not None and body.kind != quote.kind:
        # The number says the kind (P- or PF-): a changed kind takes the other's next number.
        repo = QuoteRepository(session, company_id)
        quote.sequence = repo.next_sequence(body.kind, quote.year)
        quote.number = f"{PREFIX[body.kind]}-{quote.year}-{quote.sequence:04d}"
        quote.kind = body.kind
    for field in ("issued_on", "valid_until", "notes"):
        if field in changes:
            setattr(quote, field, changes[field])
    if "metadata" in changes:
        quote.meta = body.metadata or {}
    lines = [dict(line) for line in quote.lines]
    inputs = line_inputs(lines)
    if body.lines is not None:
        lines, inputs = build_lines(session, company_id, body.lines, quote.issued_on)
    withholding = quote.withholding_rate
    if "withholding" in changes:
        withholding = body.withholding.rate if body.withholding else None
    apply_totals(quote, lines, inputs, withholding)
    external_ids.flush(session, quote.external_id, noun="quote")
    return quote


def delete(session: Session, company_id: str, ref: str, today: date) -> None:
    quote = get(session, company_id, ref, for_update=True)
    states.ensure_draft(quote, today)
    QuoteRepository(session, company_id).remove(quote)
    session.flush()


def move(
    session: Session,
    company_id: str,
    ref: str,
    action: str,
    today: date,
    email: QuoteEmailIn | None = None,
) -> Quote:
    """send, accept or reject (quotes/states.py); 409 naming the state when it may not. A send
    with `email` also queues the quote's email (quotes/email.py writes it), in this
    transaction."""
    quote = get(session, company_id, ref, for_update=True)
    states.check(quote, action, today)
    if email is not None:
        _queue_email(session, quote, email)
    now = utcnow()
    quote.status = states.TARGET[action]
    setattr(quote, f"{quote.status}_at", now)
    session.flush()
    announce(session, quote, f"quote.{quote.status}", today)
    return quote


def _queue_email(session: Session, quote: Quote, body: QuoteEmailIn) -> None:
    """The quote's email in the outbox (documents/mailer.py), to `to` or the client's email."""
    to = documents.recipients_of(body, quote.client, param="email.to")
    row = documents.pending_email(
        quote.company_id,
        None,
        to,
        body.copies(),
        body.subject,
        body.message,
        kind="quote",
        quote_id=quote.id,
    )
    EmailOutboxRepository(session, quote.company_id).add(row)


def latest_email(session: Session, quote: Quote) -> EmailOutbox | None:
    return latest_emails(session, quote.company_id, [quote]).get(quote.id)


def latest_emails(
    session: Session, company_id: str, quotes: Sequence[Quote]
) -> dict[str, EmailOutbox]:
    """The latest email of each of `quotes` that has one, by quote id (one query)."""
    return QuoteRepository(session, company_id).latest_emails([q.id for q in quotes])


def announce(session: Session, quote: Quote, event_type: str, today: date) -> None:
    """The webhook event of a quote's change, in the change's transaction, with the quote as
    the API answers it on `today` (the company's date)."""
    session.flush()  # its email, if one was just queued
    email = latest_email(session, quote)
    data = QuoteOut.of(quote, states.status_of(quote, today), email=email)
    # quote.invoiced is about the invoice made too: GET /v1/events?invoice= finds it.
    about = quote.invoice_id if event_type == "quote.invoiced" else None
    outbox.emit(session, quote.company_id, event_type, data, object_id=about)


# --- the public link: the invoices' mechanism (documents/service.py), on the quote's row --------


def set_public_link(
    session: Session, base_url: str, company_id: str, ref: str, body: PublicLinkIn
) -> Quote:
    """Enable (a new unguessable token unless a live one exists), extend, or revoke."""
    quote = get(session, company_id, ref, for_update=True)
    now = utcnow()
    if not body.enabled:
        quote.public_token = quote.public_url = quote.public_expires_at = None
        quote.public_max_days = None
        session.flush()
        return quote
    live = link_is_live(quote, now)
    if not live:
        # An expired link never comes back: whoever held it must not regain access.
        quote.public_token = documents.new_token()
        quote.public_url = documents.public_url(base_url, quote.public_token, page="q")
    quote.public_expires_at = now + timedelta(days=body.max_days)
    quote.public_max_days = body.max_days
    session.flush()
    return quote


def find_by_token(session: Session, token: str) -> Quote | None:
    """The quote behind a live public link, or None (unknown, revoked or expired: all 404)."""
    if not documents.plausible_token(token):
        return None
    quote = quote_by_token(session, token)
    if quote is None or not link_is_live(quote, utcnow()):
        return None
    return quote


def link_is_live(quote: Quote, now: datetime) -> bool:
    """Does the quote's public link serve it at `now` (given, not revoked, not expired)?"""
    expires = quote.public_expires_at
    return quote.public_token is not None and expires is not None and expires > now

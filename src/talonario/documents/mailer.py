"""Email delivery of invoices (and, with the letter quotes/email.py registers, of quotes): the
outbox rows POST /send writes, sent by the worker over SMTP.

`send_due_emails()` is what the worker calls in its loop. It claims due rows in one short
transaction (FOR UPDATE SKIP LOCKED on PostgreSQL, so several workers never wait on each other;
on SQLite BEGIN IMMEDIATE already serialises the claim), marks them leased, commits, and only
then talks SMTP, so no transaction is held across the network. A worker that dies mid-send
leaves a lease that expires and the row is claimed again: delivery is at least once.

SMTP comes from TALONARIO_SMTP_URL:
  smtp://user:pass@host:587             STARTTLS (always on port 587)
  smtp://host:25?starttls=true          STARTTLS on another port (starttls=false turns it off)
  smtps://user:pass@host:465            TLS from the first byte
Credentials are URL-decoded (p%40ss is p@ss). Optional query parameters: from (the sender
address; default the issuer's email), timeout (seconds, default 30), cafile (a CA bundle to
trust, for a private relay).
"""

import html
import logging
import smtplib
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formataddr, formatdate, make_msgid
from urllib.parse import parse_qs, unquote, urlsplit

from sqlalchemy.orm import Session

from talonario.config import Settings
from talonario.db import Database
from talonario.documents import formatting as fmt
from talonario.documents import service
from talonario.documents.repository import PublicLinkRepository, due_emails, outbox_row
from talonario.documents.view import InvoiceView
from talonario.invoices.answers import InvoiceOut
from talonario.invoices.repository import InvoiceRepository
from talonario.invoices.standing import awaits_payment, status_of
from talonario.kit.clock import utcnow
from talonario.models import EmailOutbox
from talonario.webhooks import outbox as webhooks

log = logging.getLogger("talonario.email")

MAX_ATTEMPTS = 8
LEASE = timedelta(minutes=5)  # far longer than one SMTP conversation (timeout 30 s)
FIRST_RETRY = timedelta(minutes=1)
LAST_RETRY = timedelta(hours=6)


class SmtpNotConfigured(Exception):
    pass


class TransientSendError(Exception):
    """Worth retrying: the server is down, busy (4xx) or the connection broke."""


class PermanentSendError(Exception):
    """Retrying cannot help: the server refused the message or its recipients (5xx)."""


class ReminderMoot(Exception):
    """A payment reminder whose invoice was paid, voided or replaced before it went out: it is
    cancelled, not sent."""


@dataclass(frozen=True, slots=True)
class SmtpConfig:
    host: str
    port: int
    implicit_tls: bool
    starttls: bool
    username: str | None
    password: str | None
    sender: str | None
    timeout: float
    cafile: str | None

    @classmethod
    def from_url(cls, url: str) -> "SmtpConfig":
        parts = urlsplit(url)
        if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
            raise SmtpNotConfigured(
                "TALONARIO_SMTP_URL must look like smtp://user:pass@host:587 or smtps://host:465"
            )
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        implicit = parts.scheme == "smtps"
        port = parts.port or (465 if implicit else 25)
        flag = query.get("starttls", "").lower()
        starttls = not implicit and (flag in ("1", "true", "yes") or (port == 587 and not flag))
        if flag in ("0", "false", "no"):
            starttls = False
        return cls(
            host=parts.hostname,
            port=port,
            implicit_tls=implicit,
            starttls=starttls,
            username=unquote(parts.username) if parts.username else None,
            password=unquote(parts.password) if parts.password else None,
            sender=query.get("from"),
            timeout=float(query.get("timeout", "30")),
            cafile=query.get("cafile"),
        )

    def tls_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=self.cafile)


# --- the message --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Letter:
    """What one email says, before it becomes MIME."""

    sender: str
    reply_to: str | None
    to: list[str]
    cc: list[str]
    subject: str
    text: str
    html: str


@dataclass(frozen=True, slots=True)
class Wording:
    """What sets one kind of email apart: its default subject and greeting, the facts listed,
    and a closing line."""

    subject: str
    greeting: str
    facts: list[tuple[str, str]]
    closing: str | None = None
    attached: str = "Encontrará la factura en PDF adjunta a este mensaje."
    online: str = "También puede consultarla en línea"


def invoice_wording(view: InvoiceView) -> Wording:
    """The invoice itself (POST /send)."""
    issuer, number = view.issuer.name, view.display_number
    greeting = f"Le enviamos la factura {number} de {issuer}" + (
        f", con fecha {fmt.long_day(view.issued_on)}." if view.issued_on else "."
    )
    facts = _dated(view, [("Importe", fmt.money(view.total, view.currency))])
    return Wording(f"Factura {number} de {issuer}", greeting, facts)


def reminder_wording(view: InvoiceView, today: date) -> Wording:
    """A payment reminder: the due date, said against `today`, and what is still pending."""
    issuer, number = view.issuer.name, view.display_number
    start = f"Le recordamos que la factura {number} de {issuer}"
    due = view.due_on
    if due is None:
        greeting = f"{start} está pendiente de pago."
    elif due < today:
        greeting = f"{start} venció el {fmt.long_day(due)} y sigue pendiente de pago."
    elif due == today:
        greeting = f"{start} vence hoy, {fmt.long_day(due)}."
    else:
        greeting = f"{start} vence el {fmt.long_day(due)}."
    amounts = [("Importe", fmt.money(view.total, view.currency))]
    if view.paid_amount > 0:
        amounts.append(("Pagado", fmt.money(view.paid_amount, view.currency)))
    amounts.append(("Pendiente de pago", fmt.money(view.pending_amount, view.currency)))
    return Wording(
        f"Recordatorio de pago: factura {number} de {issuer}",
        greeting,
        _dated(view, amounts),
        "Si ya ha realizado el pago, le rogamos que no tenga en cuenta este mensaje.",
    )


def _dated(view: InvoiceView, amounts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    facts = [("Factura", view.display_number)]
    if view.issued_on:
        facts.append(("Fecha", fmt.day(view.issued_on)))
    facts += amounts
    if view.due_on:
        facts.append(("Vencimiento", fmt.day(view.due_on)))
    return facts


def compose(
    view: InvoiceView,
    *,
    to: list[str],
    cc: list[str],
    subject: str | None,
    message: str | None,
    sender: str,
    public_url: str | None,
    wording: Wording | None = None,
) -> Letter:
    """The email of `view`: the invoice's own unless `wording` says otherwise (a reminder);
    `subject` and `message` (the greeting) replace the wording's when given."""
    issuer = view.issuer.name
    wording = wording or invoice_wording(view)
    subject = subject or wording.subject
    greeting = message or wording.greeting
    facts = wording.facts
    salutation = f"Hola, {view.client.name}:" if view.client else "Hola:"
    text_lines = [salutation, "", greeting, ""]
    text_lines += [f"  {label}: {value}" for label, value in facts]
    text_lines += ["", wording.attached]
    if public_url:
        text_lines.append(f"{wording.online}: {public_url}")
    if wording.closing:
        text_lines += ["", wording.closing]
    text_lines += ["", "Un saludo,", issuer, ""]
    e = html.escape
    paragraphs = "".join(f"<p>{e(p)}</p>" for p in greeting.split("\n\n"))
    rows = "".join(
        f'<tr><th style="text-align:left;padding:2px 12px 2px 0;font-weight:normal;'
        f'color:#6b7280">{e(label)}</th><td><strong>{e(value)}</strong></td></tr>'
        for label, value in facts
    )
    link = (
        f'<p>{e(wording.online)}: <a href="{e(public_url)}">{e(public_url)}</a></p>'
        if public_url
        else ""
    )
    closing = f"<p>{e(wording.closing)}</p>" if wording.closing else ""
    body_html = (
        '<!doctype html><html lang="es"><head><meta charset="utf-8">'
        f"<title>{e(subject)}</title></head>"
        '<body style="font-family:Helvetica,Arial,sans-serif;color:#1f2937;line-height:1.5">'
        f"<p>{e(salutation)}</p>{paragraphs}<table>{rows}</table>"
        f"<p>{e(wording.attached)}</p>{link}{closing}"
        f"<p>Un saludo,<br>{e(issuer)}</p></body></html>"
    )
    return Letter(
        sender=formataddr((issuer, sender)) if issuer else sender,
        reply_to=view.issuer.email if view.issuer.email and view.issuer.email != sender else None,
        to=to,
        cc=cc,
        subject=subject,
        text="\n".join(text_lines).replace(fmt.NBSP, " "),
        html=body_html,
    )


def build_message(letter: Letter, pdf: bytes, filename: str, message_id: str) -> EmailMessage:
    """multipart/mixed: (text/plain | text/html) alternative, then the PDF."""
    msg = EmailMessage()
    msg["From"] = letter.sender
    msg["To"] = ", ".join(letter.to)
    if letter.cc:
        msg["Cc"] = ", ".join(letter.cc)
    if letter.reply_to:
        msg["Reply-To"] = letter.reply_to
    msg["Subject"] = letter.subject
    msg["Date"] = formatdate(usegmt=True)
    msg["Message-ID"] = message_id
    msg.set_content(letter.text)
    msg.add_alternative(letter.html, subtype="html")
    msg.add_attachment(pdf, maintype="application", subtype="pdf", filename=filename)
    return msg


def deliver(config: SmtpConfig, msg: EmailMessage) -> None:
    """One SMTP conversation; raises TransientSendError or PermanentSendError."""
    try:
        if config.implicit_tls:
            client: smtplib.SMTP = smtplib.SMTP_SSL(
                config.host, config.port, timeout=config.timeout, context=config.tls_context()
            )
        else:
            client = smtplib.SMTP(config.host, config.port, timeout=config.timeout)
        with client:
            client.ehlo()
            if config.starttls:
                client.starttls(context=config.tls_context())
                client.ehlo()
            if config.username:
                client.login(config.username, config.password or "")
            refused = client.send_message(msg)
    except smtplib.SMTPRecipientsRefused as exc:
        codes = [code for code, _ in exc.recipients.values()]
        raise _by_code(min(codes), f"all recipients refused: {exc.recipients}") from exc
    except smtplib.SMTPResponseException as exc:
        detail = (
            exc.smtp_error.decode(errors="replace")
            if isinstance(exc.smtp_error, bytes)
            else exc.smtp_error
        )
        # Bad credentials are the operator's to fix; the email should go once they are.
        code = 400 if isinstance(exc, smtplib.SMTPAuthenticationError) else exc.smtp_code
        raise _by_code(code, f"{exc.smtp_code} {detail}") from exc
    except (OSError, smtplib.SMTPException) as exc:
        raise TransientSendError(f"{type(exc).__name__}: {exc}") from exc
    if refused:
        log.warning("some recipients refused: %s", refused)


def _by_code(code: int, detail: str) -> Exception:
    return PermanentSendError(detail) if code >= 500 else TransientSendError(detail)


# --- the outbox ---------------------------------------------------------------------------------


def backoff(attempts: int) -> timedelta:
    """1 min, 2, 4, 8… capped at 6 h: a relay down for an afternoon still gets the email."""
    return min(FIRST_RETRY * 2 ** (attempts - 1), LAST_RETRY)


def send_due_emails(db: Database, settings: Settings, *, now: datetime | None = None,
                    limit: int = 20) -> int:  # fmt: skip
    """Send up to `limit` due emails; returns how many it handled (sent or failed), so a
    worker can loop while it returns > 0 and sleep when it returns 0."""
    now = now or utcnow()
    claimed = _claim(db, now, limit)
    if not claimed:
        return 0
    config: SmtpConfig | None = None
    problem: Exception | None = None
    try:
        config = SmtpConfig.from_url(settings.smtp_url or "")
    except SmtpNotConfigured as exc:
        problem = TransientSendError(
            "No SMTP server configured: set TALONARIO_SMTP_URL." if not settings.smtp_url
            else str(exc)
        )  # fmt: skip
    for row_id, kind, lease in claimed:
        _send_one(db, config, problem, row_id, kind, lease, now)
    return len(claimed)


def _claim(db: Database, now: datetime, limit: int) -> list[tuple[str, str, datetime]]:
    lease = now + LEASE
    with db.write_session() as session:
        rows = due_emails(session, now, limit)
        for row in rows:
            row.status = "sending"
            row.lease_until = lease
            row.attempts += 1
        session.commit()
        return [(row.id, row.kind, lease) for row in rows]


def _send_one(
    db: Database,
    config: SmtpConfig | None,
    problem: Exception | None,
    row_id: str,
    kind: str,
    lease: datetime,
    now: datetime,
) -> None:
    error: Exception | None = problem
    if error is None and config is not None:
        try:
            letter = _LETTERS.get(kind)
            if letter is None:  # a process that did not import the kind's package
                raise TransientSendError(f"This process cannot write emails of kind {kind!r}.")
            msg = letter(db, config, row_id)
            deliver(config, msg)
        except (TransientSendError, PermanentSendError, ReminderMoot) as exc:
            error = exc
        except Exception as exc:  # a bug must not wedge the row in "sending"
            log.exception("email %s could not be built", row_id)
            error = TransientSendError(f"{type(exc).__name__}: {exc}")
    _finish(db, row_id, lease, now, error)


def _invoice_message(db: Database, config: SmtpConfig, row_id: str) -> EmailMessage:
    """The invoice's own email, or a payment reminder of it."""
    with db.read_session() as session:
        row = outbox_row(session, row_id)
        assert row is not None and row.invoice_id is not None
        invoice = InvoiceRepository(session, row.company_id).get(row.invoice_id)
        assert invoice is not None
        today = service.today_of(session, invoice)
        if row.kind == "reminder" and not awaits_payment(invoice):
            status = status_of(invoice, today)
            raise ReminderMoot(f"Invoice {invoice.number} is {status}: no reminder was sent.")
        view = service.view_of(session, invoice)
        wording = reminder_wording(view, today) if row.kind == "reminder" else None
        link = PublicLinkRepository(session, row.company_id).get(invoice.id)
        url = link.url if link is not None and service.is_live(link, utcnow()) else None
        addressing = Addressing.of(row)
        company_id, invoice_id = row.company_id, invoice.id
    pdf = service.invoice_pdf(db, company_id, invoice_id)
    return row_message(config, addressing, view, wording, url, pdf.content, pdf.filename)


@dataclass(frozen=True, slots=True)
class Addressing:
    """An outbox row's recipients and the caller's subject and greeting, read with the row."""

    row_id: str
    to: list[str]
    cc: list[str]
    subject: str | None
    message: str | None

    @classmethod
    def of(cls, row: EmailOutbox) -> "Addressing":
        return cls(row.id, list(row.to), list(row.cc), row.subject, row.message)


def row_message(
    config: SmtpConfig,
    addressing: Addressing,
    view: InvoiceView,
    wording: Wording | None,
    public_url: str | None,
    pdf: bytes,
    filename: str,
) -> EmailMessage:
    """The MIME message of an outbox row's email about `view`, its PDF attached; its
    Message-ID is the same on every attempt."""
    sender = config.sender or view.issuer.email or f"facturas@{config.host}"
    letter = compose(
        view,
        to=addressing.to,
        cc=addressing.cc,
        subject=addressing.subject,
        message=addressing.message,
        sender=sender,
        public_url=public_url,
        wording=wording,
    )
    domain = Address(addr_spec=sender).domain or config.host
    return build_message(letter, pdf, filename, make_msgid(addressing.row_id, domain=domain))


# How each kind of outbox row becomes its message. Kinds of a package above this one (a
# quote's email: quotes/email.py) are registered by it when imported (the worker imports it).
LetterSource = Callable[[Database, SmtpConfig, str], EmailMessage]
_LETTERS: dict[str, LetterSource] = {"invoice": _invoice_message, "reminder": _invoice_message}


def register_letter(kind: str, source: LetterSource) -> None:
    _LETTERS[kind] = source


def _finish(
    db: Database, row_id: str, lease: datetime, now: datetime, error: Exception | None
) -> None:
    with db.write_session() as session:
        row = outbox_row(session, row_id, for_update=True)
        if row is None or row.status != "sending" or row.lease_until != lease:
            return  # our lease ran out and another worker took the row over
        row.lease_until = None
        row.last_attempt_at = utcnow()
        if error is None:
            _mark_sent(session, row)
        elif isinstance(error, ReminderMoot):
            row.status = "cancelled"
            row.last_error = str(error)
        else:
            row.last_error = str(error)[:1000]
            permanent = isinstance(error, PermanentSendError)
            if permanent or row.attempts >= MAX_ATTEMPTS:
                row.status = "failed"
                log.warning("email %s gave up after %d attempt(s): %s", row.id, row.attempts,
                            row.last_error)  # fmt: skip
            else:
                row.status = "pending"
                row.next_attempt_at = now + backoff(row.attempts)
        session.commit()


def _mark_sent(session: Session, row: EmailOutbox) -> None:
    row.status = "sent"
    row.sent_at = row.last_attempt_at
    row.last_error = None
    if row.kind != "invoice" or row.invoice_id is None:
        return  # a reminder is no sending of the invoice (its sent_at and invoice.sent stay)
    invoices = InvoiceRepository(session, row.company_id)
    invoice = invoices.get(row.invoice_id, for_update=True)
    assert invoice is not None
    invoice.sent_at = row.sent_at
    session.flush()
    # In the same transaction: the event exists if and only if the email is recorded as sent.
    today = service.today_of(session, invoice)
    data = InvoiceOut.of(invoice, delivery=invoices.delivery_of(invoice), today=today)
    webhooks.emit(session, row.company_id, "invoice.sent", data, object_id=invoice.id)

"""A quote by email: POST /v1/quotes/{id}/send with `email` queues it (quotes/service.py) in
the invoices' outbox, kind `quote`; the worker's mailer (documents/mailer.py) sends it, built
here: the quote's PDF attached, its public link if live, worded as a presupuesto or a factura
proforma. Importing this module registers it with the mailer (the worker and the API do)."""

from email.message import EmailMessage

from talonario.db import Database
from talonario.documents import formatting as fmt
from talonario.documents.mailer import (
    Addressing,
    SmtpConfig,
    Wording,
    register_letter,
    row_message,
)
from talonario.documents.repository import outbox_row
from talonario.kit.clock import utcnow
from talonario.quotes import document, service
from talonario.quotes.pdf import QuoteView, quote_view


def quote_wording(view: QuoteView, number: str) -> Wording:
    """A quote's email: what it is, its date, amount and (a presupuesto) how long it holds."""
    issuer = view.issuer.name
    issued = f", con fecha {fmt.long_day(view.issued_on)}" if view.issued_on else ""
    facts = [("Fecha", fmt.day(view.issued_on))] if view.issued_on else []
    facts.append(("Importe", fmt.money(view.total, view.currency)))
    if view.kind == "proforma":
        return Wording(
            f"Factura proforma {number} de {issuer}",
            f"Le enviamos la factura proforma {number} de {issuer}{issued}.",
            [("Factura proforma", number), *facts],
            "Una factura proforma no es una factura.",
            attached="Encontrará la factura proforma en PDF adjunta a este mensaje.",
        )
    if view.valid_until is not None:
        facts.append(("Válido hasta", fmt.day(view.valid_until)))
    return Wording(
        f"Presupuesto {number} de {issuer}",
        f"Le enviamos el presupuesto {number} de {issuer}{issued}.",
        [("Presupuesto", number), *facts],
        attached="Encontrará el presupuesto en PDF adjunto a este mensaje.",
        online="También puede consultarlo en línea",
    )


def quote_message(db: Database, config: SmtpConfig, row_id: str) -> EmailMessage:
    """The email of the outbox row `row_id` (kind quote), as it reads now: a sent quote no
    longer changes."""
    with db.read_session() as session:
        row = outbox_row(session, row_id)
        assert row is not None and row.quote_id is not None
        quote = service.get(session, row.company_id, row.quote_id)
        answer, issuer, image = document.read(session, quote)
        url = quote.public_url if service.link_is_live(quote, utcnow()) else None
        addressing = Addressing.of(row)
    pdf = document.render(answer, issuer, image)
    view = quote_view(answer.model_dump(), issuer)
    wording = quote_wording(view, answer.number)
    return row_message(config, addressing, view, wording, url, pdf.content, pdf.filename)


register_letter("quote", quote_message)

"""A quote's PDF: read in one short session, rendered outside any transaction, never stored
(a quote may change until it is sent, and nothing requires keeping the bytes)."""

import re
from dataclasses import dataclass

from sqlalchemy.orm import Session

from talonario.companies import logo
from talonario.companies import service as companies
from talonario.db import Database
from talonario.invoices.parties import issuer_snapshot
from talonario.models import Quote
from talonario.quotes import service
from talonario.quotes.pdf import TITLES, quote_view, render_quote
from talonario.quotes.schemas import QuoteOut


@dataclass(frozen=True, slots=True)
class QuotePdf:
    content: bytes
    filename: str


def read(session: Session, quote: Quote) -> tuple[QuoteOut, dict[str, object], bytes | None]:
    company = companies.get(session, quote.company_id)
    found = logo.image_of(session, quote.company_id)
    answer = QuoteOut.of(quote, quote.status, email=None)  # the PDF shows no delivery
    return answer, issuer_snapshot(company), found[0] if found is not None else None


def public_pdf(db: Database, token: str) -> QuotePdf | None:
    """The PDF behind a live public link, or None (unknown, revoked or expired)."""
    with db.read_session() as session:
        quote = service.find_by_token(session, token)
        if quote is None:
            return None
        answer, issuer, image = read(session, quote)
    return render(answer, issuer, image)


def quote_pdf(db: Database, company_id: str, ref: str) -> QuotePdf:
    with db.read_session() as session:
        answer, issuer, image = read(session, service.get(session, company_id, ref))
    return render(answer, issuer, image)


def render(answer: QuoteOut, issuer: dict[str, object], image: bytes | None) -> QuotePdf:
    view = quote_view(answer.model_dump(), issuer)
    title = TITLES[answer.kind].replace(" ", "-")
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", answer.number).strip("-")
    return QuotePdf(render_quote(view, logo=image), f"{title}-{name}.pdf")

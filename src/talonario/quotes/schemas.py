"""Quotes and proformas in and out. Lines, client, withholding and metadata are the invoice's own
schemas (invoices/schemas.py), so a quote is written exactly as an invoice is; the answer's
parts are the invoice answer's (invoices/answers.py)."""

from datetime import date, datetime
from typing import Literal, Self

from pydantic import BaseModel, Field, SerializeAsAny

from talonario.documents.schemas import OneLine, SendIn
from talonario.invoices.answers import (
    BreakdownRowOut,
    EmailDeliveryOut,
    LineOut,
    PartyOut,
    WithholdingOut,
    breakdown_row,
    line_row,
)
from talonario.invoices.schemas import ClientRef, LineIn, Metadata, Text, WithholdingIn
from talonario.kit.patch import NotNull, Patch
from talonario.kit.schema import Input, Number
from talonario.models import EmailOutbox, Quote

QuoteKind = Literal["quote", "proforma"]
QuoteStatus = Literal["draft", "sent", "accepted", "rejected", "expired"]


class QuoteFields(Input):
    client: ClientRef | None = Field(
        default=None,
        description="A client id or its external_id, or the recipient's data inline.",
    )
    issued_on: date | None = Field(default=None, description="The quote's date; default today.")
    valid_until: date | None = Field(
        default=None,
        description="Last day the offer holds; default 30 days after `issued_on`. A sent quote"
        " past it answers `expired`.",
    )
    withholding: WithholdingIn | None = None
    notes: Text | None = None
    external_id: str | None = Field(default=None, min_length=1, max_length=120)
    metadata: Metadata | None = None


class QuoteCreate(QuoteFields):
    kind: QuoteKind = Field(
        default="quote",
        description="`quote` (presupuesto) or `proforma` (factura proforma: not an invoice).",
    )
    currency: Literal["EUR"] = "EUR"
    lines: list[LineIn] = Field(min_length=1, max_length=500)


class QuoteUpdate(Patch, QuoteFields):
    kind: NotNull[QuoteKind] = None
    lines: NotNull[list[LineIn]] = Field(default=None, min_length=1, max_length=500)
    issued_on: NotNull[date] = None
    valid_until: NotNull[date] = None


class QuoteInvoiceIn(Input):
    issue: bool = Field(
        default=False, description="Issue the invoice at once (numbered, with its record)."
    )
    series: str | None = Field(
        default=None, max_length=36, description="The invoice's series, by id or code."
    )


class QuotePublicLinkOut(BaseModel):
    url: str = Field(description="Serves the quote's PDF without an API key.")
    expires_at: datetime
    max_days: int


class QuoteOut(BaseModel):
    id: str
    object: Literal["quote"]
    kind: QuoteKind
    number: str
    status: QuoteStatus
    issued_on: date
    valid_until: date
    client: SerializeAsAny[PartyOut] | None
    lines: list[SerializeAsAny[LineOut]]
    tax_breakdown: list[SerializeAsAny[BreakdownRowOut]]
    withholding: WithholdingOut | None
    subtotal: Number
    taxes_total: Number
    surcharge_total: Number
    withholding_total: Number
    total: Number
    currency: str
    notes: str | None
    external_id: str | None
    metadata: dict[str, str]
    invoice: str | None = Field(description="The invoice made from this quote, if any.")
    public_link: QuotePublicLinkOut | None
    pdf_url: str
    sent_at: datetime | None
    accepted_at: datetime | None
    rejected_at: datetime | None
    invoiced_at: datetime | None
    email: EmailDeliveryOut | None = Field(
        description="The quote's latest email (POST /send with `email`): its delivery; null if"
        " it was never emailed."
    )
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, quote: Quote, status: str, *, email: EmailOutbox | None) -> Self:
        """The answer of `quote`, whose status as of today (`expired` is computed: see
        quotes/states.py) and latest email the caller gives."""
        client = quote.client
        if client is not None and quote.client_id is not None:
            client = {**client, "id": quote.client_id}
        withholding = WithholdingOut.of(quote.withholding_rate, quote.withholding_total)
        link = None
        if quote.public_token is not None:
            link = QuotePublicLinkOut.model_construct(
                url=quote.public_url,
                expires_at=quote.public_expires_at,
                max_days=quote.public_max_days,
            )
        return cls.model_construct(
            id=quote.id,
            object="quote",
            kind=quote.kind,
            number=quote.number,
            status=status,
            issued_on=quote.issued_on,
            valid_until=quote.valid_until,
            client=client,
            lines=[line_row(x) for x in quote.lines],
            tax_breakdown=[breakdown_row(x) for x in quote.tax_breakdown],
            withholding=withholding,
            subtotal=quote.subtotal,
            taxes_total=quote.taxes_total,
            surcharge_total=quote.surcharge_total,
            withholding_total=quote.withholding_total,
            total=quote.total,
            currency=quote.currency,
            notes=quote.notes,
            external_id=quote.external_id,
            metadata=quote.meta,
            invoice=quote.invoice_id,
            public_link=link,
            pdf_url=f"/v1/quotes/{quote.id}/pdf",
            sent_at=quote.sent_at,
            accepted_at=quote.accepted_at,
            rejected_at=quote.rejected_at,
            invoiced_at=quote.invoiced_at,
            email=EmailDeliveryOut.of(email),
            created_at=quote.created_at,
            updated_at=quote.updated_at,
        )


class QuoteEmailIn(SendIn):
    subject: OneLine | None = Field(
        default=None,
        description="Defaults to 'Presupuesto {number} de {issuer}' (a proforma: 'Factura"
        " proforma …').",
    )


class QuoteSendIn(Input):
    email: QuoteEmailIn | None = Field(
        default=None,
        description="Also email the quote, its PDF attached: to the client's email unless `to`"
        " says otherwise (`{}` takes every default). Without it the quote is only marked sent.",
    )

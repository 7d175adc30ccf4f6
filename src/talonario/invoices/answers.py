"""The invoice as the API answers it: `InvoiceOut.of(invoice, ...)`, and its parts.

Built with `model_construct`: the rows were validated on the way in, and answering (issuing's
hot path included) should not pay to validate them again. What the invoice stores as JSON
(parties, lines, breakdown, corrective, substitutes) is answered as stored, its numbers made
Decimal: those fields are `SerializeAsAny`, so the published schema stays the model's while
the stored keys are written as they are (a party snapshot has fewer keys than PartyOut, and
stored dates and tax codes are text).
"""

import datetime as dt
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal, Self

from pydantic import BaseModel, Field, SerializeAsAny

from talonario.clients.schemas import ForeignIdOut
from talonario.invoices.repository import NO_DELIVERY, Delivery
from talonario.invoices.schemas import InvoiceStatus, InvoiceType, VerifactuOut
from talonario.invoices.standing import status_of
from talonario.kit.money import decimal_or_none
from talonario.kit.schema import AddressOut, Number
from talonario.models import EmailOutbox, Invoice, Payment, PublicLink
from talonario.taxes.eligibility import Activity
from talonario.taxes.tax_schema import TaxOut

_LINE_NUMBERS = ("quantity", "unit_price", "discount_percent", "subtotal", "taxes", "total")
_TAX_NUMBERS = ("rate", "surcharge_rate")
_ROW_NUMBERS = ("rate", "base", "tax_amount", "surcharge_rate", "surcharge_amount")


class InvoiceRefOut(BaseModel):
    id: str
    number: str
    issued_on: date


class RectifiedAmountsOut(BaseModel):
    base: Number
    quota: Number
    surcharge_quota: Number | None


class CorrectiveOut(BaseModel):
    type: Literal["R1", "R2", "R3", "R4", "R5"]
    method: Literal["substitution", "differences"]
    reason: str
    rectified_invoices: list[InvoiceRefOut]
    rectified_amounts: RectifiedAmountsOut | None = Field(
        description="ImporteRectificacion: base and quotas of the rectified invoices"
        " (substitution only)."
    )


class LineOut(BaseModel):
    description: str
    product: str | None
    quantity: Number
    unit: str | None
    unit_price: Number
    discount_percent: Number
    tax: TaxOut
    subtotal: Number
    taxes: Number
    total: Number


class BreakdownRowOut(BaseModel):
    tax_type: str
    regime: str
    operation: str = Field(description="S1, S2, N1, N2 or the exemption E1–E8.")
    rate: Number | None
    base: Number
    tax_amount: Number | None
    surcharge_rate: Number | None
    surcharge_amount: Number | None


class PartyOut(BaseModel):
    id: str | None = None
    name: str | None = None
    legal_name: str | None = None
    trade_name: str | None = None
    nif: str | None = None
    foreign_id: ForeignIdOut | None = None
    email: str | None = None
    phone: str | None = None
    address: AddressOut | None = None


class SeriesRef(BaseModel):
    id: str
    code: str


class WithholdingOut(BaseModel):
    rate: Number
    amount: Number

    @classmethod
    def of(cls, rate: Decimal | None, amount: Decimal) -> Self | None:
        """The withholding of a priced document (None: it withholds nothing)."""
        return None if rate is None else cls.model_construct(rate=rate, amount=amount)


class PaymentOut(BaseModel):
    id: str
    object: Literal["payment"]
    invoice: str
    amount: Number
    date: dt.date
    method: str | None
    reference: str | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, payment: Payment) -> Self:
        return cls.model_construct(
            id=payment.id,
            object="payment",
            invoice=payment.invoice_id,
            amount=payment.amount,
            date=payment.date,
            method=payment.method,
            reference=payment.reference,
            created_at=payment.created_at,
            updated_at=payment.updated_at,
        )


class PublicLinkOut(BaseModel):
    url: str | None = Field(description="The customer's page; null while disabled.")
    enabled: bool
    expires_at: datetime
    max_days: int

    @classmethod
    def of(cls, link: PublicLink | None) -> Self | None:
        if link is None:
            return None
        return cls.model_construct(
            url=link.url if link.enabled else None,
            enabled=link.enabled,
            expires_at=link.expires_at,
            max_days=link.max_days,
        )


class EmailDeliveryOut(BaseModel):
    status: Literal["pending", "sending", "retrying", "sent", "failed", "cancelled"] = Field(
        description="`cancelled`: a payment reminder whose invoice was paid or voided before"
        " it went out."
    )
    to: list[str]
    cc: list[str]
    attempts: int
    last_error: str | None = Field(description="Why the last attempt failed, if it did.")
    last_attempt_at: datetime | None
    next_attempt_at: datetime | None
    sent_at: datetime | None

    @classmethod
    def of(cls, row: EmailOutbox | None) -> Self | None:
        """The latest email: queued, retrying (its last error kept), sent, or failed for good."""
        if row is None:
            return None
        status = row.status
        if status == "pending" and row.attempts:
            status = "retrying"
        return cls.model_construct(
            status=status,
            to=row.to,
            cc=row.cc,
            attempts=row.attempts,
            last_error=row.last_error,
            last_attempt_at=row.last_attempt_at,
            next_attempt_at=row.next_attempt_at if row.status == "pending" else None,
            sent_at=row.sent_at,
        )


class InvoiceOut(BaseModel):
    id: str
    object: Literal["invoice"]
    number: str | None
    is_number_assigned: bool
    series: SeriesRef | None
    type: InvoiceType
    status: InvoiceStatus = Field(
        description="`overdue`: issued or partially paid, something pending, and `due_on`"
        " before today (the company's date); computed when read. `pending_amount` tells"
        " whether part was paid."
    )
    issued_on: date | None
    operation_date: date | None
    due_on: date | None
    client: SerializeAsAny[PartyOut] | None
    issuer: SerializeAsAny[PartyOut] | None
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
    tags: list[str]
    custom_fields: dict[str, Any]
    exclude_347: bool
    paid_amount: Number
    pending_amount: Number
    payments: list[PaymentOut]
    public_link: PublicLinkOut | None
    corrective: SerializeAsAny[CorrectiveOut] | None
    substitutes: list[SerializeAsAny[InvoiceRefOut]] | None
    substituted_by: str | None
    activity: Activity | None
    verifactu: VerifactuOut | None
    pdf_url: str | None
    email: EmailDeliveryOut | None = Field(
        description="The latest email of the invoice (POST /send) and how its delivery went;"
        " payment reminders are listed at /v1/invoices/{id}/reminders."
    )
    paid_at: datetime | None
    sent_at: datetime | None
    voided_at: datetime | None
    void_reason: str | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(
        cls,
        invoice: Invoice,
        payments: Sequence[Payment] = (),
        delivery: Delivery = NO_DELIVERY,
        *,
        today: date,
    ) -> Self:
        """The answer of `invoice` on `today` (the company's date: `overdue` is measured
        against it). Its payments and delivery (public link, latest email) are the caller's to
        read, a page at a time (InvoiceRepository.payments_of, deliveries_of); the answer shows
        none without them."""
        link, email = delivery
        client = invoice.client
        if client is not None and invoice.client_id is not None:
            client = {**client, "id": invoice.client_id}
        withholding = WithholdingOut.of(invoice.withholding_rate, invoice.withholding_total)
        series = None
        if invoice.series_id and invoice.series_code:
            series = SeriesRef.model_construct(id=invoice.series_id, code=invoice.series_code)
        return cls.model_construct(
            id=invoice.id,
            object="invoice",
            number=invoice.number,
            is_number_assigned=invoice.number is not None,
            series=series,
            type=invoice.type,
            status=status_of(invoice, today),
            issued_on=invoice.issued_on,
            operation_date=invoice.operation_date,
            due_on=invoice.due_on,
            client=client,
            issuer=invoice.issuer,
            lines=[line_row(x) for x in invoice.lines],
            tax_breakdown=[breakdown_row(x) for x in invoice.tax_breakdown],
            withholding=withholding,
            subtotal=invoice.subtotal,
            taxes_total=invoice.taxes_total,
            surcharge_total=invoice.surcharge_total,
            withholding_total=invoice.withholding_total,
            total=invoice.total,
            currency=invoice.currency,
            notes=invoice.notes,
            external_id=invoice.external_id,
            metadata=invoice.meta,
            tags=invoice.tags,
            custom_fields=invoice.custom_fields,
            exclude_347=invoice.exclude_347,
            paid_amount=invoice.paid_amount,
            pending_amount=pending_amount(invoice),
            payments=[PaymentOut.of(p) for p in payments],
            public_link=PublicLinkOut.of(link),
            corrective=_corrective(invoice.corrective),
            substitutes=invoice.substitutes,
            substituted_by=invoice.substituted_by,
            # Stored as its text; the field is the enum.
            activity=Activity(invoice.activity) if invoice.activity is not None else None,
            verifactu=VerifactuOut.of(invoice),
            pdf_url=f"/v1/invoices/{invoice.id}/pdf",
            email=EmailDeliveryOut.of(email),
            paid_at=invoice.paid_at,
            sent_at=invoice.sent_at,
            voided_at=invoice.voided_at,
            void_reason=invoice.void_reason,
            created_at=invoice.created_at,
            updated_at=invoice.updated_at,
        )


def pending_amount(invoice: Invoice) -> Decimal:
    """What an issued invoice still awaits (what a payment may add up to at most)."""
    if invoice.status in ("draft", "voided"):
        return Decimal("0.00")
    return max(invoice.total - invoice.paid_amount, Decimal("0.00"))


def line_row(stored: dict[str, Any]) -> dict[str, Any]:
    """A stored line as answered: its numbers, and its tax's, Decimal."""
    line = dict(stored)
    for key in _LINE_NUMBERS:
        line[key] = decimal_or_none(line[key])
    tax = dict(line["tax"])
    for key in _TAX_NUMBERS:
        tax[key] = decimal_or_none(tax.get(key))
    line["tax"] = tax
    return line


def breakdown_row(stored: dict[str, Any]) -> dict[str, Any]:
    """A stored breakdown row as answered: its numbers Decimal."""
    row = dict(stored)
    for key in _ROW_NUMBERS:
        row[key] = decimal_or_none(row.get(key))
    return row


def _corrective(stored: dict[str, Any] | None) -> dict[str, Any] | None:
    if stored is None:
        return None
    amounts = stored.get("rectified_amounts")
    if amounts is not None:
        amounts = {k: decimal_or_none(v) for k, v in amounts.items()}
    return {**stored, "rectified_amounts": amounts}

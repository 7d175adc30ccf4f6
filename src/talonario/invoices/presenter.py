"""Invoice rows as the public JSON object (decimals stay Decimal; jsonenc writes them exactly)."""

from decimal import Decimal
from typing import Any

from sqlalchemy.orm import object_session

from talonario.invoices.repository import Delivery, InvoiceRepository
from talonario.kit.money import decimal_or_none
from talonario.models import EmailOutbox, Invoice, Payment, PublicLink

_LINE_NUMBERS = ("quantity", "unit_price", "discount_percent", "subtotal", "taxes", "total")
_TAX_NUMBERS = ("rate", "surcharge_rate")
_ROW_NUMBERS = ("rate", "base", "tax_amount", "surcharge_rate", "surcharge_amount")


def _line(stored: dict[str, Any]) -> dict[str, Any]:
    line = dict(stored)
    for key in _LINE_NUMBERS:
        line[key] = decimal_or_none(line[key])
    tax = dict(line["tax"])
    for key in _TAX_NUMBERS:
        tax[key] = decimal_or_none(tax.get(key))
    line["tax"] = tax
    return line


def _row(stored: dict[str, Any]) -> dict[str, Any]:
    row = dict(stored)
    for key in _ROW_NUMBERS:
        row[key] = decimal_or_none(row.get(key))
    return row


def present_payment(payment: Payment) -> dict[str, Any]:
    return {
        "id": payment.id,
        "object": "payment",
        "invoice": payment.invoice_id,
        "amount": payment.amount,
        "date": payment.date,
        "method": payment.method,
        "reference": payment.reference,
        "created_at": payment.created_at,
        "updated_at": payment.updated_at,
    }


def present_invoice(
    invoice: Invoice, payments: list[Payment] | None = None, delivery: Delivery | None = None
) -> dict[str, Any]:
    """`delivery` (public link, latest email) comes from `InvoiceRepository.deliveries_of()`
    when presenting a list; a lone invoice still in its session looks its own up."""
    withholding = None
    if invoice.withholding_rate is not None:
        withholding = {"rate": invoice.withholding_rate, "amount": invoice.withholding_total}
    link, email = delivery if delivery is not None else _delivery(invoice)
    client = invoice.client
    if client is not None and invoice.client_id is not None:
        client = {**client, "id": invoice.client_id}
    return {
        "id": invoice.id,
        "object": "invoice",
        "number": invoice.number,
        "is_number_assigned": invoice.number is not None,
        "series": (
            {"id": invoice.series_id, "code": invoice.series_code}
            if invoice.series_id and invoice.series_code
            else None
        ),
        "type": invoice.type,
        "status": invoice.status,
        "issued_on": invoice.issued_on,
        "operation_date": invoice.operation_date,
        "due_on": invoice.due_on,
        "client": client,
        "issuer": invoice.issuer,
        "lines": [_line(x) for x in invoice.lines],
        "tax_breakdown": [_row(x) for x in invoice.tax_breakdown],
        "withholding": withholding,
        "subtotal": invoice.subtotal,
        "taxes_total": invoice.taxes_total,
        "surcharge_total": invoice.surcharge_total,
        "withholding_total": invoice.withholding_total,
        "total": invoice.total,
        "currency": invoice.currency,
        "notes": invoice.notes,
        "external_id": invoice.external_id,
        "metadata": invoice.meta,
        "tags": invoice.tags,
        "custom_fields": invoice.custom_fields,
        "exclude_347": invoice.exclude_347,
        "paid_amount": invoice.paid_amount,
        "pending_amount": pending_amount(invoice),
        "payments": [present_payment(p) for p in payments or ()],
        "public_link": _public_link(link),
        "corrective": _corrective(invoice.corrective),
        "substitutes": invoice.substitutes,
        "substituted_by": invoice.substituted_by,
        "activity": invoice.activity,
        "verifactu": _verifactu(invoice),
        "pdf_url": f"/v1/invoices/{invoice.id}/pdf",
        "email": _email(email),
        "paid_at": invoice.paid_at,
        "sent_at": invoice.sent_at,
        "voided_at": invoice.voided_at,
        "void_reason": invoice.void_reason,
        "created_at": invoice.created_at,
        "updated_at": invoice.updated_at,
    }


def _corrective(stored: dict[str, Any] | None) -> dict[str, Any] | None:
    if stored is None:
        return None
    amounts = stored.get("rectified_amounts")
    if amounts is not None:
        amounts = {k: decimal_or_none(v) for k, v in amounts.items()}
    return {**stored, "rectified_amounts": amounts}


def _verifactu(invoice: Invoice) -> dict[str, Any] | None:
    if invoice.verifactu_record_id is None:
        return None
    return {
        "status": invoice.verifactu_status,
        "huella": invoice.verifactu_huella,
        "qr_url": invoice.qr_url,
        "qr_image_url": f"/v1/invoices/{invoice.id}/qr-image",
        "generated_at": invoice.verifactu_generated_at,
        "record": invoice.verifactu_record_id,
        "csv": invoice.verifactu_csv,
        "errors": (
            [{"code": invoice.verifactu_code, "description": invoice.verifactu_description}]
            if invoice.verifactu_code
            else []
        ),
    }


def _delivery(invoice: Invoice) -> Delivery:
    session = object_session(invoice)
    if session is None:
        return None, None
    return InvoiceRepository(session, invoice.company_id).delivery_of(invoice)


def _public_link(link: PublicLink | None) -> dict[str, Any] | None:
    if link is None:
        return None
    return {
        "url": link.url if link.enabled else None,
        "enabled": link.enabled,
        "expires_at": link.expires_at,
        "max_days": link.max_days,
    }


def _email(row: EmailOutbox | None) -> dict[str, Any] | None:
    """The latest email: queued, retrying (its last error kept), sent, or failed for good."""
    if row is None:
        return None
    status = row.status
    if status == "pending" and row.attempts:
        status = "retrying"
    return {
        "status": status,
        "to": row.to,
        "cc": row.cc,
        "attempts": row.attempts,
        "last_error": row.last_error,
        "last_attempt_at": row.last_attempt_at,
        "next_attempt_at": row.next_attempt_at if row.status == "pending" else None,
        "sent_at": row.sent_at,
    }


def pending_amount(invoice: Invoice) -> Decimal:
    if invoice.status in ("draft", "voided"):
        return Decimal("0.00")
    return max(invoice.total - invoice.paid_amount, Decimal("0.00"))

"""From an invoice to its VERI*FACTU records, inside the transaction that changes the invoice."""

from datetime import datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from talonario.config import Settings
from talonario.invoices.totals import BreakdownRow, TaxType
from talonario.kit.clock import utcnow
from talonario.kit.money import decimal_or_none
from talonario.kit.rows import insert_new
from talonario.models import Company, Invoice, VerifactuRecord
from talonario.verifactu import chain
from talonario.verifactu.codes import IdType, InvoiceType
from talonario.verifactu.records import (
    ForeignId,
    InvoiceId,
    Party,
    RegistrationRecord,
    breakdown_line,
)

# Types that carry Destinatarios (AEAT 1189); F2 and R5 must not (1190).
WITH_RECIPIENTS = {"F1", "F3", "R1", "R2", "R3", "R4"}


def generation_time(company: Company) -> datetime:
    """Now, in the issuer's territory (Madrid or Canary offset), to the second as AEAT hashes it."""
    return utcnow().astimezone(ZoneInfo(company.timezone)).replace(microsecond=0)


def _breakdown(rows: list[dict[str, Any]]) -> tuple[Any, ...]:
    return tuple(
        breakdown_line(
            BreakdownRow(
                tax_type=TaxType(row["tax_type"]),
                regime=row["regime"],
                operation=row["operation"],
                rate=decimal_or_none(row.get("rate")),
                base=Decimal(row["base"]),
                tax_amount=decimal_or_none(row.get("tax_amount")),
                surcharge_rate=decimal_or_none(row.get("surcharge_rate")),
                surcharge_amount=decimal_or_none(row.get("surcharge_amount")),
            )
        )
        for row in rows
    )


def recipient(snapshot: dict[str, Any]) -> Party:
    foreign = snapshot.get("foreign_id")
    if foreign:
        return Party(
            snapshot["name"],
            foreign_id=ForeignId(IdType(foreign["id_type"]), foreign["id"], foreign.get("country")),
        )
    return Party(snapshot["name"], nif=snapshot["nif"])


def describe(invoice: Invoice) -> str:
    """DescripcionOperacion (1–500 characters): the lines' descriptions."""
    text = "; ".join(line["description"] for line in invoice.lines) or "Factura"
    return text if len(text) <= 500 else text[:497] + "..."


def registration_record(
    settings: Settings, company: Company, invoice: Invoice, head: Any, now: datetime
) -> RegistrationRecord:
    assert invoice.number and invoice.issued_on and invoice.issuer
    recipients: tuple[Party, ...] = ()
    if invoice.type in WITH_RECIPIENTS and invoice.client:
        recipients = (recipient(invoice.client),)
    operation_date = invoice.operation_date
    if operation_date == invoice.issued_on:
        operation_date = None
    external = (
        invoice.external_id if invoice.external_id and len(invoice.external_id) <= 60 else None
    )
    return RegistrationRecord(
        invoice=InvoiceId(company.nif, invoice.number, invoice.issued_on),
        external_ref=external,
        issuer_name=invoice.issuer["legal_name"],
        invoice_type=InvoiceType(invoice.type),
        operation_date=operation_date,
        description=describe(invoice),
        recipients=recipients,
        breakdown=_breakdown(invoice.tax_breakdown),
        total_tax=invoice.taxes_total + invoice.surcharge_total,
        # ImporteTotal: bases + quotas + surcharge; IRPF withholding is never subtracted.
        total_amount=invoice.subtotal + invoice.taxes_total + invoice.surcharge_total,
        previous=chain.previous_link(head),
        system=chain.software_system(settings, company.id),
        generated_at=now,
    )


def record_issue(
    session: Session, settings: Settings, company: Company, invoice: Invoice, *, new: bool
) -> VerifactuRecord:
    """Append the alta record of a just-numbered invoice to the company's chain.

    A `new` invoice is inserted here, between sealing the record and storing it: the record
    refers to the invoice row, and the invoice row carries the record's huella and QR.
    """
    head = chain.lock_head(session, company.id)
    record = registration_record(settings, company, invoice, head, generation_time(company))
    link = chain.seal_next(head, record, invoice.id, company.verifactu_environment)
    row = link.row
    invoice.verifactu_record_id = row.id
    invoice.verifactu_status = row.status
    invoice.verifactu_huella = row.huella
    invoice.verifactu_generated_at = row.generated_at
    invoice.qr_url = row.qr_url
    if new:
        insert_new(session, invoice)
    return chain.store(session, head, link)

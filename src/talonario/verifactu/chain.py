"""The record chain of a company: the only code that appends to it.

Appending locks the company's head row (FOR UPDATE on PostgreSQL; on SQLite the write
transaction already began with BEGIN IMMEDIATE), so records are chained one at a time, in the
same transaction as the invoice change that produced them.
"""

from sqlalchemy import select
from sqlalchemy.orm import Session

from talonario import __version__
from talonario.config import Settings
from talonario.kit.ids import new_id
from talonario.models import VerifactuChainHead, VerifactuRecord
from talonario.verifactu.formats import timestamp
from talonario.verifactu.hashing import seal
from talonario.verifactu.qr import record_validation_url
from talonario.verifactu.records import (
    CancellationRecord,
    InvoiceId,
    Party,
    PreviousRecord,
    RegistrationRecord,
    SoftwareSystem,
)
from talonario.verifactu.xml import record_document

ALTA = "alta"
ANULACION = "anulacion"


def create_head(session: Session, company_id: str) -> None:
    session.add(VerifactuChainHead(company_id=company_id, last_sequence=0))


def lock_head(session: Session, company_id: str) -> VerifactuChainHead:
    head = session.scalars(
        select(VerifactuChainHead)
        .where(VerifactuChainHead.company_id == company_id)
        .with_for_update()
    ).first()
    if head is None:
        head = VerifactuChainHead(company_id=company_id, last_sequence=0)
        session.add(head)
        session.flush()
    return head


def previous_link(head: VerifactuChainHead) -> PreviousRecord | None:
    if head.last_record_id is None:
        return None
    assert head.last_issuer_nif and head.last_invoice_number and head.last_issue_date
    assert head.last_huella
    invoice = InvoiceId(head.last_issuer_nif, head.last_invoice_number, head.last_issue_date)
    return PreviousRecord(invoice, head.last_huella)


def software_system(settings: Settings, company_id: str) -> SoftwareSystem:
    return SoftwareSystem(
        producer=Party(settings.sif_producer_name, nif=settings.sif_producer_nif),
        name=settings.sif_name,
        system_id=settings.sif_id,
        version=__version__,
        # One installation per company of a shared deployment.
        installation_number=company_id,
        only_verifactu=True,
        multi_taxpayer_capable=True,
        multiple_taxpayers=True,
    )


def append(
    session: Session,
    head: VerifactuChainHead,
    record: RegistrationRecord | CancellationRecord,
    invoice_id: str,
    environment: str,
) -> VerifactuRecord:
    """Seal `record` (already linked to the head), store it, and move the head onto it."""
    sealed = seal(record)
    qr_url = (
        record_validation_url(sealed, environment)
        if isinstance(sealed, RegistrationRecord)
        else None
    )
    row = VerifactuRecord(
        id=new_id(),
        company_id=head.company_id,
        invoice_id=invoice_id,
        sequence=head.last_sequence + 1,
        kind=ALTA if isinstance(sealed, RegistrationRecord) else ANULACION,
        invoice_number=sealed.invoice.number,
        invoice_issue_date=sealed.invoice.issue_date,
        huella=sealed.huella,
        previous_huella=head.last_huella,
        previous_record_id=head.last_record_id,
        generated_at=sealed.generated_at,
        generated_at_text=timestamp(sealed.generated_at),
        environment=environment,
        xml=record_document(sealed).decode(),
        qr_url=qr_url,
        status="pending",
    )
    session.add(row)
    head.last_record_id = row.id
    head.last_sequence = row.sequence
    head.last_huella = row.huella
    head.last_issuer_nif = sealed.invoice.issuer_nif
    head.last_invoice_number = sealed.invoice.number
    head.last_issue_date = sealed.invoice.issue_date
    return row

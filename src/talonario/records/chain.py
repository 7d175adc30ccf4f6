"""The record chains of a company: the only code that appends to them.

A company has a chain per SIF installation (AEAT chains per taxpayer and NumeroInstalacion):
its default installation's, whose last link is in the company's head row, and one per row of
`installations`, whose last link is in that row. Appending any record locks the company's head
row (FOR UPDATE on PostgreSQL; on SQLite the write transaction already began with BEGIN
IMMEDIATE), so a company's records are chained one at a time, in the same transaction as the
invoice change that produced them, and `sequence` counts all of them in one order.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from talonario.db.rows import stage_new
from talonario.db.txmemo import defer_together, remember, remembered
from talonario.errors import InvalidRequest
from talonario.kit.clock import utcnow
from talonario.kit.ids import new_id
from talonario.models import VerifactuRecord, VerifactuRecordDocument
from talonario.records import chain_repository
from talonario.verifactu.formats import timestamp
from talonario.verifactu.hashing import seal
from talonario.verifactu.qr import record_validation_url
from talonario.verifactu.records import (
    CancellationRecord,
    InvoiceId,
    PreviousRecord,
    RegistrationRecord,
)
from talonario.verifactu.signing import sign_enveloped
from talonario.verifactu.xml import record_document

ALTA = "alta"
ANULACION = "anulacion"
# A NO VERI*FACTU record: signed, kept, never claimed by the worker (not in WAITING).
KEPT = "kept"


@dataclass(frozen=True, slots=True)
class Signer:
    """The company's key and certificate chain (signer first): a record sealed with one is a
    NO VERI*FACTU record, XAdES-signed and kept."""

    key: Any
    chain: list[Any]


@dataclass(slots=True)
class Head:
    """The company's locked head, as plain values: its last `sequence` (of every chain) and
    the last link of its default installation's chain."""

    company_id: str
    last_record_id: str | None = None
    last_sequence: int = 0
    last_huella: str | None = None
    last_issuer_nif: str | None = None
    last_invoice_number: str | None = None
    last_issue_date: date | None = None


def create_head(session: Session, company_id: str) -> None:
    chain_repository.add_head(session, company_id)


def lock_head(session: Session, company_id: str) -> Head:
    """The company's head row, locked until the transaction ends (PostgreSQL FOR UPDATE; on
    SQLite the transaction already holds the database's write lock).

    Locked once per transaction: the Head is remembered (db/txmemo.py), and `store()` keeps it
    current, for the next record of the same transaction (group commit chains many)."""
    conn = session.connection()

    def locked() -> Head:
        row = chain_repository.lock_head_row(conn, company_id)
        if row is None:
            # Companies get their head when created; this covers rows older than the chain.
            chain_repository.insert_head_row(conn, company_id, utcnow())
            return Head(company_id)
        return _head_of(row)

    return remembered(session, _head_key(company_id), locked)


def _head_key(company_id: str) -> tuple[str, str]:
    return ("chain_head", company_id)


@dataclass(slots=True)
class InstallationHead:
    """The last link of another installation's chain, read under the company head's lock."""

    installation_id: str
    number: str  # NumeroInstalacion
    last_record_id: str | None = None
    last_huella: str | None = None
    last_issuer_nif: str | None = None
    last_invoice_number: str | None = None
    last_issue_date: date | None = None


# What a new record chains to: the company head (its default installation) or an installation.
Tip = Head | InstallationHead


def installation_number(tip: Tip) -> str:
    """NumeroInstalacion of the chain `tip` ends: the default installation's is the company id."""
    return tip.number if isinstance(tip, InstallationHead) else tip.company_id


class UnknownInstallation(InvalidRequest):
    """The installation is not the company's (issuing checks it before: a race or a bug)."""

    code = "installation_not_found"


def lock_installation(session: Session, company_id: str, installation_id: str) -> InstallationHead:
    """The installation's link, locked until the transaction ends. Call it after `lock_head`
    (the company head's lock is what serialises appends; this lock keeps the row as read)
    and before any series row. Remembered, and kept current by `store`, like the head."""

    def locked() -> InstallationHead:
        row = chain_repository.lock_installation_row(
            session.connection(), company_id, installation_id
        )
        if row is None:
            raise UnknownInstallation(f"No installation '{installation_id}'.", param="installation")
        return InstallationHead(
            row.id,
            row.installation_number,
            row.last_record_id,
            row.last_huella,
            row.last_issuer_nif,
            row.last_invoice_number,
            row.last_issue_date,
        )

    return remembered(session, ("installation_head", installation_id), locked)


def lock_heads(session: Session, company_ids: list[str]) -> None:
    """Lock the heads of several companies at once, in company order, and remember them for
    lock_head (group commit's batches: records/batch.py)."""
    rows = chain_repository.lock_head_rows(session.connection(), company_ids)
    remember(session, ((_head_key(row.company_id), _head_of(row)) for row in rows))


def _head_of(row: Any) -> Head:
    return Head(
        row.company_id,
        row.last_record_id,
        row.last_sequence,
        row.last_huella,
        row.last_issuer_nif,
        row.last_invoice_number,
        row.last_issue_date,
    )


def previous_link(head: Tip) -> PreviousRecord | None:
    if head.last_record_id is None:
        return None
    assert head.last_issuer_nif and head.last_invoice_number and head.last_issue_date
    assert head.last_huella
    invoice = InvoiceId(head.last_issuer_nif, head.last_invoice_number, head.last_issue_date)
    return PreviousRecord(invoice, head.last_huella)


@dataclass(frozen=True, slots=True)
class NextLink:
    row: VerifactuRecord
    document: VerifactuRecordDocument
    issuer_nif: str


def seal_next(
    head: Head,
    record: RegistrationRecord | CancellationRecord,
    invoice_id: str,
    environment: str,
    installation: InstallationHead | None = None,
    signer: Signer | None = None,
) -> NextLink:
    """Seal `record` (already linked to its chain's tip: `installation`, or the head for the
    default installation) into the row that will follow it, at the company's next sequence.
    With a `signer` (NO VERI*FACTU) the stored XML carries its XAdES signature, the record is
    kept (never remitted) and its QR is the NO VERI*FACTU one; the huella chain is the same.

    Pure: nothing is written until `store()`, so the caller can write what the row refers to
    (its invoice) first.
    """
    tip: Tip = installation or head
    sealed = seal(record)
    qr_url = (
        record_validation_url(sealed, environment, verifactu=signer is None)
        if isinstance(sealed, RegistrationRecord)
        else None
    )
    xml = record_document(sealed)
    if signer is not None:
        xml = sign_enveloped(xml, signer.key, signer.chain)
    row = VerifactuRecord(
        id=new_id(),
        company_id=head.company_id,
        invoice_id=invoice_id,
        installation_id=installation.installation_id if installation else None,
        sequence=head.last_sequence + 1,
        kind=ALTA if isinstance(sealed, RegistrationRecord) else ANULACION,
        invoice_number=sealed.invoice.number,
        invoice_issue_date=sealed.invoice.issue_date,
        huella=sealed.huella,
        previous_huella=tip.last_huella,
        previous_record_id=tip.last_record_id,
        generated_at=sealed.generated_at,
        generated_at_text=timestamp(sealed.generated_at),
        environment=environment,
        qr_url=qr_url,
        status="pending" if signer is None else KEPT,
    )
    document = VerifactuRecordDocument(
        record_id=row.id, company_id=head.company_id, xml=xml.decode()
    )
    return NextLink(row, document, sealed.invoice.issuer_nif)


def store(
    session: Session, head: Head, link: NextLink, installation: InstallationHead | None = None
) -> VerifactuRecord:
    """Insert the sealed row and its XML, and move the locked head (its sequence, and the link
    of the chain the row joined: the head's own, or `installation`'s) onto it.

    The writes wait for the commit (db/txmemo.py): a transaction that chains many records
    inserts them together and moves each head once, to where the last one left it."""
    row = link.row
    stage_new(session, row)
    stage_new(session, link.document)
    head.last_sequence = row.sequence
    tip: Tip = installation or head
    tip.last_record_id = row.id
    tip.last_huella = row.huella
    tip.last_issuer_nif = link.issuer_nif
    tip.last_invoice_number = row.invoice_number
    tip.last_issue_date = row.invoice_issue_date
    # The heads this transaction moved are written together, once, at its commit.
    defer_together(
        session, "move_heads", head.company_id, head, lambda heads: _move_heads(session, heads)
    )
    if installation is not None:
        defer_together(
            session,
            "move_installations",
            installation.installation_id,
            installation,
            lambda moved: _move_installations(session, moved),
        )
    return row


def _move_heads(session: Session, moved: list[Head]) -> None:
    now = utcnow()
    chain_repository.move_heads(
        session.connection(),
        [
            {
                "p_company_id": head.company_id,
                "p_record_id": head.last_record_id,
                "p_sequence": head.last_sequence,
                "p_huella": head.last_huella,
                "p_issuer_nif": head.last_issuer_nif,
                "p_invoice_number": head.last_invoice_number,
                "p_issue_date": head.last_issue_date,
                "p_updated_at": now,
            }
            for head in moved
        ],
    )


def _move_installations(session: Session, moved: list[InstallationHead]) -> None:
    chain_repository.move_installations(
        session.connection(),
        [
            {
                "p_installation_id": tip.installation_id,
                "p_record_id": tip.last_record_id,
                "p_huella": tip.last_huella,
                "p_issuer_nif": tip.last_issuer_nif,
                "p_invoice_number": tip.last_invoice_number,
                "p_issue_date": tip.last_issue_date,
            }
            for tip in moved
        ],
    )


def append(
    session: Session,
    head: Head,
    record: RegistrationRecord | CancellationRecord,
    invoice_id: str,
    environment: str,
    installation: InstallationHead | None = None,
    signer: Signer | None = None,
) -> VerifactuRecord:
    """Seal and store in one step, for records whose invoice row already exists."""
    link = seal_next(head, record, invoice_id, environment, installation, signer)
    return store(session, head, link, installation)

"""Reading the chain (all SQL about VERI*FACTU records outside the append path)."""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from talonario.db import Database
from talonario.db.repository import CompanyRepository
from talonario.errors import NotFound
from talonario.models import Company, VerifactuRecord
from talonario.verifactu.audit import StoredRecord
from talonario.verifactu.qr import qr_png as render_png


class RecordNotFound(NotFound):
    code = "verifactu_record_not_found"


def company(session: Session, company_id: str) -> Company:
    """The issuer, as a detached copy (the submission header names it)."""
    found = CompanyRepository(session, company_id).loaded()
    if found is None:
        raise NotFound(f"No company '{company_id}'.")
    return found


def _query(company_id: str) -> Any:
    return select(VerifactuRecord).where(VerifactuRecord.company_id == company_id)


def get(session: Session, company_id: str, record_id: str) -> VerifactuRecord:
    record = session.scalars(_query(company_id).where(VerifactuRecord.id == record_id)).first()
    if record is None:
        raise RecordNotFound(f"No VERI*FACTU record '{record_id}'.", param="record_id")
    return record


def of_invoice(session: Session, company_id: str, invoice_id: str) -> Sequence[VerifactuRecord]:
    stmt = _query(company_id).where(VerifactuRecord.invoice_id == invoice_id)
    return session.scalars(stmt.order_by(VerifactuRecord.sequence)).all()


def _sequence_after(session: Session, company_id: str, starting_after: str | None) -> int:
    """The position a cursor points at (0, the start, for none)."""
    if not starting_after:
        return 0
    after = session.scalar(
        select(VerifactuRecord.sequence).where(
            VerifactuRecord.company_id == company_id, VerifactuRecord.id == starting_after
        )
    )
    return after or 0


def list_chain(
    session: Session, company_id: str, limit: int, starting_after: str | None
) -> tuple[Sequence[VerifactuRecord], bool]:
    after = _sequence_after(session, company_id, starting_after)
    stmt = _query(company_id).where(VerifactuRecord.sequence > after)
    rows = session.scalars(stmt.order_by(VerifactuRecord.sequence).limit(limit + 1)).all()
    return rows[:limit], len(rows) > limit


@dataclass(frozen=True, slots=True)
class ChainPage:
    """A page of the chain by position: records first..last, and whether more follow."""

    first: int
    last: int
    last_id: str
    has_more: bool


def chain_page(
    session: Session, company_id: str, limit: int, starting_after: str | None
) -> ChainPage | None:
    """The same page `list_chain` gives, as positions only (no XML read), or None if empty."""
    after = _sequence_after(session, company_id, starting_after)
    rows = session.execute(
        select(VerifactuRecord.sequence, VerifactuRecord.id)
        .where(VerifactuRecord.company_id == company_id, VerifactuRecord.sequence > after)
        .order_by(VerifactuRecord.sequence)
        .limit(limit + 1)
    ).all()
    if not rows:
        return None
    shown = rows[:limit]
    return ChainPage(shown[0].sequence, shown[-1].sequence, shown[-1].id, len(rows) > limit)


def stored_xml(
    db: Database, company_id: str, first: int, last: int, batch: int = 100
) -> Iterator[list[str]]:
    """The stored XML of records first..last, in chain order, `batch` at a time: each batch in
    a short session of its own, so a slow reader holds no transaction open (records never
    change once stored, so the pages are consistent without one)."""
    start = first
    while start <= last:
        end = min(start + batch - 1, last)
        with db.read_session() as session:
            documents = list(
                session.scalars(
                    select(VerifactuRecord.xml)
                    .where(
                        VerifactuRecord.company_id == company_id,
                        VerifactuRecord.sequence >= start,
                        VerifactuRecord.sequence <= end,
                    )
                    .order_by(VerifactuRecord.sequence)
                )
            )
        yield documents
        start = end + 1


def stream_chain(session: Session, company_id: str, batch: int = 500) -> Iterator[StoredRecord]:
    columns = (
        VerifactuRecord.id,
        VerifactuRecord.sequence,
        VerifactuRecord.huella,
        VerifactuRecord.previous_huella,
        VerifactuRecord.xml,
    )
    last = 0
    while True:
        rows = session.execute(
            select(*columns)
            .where(VerifactuRecord.company_id == company_id, VerifactuRecord.sequence > last)
            .order_by(VerifactuRecord.sequence)
            .limit(batch)
        ).all()
        for row in rows:
            yield StoredRecord(*row)
        if len(rows) < batch:
            return
        last = rows[-1].sequence


def qr_png(db: Database, company_id: str, invoice_id: str) -> bytes:
    """The invoice's QR PNG: its latest alta's (an anulación has no QR, so a voided invoice
    keeps the one it was issued with). Rendered on first request, then kept (it never changes)."""
    with db.read_session() as session:
        record = session.execute(
            select(VerifactuRecord.id, VerifactuRecord.qr_png, VerifactuRecord.qr_url)
            .where(
                VerifactuRecord.company_id == company_id,
                VerifactuRecord.invoice_id == invoice_id,
                VerifactuRecord.qr_url.is_not(None),
            )
            .order_by(VerifactuRecord.sequence.desc())
            .limit(1)
        ).first()
    if record is None:
        raise RecordNotFound("The invoice has no record with a QR.", param="id")
    record_id, png, url = record
    if png is not None:
        return png
    assert url is not None  # the query asks for a record with one
    png = render_png(url)
    with db.write_session() as session:
        session.execute(
            update(VerifactuRecord)
            .where(VerifactuRecord.id == record_id, VerifactuRecord.qr_png.is_(None))
            .values(qr_png=png)
        )
        session.commit()
    return png


def present(record: VerifactuRecord) -> dict[str, Any]:
    return {
        "id": record.id,
        "object": "verifactu_record",
        "invoice": record.invoice_id,
        "sequence": record.sequence,
        "kind": record.kind,
        "invoice_number": record.invoice_number,
        "huella": record.huella,
        "previous_huella": record.previous_huella,
        "generated_at": record.generated_at_text,
        "environment": record.environment,
        "status": record.status,
        "qr_url": record.qr_url,
        "xml_url": f"/v1/verifactu/records/{record.id}.xml",
        "aeat": {
            "csv": record.aeat_csv,
            "code": record.aeat_code,
            "description": record.aeat_description,
            "submitted_at": record.submitted_at.isoformat() if record.submitted_at else None,
        },
    }

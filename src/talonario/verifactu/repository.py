"""Reading the chain (all SQL about VERI*FACTU records outside the append path)."""

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from talonario.db import Database
from talonario.errors import NotFound
from talonario.models import VerifactuRecord
from talonario.verifactu.audit import StoredRecord
from talonario.verifactu.qr import qr_png as render_png


class RecordNotFound(NotFound):
    code = "verifactu_record_not_found"


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


def list_chain(
    session: Session, company_id: str, limit: int, starting_after: str | None
) -> tuple[Sequence[VerifactuRecord], bool]:
    stmt = _query(company_id)
    if starting_after:
        after = session.scalar(
            select(VerifactuRecord.sequence).where(
                VerifactuRecord.company_id == company_id, VerifactuRecord.id == starting_after
            )
        )
        stmt = stmt.where(VerifactuRecord.sequence > (after or 0))
    rows = session.scalars(stmt.order_by(VerifactuRecord.sequence).limit(limit + 1)).all()
    return rows[:limit], len(rows) > limit


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


def qr_png(db: Database, company_id: str, record_id: str) -> bytes:
    """The record's QR PNG: rendered on first request, then kept (it never changes)."""
    with db.read_session() as session:
        record = get(session, company_id, record_id)
        png, url = record.qr_png, record.qr_url
    if png is not None:
        return png
    assert url is not None
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

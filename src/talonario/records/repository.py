"""Reading the chain: the SQL about a company's VERI*FACTU records outside the append path
(chain_repository.py) and remission's state (remission_repository.py)."""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, literal_column, update

from talonario.db import Database
from talonario.db.repository import Repository
from talonario.errors import NotFound
from talonario.models import VerifactuRecord, VerifactuRecordDocument
from talonario.models.verifactu import WAITING
from talonario.verifactu.audit import StoredRecord
from talonario.verifactu.qr import qr_png as render_png

__all__ = ["IS_WAITING", "WAITING", "RecordRepository"]

# The statuses as literals, not parameters: SQLite uses a partial index
# (ix_verifactu_records_waiting) only for a WHERE it can match to the index's own when the
# statement is prepared.
IS_WAITING = VerifactuRecord.status.in_([literal_column(f"'{status}'") for status in WAITING])


class RecordNotFound(NotFound):
    code = "verifactu_record_not_found"


@dataclass(frozen=True, slots=True)
class InChain:
    """Only the records of one installation's chain (`installation_id` None: the default's)."""

    installation_id: str | None

    def where(self, stmt: Select[Any]) -> Select[Any]:
        column = VerifactuRecord.installation_id
        if self.installation_id is None:
            return stmt.where(column.is_(None))
        return stmt.where(column == self.installation_id)


def _only(stmt: Select[Any], only: InChain | None) -> Select[Any]:
    return stmt if only is None else only.where(stmt)


@dataclass(frozen=True, slots=True)
class ChainPage:
    """A page of the chain by position: records first..last, and whether more follow."""

    first: int
    last: int
    last_id: str
    has_more: bool


class RecordRepository(Repository[VerifactuRecord]):
    model = VerifactuRecord

    def named(self, record_id: str) -> VerifactuRecord:
        """The record with this id, or RecordNotFound."""
        record = self.first(self.select().where(VerifactuRecord.id == record_id))
        if record is None:
            raise _not_found(record_id)
        return record

    def with_documents(self, *columns: Any) -> Select[Any]:
        """`select` of the company's records joined to their documents (XML, QR PNG), which
        `columns` may name."""
        return (
            self.select(*columns)
            .select_from(VerifactuRecord)
            .join(VerifactuRecordDocument, VerifactuRecordDocument.record_id == VerifactuRecord.id)
        )

    def xml_of(self, record_id: str) -> str:
        """The record's XML as sealed, or RecordNotFound."""
        xml = self.session.scalar(
            self.with_documents(VerifactuRecordDocument.xml).where(VerifactuRecord.id == record_id)
        )
        if xml is None:
            raise _not_found(record_id)
        return str(xml)

    def installation_of(self, record_id: str) -> str | None:
        """The installation whose chain holds the record (None: the default one)."""
        return self.session.scalar(
            self.select(VerifactuRecord.installation_id).where(VerifactuRecord.id == record_id)
        )

    def of_invoice(self, invoice_id: str) -> Sequence[VerifactuRecord]:
        stmt = self.select().where(VerifactuRecord.invoice_id == invoice_id)
        return self.all(stmt.order_by(VerifactuRecord.sequence))

    def stored_altas(self, invoice_id: str) -> int:
        """How many of the invoice's altas AEAT holds (accepted, with errors or not)."""
        found = self.session.scalar(
            self.select(func.count()).where(
                VerifactuRecord.invoice_id == invoice_id,
                VerifactuRecord.kind == "alta",
                VerifactuRecord.status.in_(("accepted", "accepted_with_errors")),
            )
        )
        return found or 0

    def waiting_count(self) -> int:
        """Records not yet answered by AEAT."""
        found = self.session.scalar(self.select(func.count()).where(IS_WAITING))
        return found or 0

    def next_batch(self, limit: int) -> list[VerifactuRecord]:
        """The first `limit` records waiting for AEAT, in chain order."""
        stmt = self.select().where(IS_WAITING)
        return list(self.all(stmt.order_by(VerifactuRecord.sequence).limit(limit)))

    def _sequence_after(self, starting_after: str | None) -> int:
        """The position a cursor points at (0, the start, for none)."""
        if not starting_after:
            return 0
        after = self.session.scalar(
            self.select(VerifactuRecord.sequence).where(VerifactuRecord.id == starting_after)
        )
        return after or 0

    def chain(
        self, limit: int, starting_after: str | None, only: InChain | None = None
    ) -> tuple[Sequence[VerifactuRecord], bool]:
        """A page of the records in order (of every chain, or `only` one's), first record
        first, and whether more follow."""
        after = self._sequence_after(starting_after)
        stmt = _only(self.select().where(VerifactuRecord.sequence > after), only)
        rows = self.all(stmt.order_by(VerifactuRecord.sequence).limit(limit + 1))
        return rows[:limit], len(rows) > limit

    def chain_page(
        self, limit: int, starting_after: str | None, only: InChain | None = None
    ) -> ChainPage | None:
        """The same page `chain` gives, as positions only (no XML read), or None if empty."""
        after = self._sequence_after(starting_after)
        stmt = self.select(VerifactuRecord.sequence, VerifactuRecord.id).where(
            VerifactuRecord.sequence > after
        )
        rows = self.session.execute(
            _only(stmt, only).order_by(VerifactuRecord.sequence).limit(limit + 1)
        ).all()
        if not rows:
            return None
        shown = rows[:limit]
        return ChainPage(shown[0].sequence, shown[-1].sequence, shown[-1].id, len(rows) > limit)

    def xml_between(self, first: int, last: int, only: InChain | None = None) -> list[str]:
        """The stored XML of records first..last (of `only` one chain's), in order."""
        stmt = self.with_documents(VerifactuRecordDocument.xml).where(
            VerifactuRecord.sequence >= first, VerifactuRecord.sequence <= last
        )
        return list(self.session.scalars(_only(stmt, only).order_by(VerifactuRecord.sequence)))

    def stream(self, batch: int = 500) -> Iterator[StoredRecord]:
        """Every record as the audit reads it, in order, `batch` rows per query."""
        columns = (
            VerifactuRecord.id,
            VerifactuRecord.sequence,
            VerifactuRecord.huella,
            VerifactuRecord.previous_huella,
            VerifactuRecordDocument.xml,
            VerifactuRecord.installation_id,
        )
        last = 0
        while True:
            rows = self.session.execute(
                self.with_documents(*columns)
                .where(VerifactuRecord.sequence > last)
                .order_by(VerifactuRecord.sequence)
                .limit(batch)
            ).all()
            for row in rows:
                yield StoredRecord(*row)
            if len(rows) < batch:
                return
            last = rows[-1].sequence

    def latest_qr(self, invoice_id: str) -> Any:
        """(id, qr_png, qr_url) of the invoice's latest record with a QR (its latest alta's: an
        anulación has none), or None."""
        return self.session.execute(
            self.with_documents(
                VerifactuRecord.id, VerifactuRecordDocument.qr_png, VerifactuRecord.qr_url
            )
            .where(
                VerifactuRecord.invoice_id == invoice_id,
                VerifactuRecord.qr_url.is_not(None),
            )
            .order_by(VerifactuRecord.sequence.desc())
            .limit(1)
        ).first()

    def keep_qr_png(self, record_id: str, png: bytes) -> None:
        """Store a rendered QR, unless another request stored it first."""
        self.session.execute(
            update(VerifactuRecordDocument)
            .where(
                VerifactuRecordDocument.company_id == self.company_id,
                VerifactuRecordDocument.record_id == record_id,
                VerifactuRecordDocument.qr_png.is_(None),
            )
            .values(qr_png=png)
        )


def _not_found(record_id: str) -> RecordNotFound:
    return RecordNotFound(f"No VERI*FACTU record '{record_id}'.", param="record_id")


def stored_xml(
    db: Database,
    company_id: str,
    first: int,
    last: int,
    batch: int = 100,
    only: InChain | None = None,
) -> Iterator[list[str]]:
    """The stored XML of records first..last (of `only` one chain's), in order, positions
    `batch` at a time: each batch in a short session of its own, so a slow reader holds no
    transaction open (records never change once stored, so the pages are consistent without
    one)."""
    start = first
    while start <= last:
        end = min(start + batch - 1, last)
        with db.read_session() as session:
            documents = RecordRepository(session, company_id).xml_between(start, end, only)
        yield documents
        start = end + 1


def qr_png(db: Database, company_id: str, invoice_id: str) -> bytes:
    """The invoice's QR PNG: its latest alta's (an anulación has no QR, so a voided invoice
    keeps the one it was issued with). Rendered on first request, then kept (it never changes)."""
    with db.read_session() as session:
        record = RecordRepository(session, company_id).latest_qr(invoice_id)
    if record is None:
        raise RecordNotFound("The invoice has no record with a QR.", param="id")
    record_id, png, url = record
    if png is not None:
        return png
    assert url is not None  # the query asks for a record with one
    png = render_png(url)
    with db.write_session() as session:
        RecordRepository(session, company_id).keep_qr_png(record_id, png)
        session.commit()
    return png

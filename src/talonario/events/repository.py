"""All the SQL of the event log: its head (locked to append), its events, and what a summary
reads of the company's billing records."""

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from talonario.db.repository import Repository
from talonario.models import (
    Company,
    VerifactuEvent,
    VerifactuEventHead,
    VerifactuRecord,
    VerifactuRecordDocument,
)
from talonario.verifactu.audit import StoredRecord

NO_VERIFACTU = "no_verifactu"
KEPT = "kept"  # a NO VERI*FACTU record's status (records/chain.py)


class EventRepository(Repository[VerifactuEvent]):
    model = VerifactuEvent
    noun = "event"

    def lock_head(self, now: datetime) -> VerifactuEventHead:
        """The company's event head row, locked until the transaction ends (FOR UPDATE on
        PostgreSQL; SQLite's write transaction already holds the database), created with the
        first event. Two first events at once: the second insert fails on the primary key
        (a 409/retry, never a fork)."""
        head = self.session.scalar(
            select(VerifactuEventHead)
            .where(VerifactuEventHead.company_id == self.company_id)
            .with_for_update()
        )
        if head is None:
            head = VerifactuEventHead(
                company_id=self.company_id,
                last_sequence=0,
                period_started_at=now,
                period_record_sequence=self.last_record_sequence(),
                period_event_sequence=0,
            )
            self.session.add(head)
            self.session.flush()
        return head

    def head(self) -> VerifactuEventHead | None:
        return self.session.get(VerifactuEventHead, self.company_id)

    def last_record_sequence(self) -> int:
        stmt = select(func.max(VerifactuRecord.sequence)).where(
            VerifactuRecord.company_id == self.company_id
        )
        return int(self.session.scalar(stmt) or 0)

    def counts_since(self, sequence: int) -> list[tuple[str, int]]:
        """Events after `sequence`, per TipoEvento."""
        stmt = (
            self.select(VerifactuEvent.event_type, func.count())
            .where(VerifactuEvent.sequence > sequence)
            .group_by(VerifactuEvent.event_type)
            .order_by(VerifactuEvent.event_type)
        )
        return [(str(t), int(n)) for t, n in self.session.execute(stmt)]

    def records_since(self, sequence: int, batch: int = 500) -> Iterator[Any]:
        """(sequence, kind, invoice_number, invoice_issue_date, huella, xml) of the company's
        billing records after `sequence`, in order."""
        while True:
            rows = self.session.execute(
                select(
                    VerifactuRecord.sequence,
                    VerifactuRecord.kind,
                    VerifactuRecord.invoice_number,
                    VerifactuRecord.invoice_issue_date,
                    VerifactuRecord.huella,
                    VerifactuRecordDocument.xml,
                )
                .join(
                    VerifactuRecordDocument, VerifactuRecordDocument.record_id == VerifactuRecord.id
                )
                .where(VerifactuRecord.company_id == self.company_id)
                .where(VerifactuRecord.sequence > sequence)
                .order_by(VerifactuRecord.sequence)
                .limit(batch)
            ).all()
            yield from rows
            if len(rows) < batch:
                return
            sequence = rows[-1].sequence

    def last_event_sequence(self) -> int:
        """The highest chain position among the company's events (0: none)."""
        return int(self.session.scalar(self.select(func.max(VerifactuEvent.sequence))) or 0)

    def stored_records(self, after: int, upto: int, limit: int) -> list[tuple[StoredRecord, bool]]:
        """One page of the company's billing records as the audit reads them: up to `limit`
        at chain positions after `after` and up to `upto`, in order, each with whether it is
        a NO VERI*FACTU record (status `kept`, which must carry its signature)."""
        rows = self.session.execute(
            select(
                VerifactuRecord.id,
                VerifactuRecord.sequence,
                VerifactuRecord.huella,
                VerifactuRecord.previous_huella,
                VerifactuRecordDocument.xml,
                VerifactuRecord.installation_id,
                VerifactuRecord.status,
            )
            .join(
                VerifactuRecordDocument,
                VerifactuRecordDocument.record_id == VerifactuRecord.id,
            )
            .where(VerifactuRecord.company_id == self.company_id)
            .where(VerifactuRecord.sequence > after, VerifactuRecord.sequence <= upto)
            .order_by(VerifactuRecord.sequence)
            .limit(limit)
        ).all()
        return [(StoredRecord(*row[:6]), row.status == KEPT) for row in rows]

    def last_of_type(self, event_type: str) -> datetime | None:
        """When the company's latest event of this TipoEvento was generated."""
        return self.session.scalar(
            self.select(func.max(VerifactuEvent.generated_at)).where(
                VerifactuEvent.event_type == event_type
            )
        )

    def record_identity(self, record_id: str) -> Any:
        """(invoice_number, invoice_issue_date) of one of the company's records, or None."""
        return self.session.execute(
            select(VerifactuRecord.invoice_number, VerifactuRecord.invoice_issue_date).where(
                VerifactuRecord.company_id == self.company_id, VerifactuRecord.id == record_id
            )
        ).first()

    def stream(self, batch: int = 500, after: int = 0) -> Iterator[VerifactuEvent]:
        """Every event of the company in chain order (after position `after`), `batch` rows
        per query."""
        last = after
        while True:
            rows = self.events_after(last, None, batch)
            yield from rows
            if len(rows) < batch:
                return
            last = rows[-1].sequence

    def events_after(self, after: int, upto: int | None, limit: int) -> Sequence[VerifactuEvent]:
        """Up to `limit` events at chain positions after `after` (and up to `upto`), in order."""
        stmt = self.select().where(VerifactuEvent.sequence > after)
        if upto is not None:
            stmt = stmt.where(VerifactuEvent.sequence <= upto)
        return self.all(stmt.order_by(VerifactuEvent.sequence).limit(limit))

    def chain(self, limit: int, starting_after: str | None) -> tuple[Sequence[Any], bool]:
        """One page of the event chain, first event first."""
        return self.page(self.select(), limit, starting_after, ascending=True)

    def xml_of(self, event_id: str) -> str | None:
        return self.session.scalar(
            self.select(VerifactuEvent.xml).where(VerifactuEvent.id == event_id)
        )


def certificate_of(session: Any, company_id: str) -> Any:
    """The company's stored certificate (certificate_p12, certificate_password), encrypted."""
    return session.execute(
        select(Company.certificate_p12, Company.certificate_password).where(
            Company.id == company_id
        )
    ).first()


def companies_in_no_verifactu(session: Any) -> list[str]:
    """Across companies (the worker's scan): the ids of those in NO VERI*FACTU mode."""
    stmt = select(Company.id).where(Company.verifactu_mode == NO_VERIFACTU).order_by(Company.id)
    return list(session.scalars(stmt))


def summaries_due(session: Any, before: datetime | None = None) -> list[str]:
    """Across companies (the worker's scan): NO VERI*FACTU companies whose summary period began
    at or before `before` (None: every one, as before a shutdown)."""
    stmt = (
        select(Company.id)
        .join(VerifactuEventHead, VerifactuEventHead.company_id == Company.id)
        .where(Company.verifactu_mode == NO_VERIFACTU)
        .order_by(Company.id)
    )
    if before is not None:
        stmt = stmt.where(VerifactuEventHead.period_started_at <= before)
    return list(session.scalars(stmt))

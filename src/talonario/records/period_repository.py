"""The SQL of a period's records (exports and AEAT requirements, records/exports.py and
records/requirements.py) and of the rows that log them."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func

from talonario.db.repository import Repository
from talonario.models import VerifactuEvent, VerifactuExport, VerifactuRecord, VerifactuRequirement


@dataclass(frozen=True, slots=True)
class Span:
    """The records generated in a period, as chain positions: first..last, `count` of them."""

    first: int
    last: int
    count: int
    first_huella: str
    last_huella: str


class PeriodRepository(Repository[VerifactuRecord]):
    model = VerifactuRecord

    def span(self, start: datetime, end: datetime) -> Span | None:
        """The records generated in [start, end) (of every installation's chain), or None.
        Records are generated in chain order, so they are the positions first..last."""
        first, last, count = self.session.execute(
            self.select(
                func.min(VerifactuRecord.sequence),
                func.max(VerifactuRecord.sequence),
                func.count(),
            ).where(VerifactuRecord.generated_at >= start, VerifactuRecord.generated_at < end)
        ).one()
        if not count:
            return None
        huellas: dict[int, str] = dict(
            self.session.execute(
                self.select(VerifactuRecord.sequence, VerifactuRecord.huella).where(
                    VerifactuRecord.sequence.in_((first, last))
                )
            ).all()
        )
        return Span(first, last, count, huellas[first], huellas[last])


class EventPeriodRepository(Repository[VerifactuEvent]):
    """The event log's side of an export (records/event_exports.py); events/ appends it."""

    model = VerifactuEvent

    def span(self, start: datetime, end: datetime) -> Span | None:
        """The events generated in [start, end), as positions of the company's event chain."""
        first, last, count = self.session.execute(
            self.select(
                func.min(VerifactuEvent.sequence),
                func.max(VerifactuEvent.sequence),
                func.count(),
            ).where(VerifactuEvent.generated_at >= start, VerifactuEvent.generated_at < end)
        ).one()
        if not count:
            return None
        huellas: dict[int, str] = dict(
            self.session.execute(
                self.select(VerifactuEvent.sequence, VerifactuEvent.huella).where(
                    VerifactuEvent.sequence.in_((first, last))
                )
            ).all()
        )
        return Span(first, last, count, huellas[first], huellas[last])

    def between(self, first: int, last: int) -> list[Any]:
        """(sequence, event_type, generated_at_text, huella, xml) of events first..last."""
        return list(
            self.session.execute(
                self.select(
                    VerifactuEvent.sequence,
                    VerifactuEvent.event_type,
                    VerifactuEvent.generated_at_text,
                    VerifactuEvent.huella,
                    VerifactuEvent.xml,
                )
                .where(VerifactuEvent.sequence >= first, VerifactuEvent.sequence <= last)
                .order_by(VerifactuEvent.sequence)
            ).all()
        )


class RequirementRepository(Repository[VerifactuRequirement]):
    model = VerifactuRequirement

    def listed(
        self, limit: int, starting_after: str | None
    ) -> tuple[Sequence[VerifactuRequirement], bool]:
        return self.page(self.select(), limit, starting_after)


class ExportRepository(Repository[VerifactuExport]):
    model = VerifactuExport

    def completed(
        self, export_id: str, records: int, files: int, sha256: str, at: datetime
    ) -> None:
        """The stream of an export ended: what it held, and its manifest's SHA-256."""
        self.session.execute(
            self.update()
            .where(VerifactuExport.id == export_id)
            .values(records=records, files=files, manifest_sha256=sha256, completed_at=at)
        )

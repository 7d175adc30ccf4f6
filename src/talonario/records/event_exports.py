"""Exports of the event log (GET /v1/verifactu/export?kind=events): the events a company in NO
VERI*FACTU generated in a period, for an inspector or a backup.

A ZIP, streamed: `events/000001.xml`, ... one file per event, its RegistroEvento exactly as
stored and signed (EventosSIF.xsd has no document holding several), named by its position in
the company's event chain; then `manifest.json`: the company, the period, the count of events
and of each TipoEvento, the first and last HuellaEvento, and each file's type, huella, size and
SHA-256. Read in short read sessions while streaming; logged in verifactu_exports and, as
event 09 (ExportacionRegEventoPeriodo), in the event log itself when the stream ends.
"""

import hashlib
import json
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from talonario.db import Database
from talonario.events.service import events_exported
from talonario.kit.zipstream import Sink
from talonario.records.exports import MANIFEST, Export, bounds, complete, manifest_head, windows
from talonario.records.period_repository import EventPeriodRepository, Span
from talonario.verifactu.events import EventRef, EventsExported, EventType

BATCH = 100  # events per read session


def span_of(db: Database, company_id: str, start: date, end: date) -> Span | None:
    with db.read_session() as session:
        return EventPeriodRepository(session, company_id).span(*bounds(start, end))


@dataclass
class EventsExport(Export):
    refs: list[EventRef] = field(default_factory=list)  # the first and the last

    def stream(self) -> Iterator[bytes]:
        sink = Sink()
        deflated = zipfile.ZIP_DEFLATED
        with zipfile.ZipFile(sink, "w", compression=deflated) as archive:  # type: ignore[call-overload]
            for row in self._events():
                name = f"events/{row.sequence:06d}.xml"
                data = row.xml.encode("utf-8")
                archive.writestr(name, data)
                self.files.append(
                    {
                        "name": name,
                        "schema": "EventosSIF.xsd",
                        "sequence": row.sequence,
                        "event_type": row.event_type,
                        "generated_at": row.generated_at_text,
                        "huella": row.huella,
                        "bytes": len(data),
                        "sha256": hashlib.sha256(data).hexdigest(),
                    }
                )
                ref = EventRef(
                    EventType(row.event_type),
                    datetime.fromisoformat(row.generated_at_text),
                    row.huella,
                )
                self.refs = [self.refs[0] if self.refs else ref, ref]
                yield sink.take()
            manifest = self._manifest()
            archive.writestr(MANIFEST, manifest)
        yield sink.take()
        log = None
        if self.refs:
            begins, ends = bounds(self.start, self.end)
            details = EventsExported(
                start=begins,
                end=ends - timedelta(seconds=1),
                first=self.refs[0],
                last=self.refs[-1],
                count=len(self.files),
            )
            note = f"export {self.export_id}"
            log = lambda s: events_exported(  # noqa: E731
                s, self.settings, self.company, details, note=note
            )
        counts = (len(self.files), len(self.files))
        complete(self.db, self.company, self.export_id, counts, manifest, log)

    def _events(self) -> Iterator[Any]:
        if self.span is None:
            return
        for first, last in windows(self.span, BATCH):
            with self.db.read_session() as session:
                rows = EventPeriodRepository(session, self.company.id).between(first, last)
            yield from rows

    def _manifest(self) -> bytes:
        head = manifest_head(
            "events", self.export_id, self.company, self.start, self.end,
            "FechaHoraHusoGenEvento",
        )  # fmt: skip
        manifest = head | {
            "events": len(self.files),
            "by_type": dict(sorted(Counter(f["event_type"] for f in self.files).items())),
            "first_huella": self.files[0]["huella"] if self.files else None,
            "last_huella": self.files[-1]["huella"] if self.files else None,
            "files": self.files,
        }
        return json.dumps(manifest, indent=2, ensure_ascii=False).encode("utf-8") + b"\n"

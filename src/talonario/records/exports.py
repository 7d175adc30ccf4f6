"""Exports of a period (GET /v1/verifactu/export): what a company hands an inspector, or keeps
as a backup, of the records it generated between two days.

The export is a ZIP streamed as it is read:

* `records-0001.xml`, `records-0002.xml`, ...: the records generated in the period, in chain
  order, as AEAT RegFactuSistemaFacturacion documents (SuministroLR.xsd) of up to 1,000
  RegistroFactura each, exactly as `GET /v1/verifactu/records?format=xml` gives them: the
  stored text of each record, its huella and chain links untouched, the Cabecera naming the
  company as ObligadoEmision (no RemisionVoluntaria: an export is not a remission).
* `manifest.json`, last: the company, the period, the counts (records, altas, anulaciones),
  the first and last huella, and for each file its name, counts, first and last huella,
  size and SHA-256, so whoever receives the ZIP can check that nothing was changed or left out.

A period is whole days in Spain's peninsular time (Europe/Madrid, the zone of
FechaHoraHusoGenRegistro as Talonario writes it), `from` and `to` included, by when each record
was generated. Records are read in short read sessions while the ZIP streams (as the XML pages
of the records list are), so a slow download holds no transaction. Each export is logged in
verifactu_exports, completed with its manifest's SHA-256 when the stream ends; for a company
in NO VERI*FACTU, an export that held records is also the event 08 of its event log
(ExportacionRegFacturacionPeriodo: the period, first and last record, counts and sums),
appended when the stream ends, since only then is it known what was handed over.
"""

import hashlib
import json
import re
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from talonario.db import Database
from talonario.errors import InvalidRequest
from talonario.events import service as events
from talonario.kit.clock import utcnow
from talonario.kit.zipstream import Sink
from talonario.models import Company, VerifactuExport
from talonario.records.period_repository import ExportRepository, PeriodRepository, Span
from talonario.records.repository import stored_xml
from talonario.verifactu.events import RecordRef, RecordsExported
from talonario.verifactu.records import InvoiceId, Party, SubmissionHeader
from talonario.verifactu.xml import MAX_RECORDS, stored_submission_parts

ZONE = ZoneInfo("Europe/Madrid")
FORMAT = "talonario.verifactu.export/1"
MANIFEST = "manifest.json"
DOCUMENT_RECORDS = MAX_RECORDS  # RegistroFactura per document (AEAT's limit; tests lower it)
_HUELLA = re.compile(r"<sf:Huella>([^<]*)</sf:Huella>")
_CUOTA = re.compile(r"<sf:CuotaTotal>([^<]*)</sf:CuotaTotal>")
_IMPORTE = re.compile(r"<sf:ImporteTotal>([^<]*)</sf:ImporteTotal>")


def _amount(found: re.Match[str] | None) -> Decimal:
    return Decimal(found.group(1)) if found else Decimal(0)


def check_period(start: date, end: date) -> None:
    """A 422 naming `to` unless start..end is a period whose days can be counted to their end."""
    if end < start:
        raise InvalidRequest("to: the period ends before it starts.", param="to")
    if end >= date.max:
        raise InvalidRequest("to: at most 9999-12-30.", param="to")


def bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """The instants [start 00:00, end + 1 day 00:00) in Spain's peninsular time."""
    return (
        datetime.combine(start, time(), ZONE),
        datetime.combine(end + timedelta(days=1), time(), ZONE),
    )


def span_of(db: Database, company_id: str, start: date, end: date) -> Span | None:
    with db.read_session() as session:
        return PeriodRepository(session, company_id).span(*bounds(start, end))


def windows(span: Span, size: int | None = None) -> Iterator[tuple[int, int]]:
    """The chain positions of each document: at most 1,000 records (AEAT's limit) each, or
    `size`."""
    size = size or DOCUMENT_RECORDS
    first = span.first
    while first <= span.last:
        last = min(first + size - 1, span.last)
        yield first, last
        first = last + 1


def manifest_head(
    kind: str, export_id: str, company: Company, start: date, end: date, by: str
) -> dict[str, Any]:
    """What every manifest says first: what was exported, of whom, for which period (`by`:
    the timestamp element the period is read on)."""
    return {
        "format": FORMAT,
        "kind": kind,
        "export_id": export_id,
        "created_at": utcnow().isoformat(timespec="seconds"),
        "company": {"nif": company.nif, "legal_name": company.legal_name},
        "period": {
            "from": start.isoformat(),
            "to": end.isoformat(),
            "timezone": "Europe/Madrid",
            "by": by,
        },
    }


def complete(
    db: Database,
    company: Company,
    export_id: str,
    counts: tuple[int, int],
    manifest: bytes,
    log: Callable[[Session], object] | None,
) -> None:
    """When the stream ends: the log row completed with (items, files) and the manifest's
    SHA-256, and the export's event (`log`, if any) appended, in one transaction."""
    with db.write_session() as session:
        ExportRepository(session, company.id).completed(
            export_id, *counts, hashlib.sha256(manifest).hexdigest(), utcnow()
        )
        if log is not None:
            log(session)
        session.commit()


def begin(
    db: Database, company_id: str, kind: str, start: date, end: date, span: Span | None
) -> str:
    """Log the export (its counts as known before streaming); the log row's id."""
    row = VerifactuExport(
        company_id=company_id,
        kind=kind,
        period_from=start,
        period_to=end,
        records=span.count if span else 0,
        files=0,
        first_huella=span.first_huella if span else None,
        last_huella=span.last_huella if span else None,
    )
    with db.write_session() as session:
        ExportRepository(session, company_id).add(row)
        session.commit()
        return row.id


def records_exported(start: date, end: date, tally: "_Tally") -> RecordsExported | None:
    """The DatosPropiosEvento of the export's event 08 (ExportacionRegFacturacionPeriodo), or
    None when it held no record (the event names its first and last)."""
    if tally.first_document is None or tally.last_document is None:
        return None
    begins, ends = bounds(start, end)
    return RecordsExported(
        start=begins,
        end=ends - timedelta(seconds=1),
        first=_record_ref(tally.first_document),
        last=_record_ref(tally.last_document),
        altas=tally.altas,
        total_tax=tally.total_tax,
        total_amount=tally.total_amount,
        anulaciones=tally.anulaciones,
    )


def _record_ref(document: str) -> RecordRef:
    """The invoice and huella of a stored record (IDFactura of an alta, the ...Anulada fields
    of an anulación: the first of each in the document, RegistroAnterior's come later)."""

    def first(tag: str) -> str:
        found = re.search(f"<sf:{tag}(?:Anulada)?>([^<]*)</sf:{tag}(?:Anulada)?>", document)
        assert found is not None, tag
        return found.group(1)

    day, month, year = first("FechaExpedicionFactura").split("-")
    invoice = InvoiceId(
        first("IDEmisorFactura"), first("NumSerieFactura"), date(int(year), int(month), int(day))
    )
    return RecordRef(invoice, _HUELLA.findall(document)[-1])


@dataclass
class _Tally:
    records: int = 0
    altas: int = 0
    anulaciones: int = 0
    first_huella: str | None = None
    last_huella: str | None = None
    total_tax: Decimal = Decimal(0)  # the altas' CuotaTotal
    total_amount: Decimal = Decimal(0)  # the altas' ImporteTotal
    first_document: str | None = None
    last_document: str | None = None

    def add(self, document: str) -> None:
        self.records += 1
        if "<sf:RegistroAnulacion" in document[:200]:
            self.anulaciones += 1
        else:
            self.altas += 1
            self.total_tax += _amount(_CUOTA.search(document))
            self.total_amount += _amount(_IMPORTE.search(document))
        if self.first_document is None:
            self.first_document = document
        self.last_document = document
        # The record's own Huella is its last one (RegistroAnterior's comes before it).
        found = _HUELLA.findall(document)
        huella = found[-1] if found else None
        if self.first_huella is None:
            self.first_huella = huella
        self.last_huella = huella


@dataclass
class Export:
    """One export being streamed: of whom, which period and chain positions, its log row, and
    the files written so far (for the manifest)."""

    db: Database
    settings: Any
    company: Company
    start: date
    end: date
    span: Span | None
    export_id: str
    files: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class RecordsExport(Export):
    def stream(self) -> Iterator[bytes]:
        """The ZIP, piece by piece; the log row completed at its end."""
        sink = Sink()
        total = _Tally()
        deflated = zipfile.ZIP_DEFLATED
        with zipfile.ZipFile(sink, "w", compression=deflated) as archive:  # type: ignore[call-overload]
            if self.span is not None:
                for number, (first, last) in enumerate(windows(self.span), start=1):
                    name = f"records-{number:04d}.xml"
                    yield from self._file(archive, sink, name, first, last, total)
            manifest = self._manifest(total)
            archive.writestr(MANIFEST, manifest)
        yield sink.take()
        details = records_exported(self.start, self.end, total)
        # The event log's 08 (written in NO VERI*FACTU only: log_event decides).
        log = None
        if details is not None:
            note = f"export {self.export_id}"
            log = lambda s: events.records_exported(  # noqa: E731
                s, self.settings, self.company, details, note=note
            )
        counts = (total.records, len(self.files))
        complete(self.db, self.company, self.export_id, counts, manifest, log)

    def _file(
        self,
        archive: zipfile.ZipFile,
        sink: Sink,
        name: str,
        first: int,
        last: int,
        total: _Tally,
    ) -> Iterator[bytes]:
        tally = _Tally()
        digest = hashlib.sha256()
        size = 0
        header = SubmissionHeader(taxpayer=Party(self.company.legal_name, nif=self.company.nif))
        with archive.open(name, "w") as entry:
            for part in stored_submission_parts(header, self._pages(first, last, tally, total)):
                entry.write(part)
                digest.update(part)
                size += len(part)
                yield sink.take()
        self.files.append(
            {
                "name": name,
                "schema": "SuministroLR.xsd",
                "records": tally.records,
                "altas": tally.altas,
                "anulaciones": tally.anulaciones,
                "first_huella": tally.first_huella,
                "last_huella": tally.last_huella,
                "bytes": size,
                "sha256": digest.hexdigest(),
            }
        )

    def _pages(
        self, first: int, last: int, tally: _Tally, total: _Tally
    ) -> Iterator[Sequence[str]]:
        for documents in stored_xml(self.db, self.company.id, first, last):
            for document in documents:
                tally.add(document)
                total.add(document)
            yield documents

    def _manifest(self, total: _Tally) -> bytes:
        head = manifest_head(
            "records", self.export_id, self.company, self.start, self.end,
            "FechaHoraHusoGenRegistro",
        )  # fmt: skip
        manifest = head | {
            "records": total.records,
            "altas": total.altas,
            "anulaciones": total.anulaciones,
            "first_huella": total.first_huella,
            "last_huella": total.last_huella,
            "files": self.files,
        }
        return json.dumps(manifest, indent=2, ensure_ascii=False).encode("utf-8") + b"\n"

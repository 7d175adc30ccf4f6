"""Seeding a long chain fast, straight into the database (bench only: the API would take hours).

One invoice goes through the real issue path (prepare + number + chain) in a transaction that
is rolled back: it gives the invoice row and the registration record every seeded one copies.
Each seeded record is then the real thing: the template record with its own number, its link
to the record before and its generation time, sealed (huella), rendered (the stored XML) and
given its QR URL by the pure library, as records/chain.py does. Invoices and records go in by
bulk insert, in chunks, from a writer thread while the next chunk is sealed (sqlite3 and
psycopg release the GIL while the database works). At the end the chain head and the series'
next number move to the last record, as issuing would have left them, so the API continues the
chain and GET /v1/verifactu/chain/verify passes over it.
"""

import copy
import os
import queue
import random
import threading
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Table, update
from sqlalchemy.orm import Session
from tests.fixtures.factories import create_company, invoice_body

from talonario.companies import service as companies
from talonario.config import Settings
from talonario.db import Database, create_database
from talonario.invoices import service as invoices
from talonario.invoices.schemas import InvoiceCreate
from talonario.kit.clock import utcnow
from talonario.kit.jsonenc import dumps_stored
from talonario.models import (
    Company,
    Invoice,
    Series,
    VerifactuChainHead,
    VerifactuRecord,
    VerifactuRecordDocument,
)
from talonario.models.base import table_of
from talonario.records import chain, service
from talonario.series.numbering import render
from talonario.verifactu.formats import timestamp
from talonario.verifactu.hashing import seal
from talonario.verifactu.qr import record_validation_url
from talonario.verifactu.records import InvoiceId, PreviousRecord, RegistrationRecord
from talonario.verifactu.xml import record_document

CHUNK = 2_000
PROGRESS = 100_000  # a line on the console every so many records
_RANDOM = random.Random(int.from_bytes(os.urandom(16)))


class Ids:
    """UUIDv7 ids (as kit.ids makes them: time-ordered) from a seeded PRNG: os.urandom per id
    costs ~0.2 ms on this VM, more than sealing the record. Ids are only unique handles."""

    def __init__(self) -> None:
        self.last_ms = 0
        self.counter = 0

    def at(self, when: datetime) -> str:
        ms = int(when.timestamp() * 1000)
        if ms <= self.last_ms:
            ms, self.counter = self.last_ms, self.counter + 1
        else:
            self.last_ms, self.counter = ms, _RANDOM.getrandbits(8)
        if self.counter >= 1 << 12:  # rand_a exhausted within one millisecond: move on one
            self.last_ms, self.counter = self.last_ms + 1, 0
            ms = self.last_ms
        value = (ms << 80) | (0x7 << 76) | (self.counter << 64) | (0b10 << 62)
        value |= _RANDOM.getrandbits(62)
        h = f"{value:032x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


INVOICES = table_of(Invoice)
RECORDS = table_of(VerifactuRecord)
DOCUMENTS = table_of(VerifactuRecordDocument)


@dataclass(frozen=True)
class Seeded:
    company_id: str
    key: str
    records: int
    seconds: float
    last_huella: str | None

    @property
    def rate(self) -> float:
        return self.records / self.seconds if self.seconds else 0.0


@dataclass(frozen=True)
class Template:
    company: Company
    invoice: dict[str, Any]
    record: RegistrationRecord
    series_format: str
    series_code: str
    series_id: str


def template(db: Database, settings: Settings, company_id: str) -> Template:
    """The 3-line invoice of the API bench, issued through the service and rolled back."""
    body = InvoiceCreate(**invoice_body(issue=True))
    with db.read_session() as session:
        company = companies.load(session, company_id)
        draft = invoices.prepare(session, company, body, utcnow().date())
    with db.write_session() as session:
        invoices.save_new(session, settings, company, draft, True)
        series = session.get(Series, draft.series_id)
        assert series is not None
        head = chain.Head(company_id)
        record = service.registration_record(settings, company, draft, head, utcnow())
        row = {c.key: getattr(draft, a) for a, c in _columns(Invoice)}
        found = Template(company, row, record, series.format, series.code, series.id)
        session.rollback()
    return found


def relinked(
    base: RegistrationRecord,
    invoice: InvoiceId,
    previous: PreviousRecord | None,
    generated: datetime,
) -> RegistrationRecord:
    """The template record with another invoice, link and time: dataclasses.replace would run
    every field's validation again for the fields that do not change (half the sealing cost)."""
    record = copy.copy(base)
    object.__setattr__(record, "invoice", invoice)
    object.__setattr__(record, "previous", previous)
    object.__setattr__(record, "generated_at", generated)
    return record


def _columns(model: type[Any]) -> list[tuple[str, Any]]:
    mapper = model.__mapper__
    return [(attr.key, attr.columns[0]) for attr in mapper.column_attrs]


class Rows:
    """A table's rows as the driver takes them: the template's values bound once (JSON, money),
    and per row only the columns that vary, through their column types' bind processors."""

    def __init__(self, table: Table, dialect: Any, constant: dict[str, Any], varying: list[str]):
        self.table = table
        self.names = [c.name for c in table.columns]
        # PostgreSQL takes COPY text: every value is written as its text once here.
        self.text = dialect.name == "postgresql"
        bound = {name: _bind(table.c[name], dialect, constant.get(name)) for name in self.names}
        self.base = [self._out(bound[name]) for name in self.names]
        self.varying = [
            (self.names.index(name), _processor(table.c[name], dialect)) for name in varying
        ]

    def _out(self, value: Any) -> Any:
        return copy_text(value) if self.text else value

    def row(self, *values: Any) -> list[Any]:
        out = self.base.copy()
        done: dict[tuple[int, int], Any] = {}  # one time goes into several columns: once
        for (index, processor), value in zip(self.varying, values, strict=True):
            key = (id(processor), id(value))
            if key not in done:
                bound = processor(value) if processor is not None and value is not None else value
                done[key] = self._out(bound)
            out[index] = done[key]
        return out

    def sql(self, is_sqlite: bool) -> str:
        columns = ", ".join(f'"{name}"' for name in self.names)
        if is_sqlite:
            marks = ", ".join("?" for _ in self.names)
            return f"INSERT INTO {self.table.name} ({columns}) VALUES ({marks})"
        return f"COPY {self.table.name} ({columns}) FROM STDIN"


_ESCAPES = str.maketrans({"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def copy_text(value: Any) -> str:
    """A value in PostgreSQL's COPY text format (psycopg's write_row, in pure Python here,
    would cost more than sealing the record)."""
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, str):
        return value.translate(_ESCAPES)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (int, Decimal)):
        return str(value)
    if hasattr(value, "obj"):  # psycopg's Json / Jsonb wrapper, as the JSON columns bind
        return dumps_stored(value.obj).translate(_ESCAPES)
    raise TypeError(f"no COPY text for {type(value).__name__}")


def _processor(column: Any, dialect: Any) -> Any:
    """The column type's bind processor as this dialect runs it (Money is text on SQLite)."""
    return column.type.dialect_impl(dialect).bind_processor(dialect)


def _bind(column: Any, dialect: Any, value: Any) -> Any:
    processor = _processor(column, dialect)
    return processor(value) if processor is not None and value is not None else value


Chunk = tuple[list[list[Any]], list[list[Any]], list[list[Any]]]


class Writer(threading.Thread):
    """Inserts the chunks it is handed, in order, one transaction per chunk: executemany on
    SQLite, COPY on PostgreSQL."""

    def __init__(self, db: Database, invoices: Rows, records: Rows, documents: Rows) -> None:
        super().__init__(daemon=True, name="seed-writer")
        self.db = db
        self.tables = (invoices, records, documents)
        self.chunks: queue.Queue[Chunk | None] = queue.Queue(maxsize=2)
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            with self.db.write_engine.connect() as conn:
                _fast_load(conn, self.db.is_sqlite)
                while (chunk := self.chunks.get()) is not None:
                    if not conn.in_transaction():  # COPY goes round SQLAlchemy: begin here
                        conn.begin()
                    for rows, table in zip(chunk, self.tables, strict=True):
                        self._write(conn, table, rows)
                    conn.commit()
        except BaseException as exc:  # reported by the producer, which would wait forever
            self.error = exc
            while self.chunks.get() is not None:
                pass

    def _write(self, conn: Connection, table: Rows, rows: list[list[Any]]) -> None:
        sql = table.sql(self.db.is_sqlite)
        if self.db.is_sqlite:
            conn.exec_driver_sql(sql, [tuple(r) for r in rows])
            return
        raw = conn.connection.driver_connection
        assert raw is not None
        data = "".join("\t".join(r) + "\n" for r in rows).encode()
        with raw.cursor() as cursor, cursor.copy(sql) as copy:
            copy.write(data)

    def put(self, chunk: Chunk | None) -> None:
        if self.error is not None:
            raise RuntimeError(f"seed writer failed: {self.error!r}") from self.error
        self.chunks.put(chunk)


def _fast_load(conn: Connection, is_sqlite: bool) -> None:
    """Bench seeding only: PostgreSQL skips the foreign-key triggers (the rows are made
    consistent here) and waits for no WAL flush per chunk. (SQLite runs as the engine sets it
    up: WAL, and a write transaction already open, where its pragmas may not change.)"""
    if is_sqlite:
        return
    conn.exec_driver_sql("SET session_replication_role = replica")
    conn.exec_driver_sql("SET synchronous_commit = off")
    conn.commit()


def seed(
    database_url: str,
    count: int,
    *,
    status: str = "accepted",
    span: timedelta = timedelta(hours=1),
    nif: str | None = None,
) -> Seeded:
    """A new company whose chain holds `count` records, generated evenly over the `span`
    before now; `status` "accepted" (AEAT has them, with a CSV) or "pending" (a backlog)."""
    settings = Settings(database_url=database_url, sandbox="on")
    db = create_database(settings)
    try:
        company_id, key = create_company(db, **({"nif": nif} if nif else {}))
        started = time.perf_counter()
        last = _seed_records(db, template(db, settings, company_id), count, status, span)
        seconds = time.perf_counter() - started
    finally:
        db.dispose()
    return Seeded(company_id, key, count, seconds, last)


def _seed_records(
    db: Database, tpl: Template, count: int, status: str, span: timedelta
) -> str | None:
    company = tpl.company
    zone = ZoneInfo(company.timezone)
    environment = company.verifactu_environment
    base = tpl.record
    issued_on = base.invoice.issue_date
    now = utcnow().replace(microsecond=0)
    start = now - span
    step = span / max(count, 1)
    accepted = status == "accepted"
    csv = "A-SEEDEDBENCHCSV0" if accepted else None
    ids = Ids()
    dialect = db.write_engine.dialect
    invoices = Rows(
        INVOICES,
        dialect,
        tpl.invoice | {"verifactu_status": status, "verifactu_csv": csv},
        [
            "id",
            "created_at",
            "updated_at",
            "number",
            "sequence",
            "issued_at",
            "verifactu_record_id",
            "verifactu_huella",
            "verifactu_generated_at",
            "qr_url",
        ],
    )
    record_constant = {
        "company_id": company.id,
        "kind": chain.ALTA,
        "invoice_issue_date": issued_on,
        "environment": environment,
        "status": status,
        "aeat_csv": csv,
        "attempts": 1 if accepted else 0,
    }
    records = Rows(
        RECORDS,
        dialect,
        record_constant,
        [
            "id",
            "created_at",
            "updated_at",
            "invoice_id",
            "sequence",
            "invoice_number",
            "huella",
            "previous_huella",
            "previous_record_id",
            "generated_at",
            "generated_at_text",
            "qr_url",
            "submitted_at",
        ],
    )
    documents = Rows(DOCUMENTS, dialect, {"company_id": company.id}, ["record_id", "xml"])
    writer = Writer(db, invoices, records, documents)
    writer.start()
    previous: PreviousRecord | None = None
    previous_id: str | None = None
    invoice_rows: list[list[Any]] = []
    record_rows: list[list[Any]] = []
    document_rows: list[list[Any]] = []
    last_number = ""
    for n in range(1, count + 1):
        generated_utc = start + step * n
        generated = generated_utc.astimezone(zone).replace(microsecond=0)
        number = render(tpl.series_format, tpl.series_code, issued_on.year, n)
        invoice = InvoiceId(company.nif, number, issued_on)
        sealed = seal(relinked(base, invoice, previous, generated))
        invoice_id, record_id = ids.at(generated_utc), ids.at(generated_utc)
        qr_url = record_validation_url(sealed, environment)
        document_rows.append(documents.row(record_id, record_document(sealed).decode()))
        record_rows.append(
            records.row(
                record_id,
                generated_utc,
                generated_utc,
                invoice_id,
                n,
                number,
                sealed.huella,
                previous.huella if previous else None,
                previous_id,
                generated,
                timestamp(generated),
                qr_url,
                generated_utc if accepted else None,
            )
        )
        invoice_rows.append(
            invoices.row(
                invoice_id,
                generated_utc,
                generated_utc,
                number,
                n,
                generated_utc,
                record_id,
                sealed.huella,
                generated,
                qr_url,
            )
        )
        previous = sealed.as_previous()
        previous_id = record_id
        last_number = number
        if len(record_rows) >= CHUNK:
            writer.put((invoice_rows, record_rows, document_rows))
            invoice_rows, record_rows, document_rows = [], [], []
        if n % PROGRESS == 0:
            print(f"    {n:,} of {count:,} sealed", flush=True)
    if record_rows:
        writer.put((invoice_rows, record_rows, document_rows))
    writer.put(None)
    writer.join()
    if writer.error is not None:
        raise RuntimeError(f"seed writer failed: {writer.error!r}") from writer.error
    if previous is None:
        return None
    with db.write_session() as session:
        _move_head(session, tpl, count, previous_id, previous.huella, last_number)
        session.commit()
    return previous.huella


def _move_head(
    session: Session,
    tpl: Template,
    count: int,
    record_id: str | None,
    huella: str,
    number: str,
) -> None:
    """Where `count` issues would have left the head and the series."""
    company = tpl.company
    session.execute(
        update(VerifactuChainHead)
        .where(VerifactuChainHead.company_id == company.id)
        .values(
            last_record_id=record_id,
            last_sequence=count,
            last_huella=huella,
            last_issuer_nif=company.nif,
            last_invoice_number=number,
            last_issue_date=tpl.record.invoice.issue_date,
            updated_at=datetime.now(UTC),
        )
    )
    session.execute(
        update(Series)
        .where(Series.id == tpl.series_id)
        .values(next_number=count + 1, number_year=tpl.record.invoice.issue_date.year)
    )

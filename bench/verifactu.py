"""`make bench` part "verifactu": the pure library (no database, no HTTP), against the issue's
targets.

- records: build, seal (huella) and render (standalone XML document) the alta record of a
  3-line invoice, each chained to the one before, as the issue path does; each document is
  handed on and dropped, as the issue path stores it and lets it go (keeping all 5,000 alive
  would time the allocator's fresh pages too);
- envelope: a 1,000-record RegFactuSistemaFacturacion put together from the stored record
  documents, as remission builds it, and validated against SuministroLR.xsd (compiled once
  beforehand, as a running process has it); for comparison, the same envelope rendered from
  record objects;
- QR: one PNG per distinct ValidarQR URL (each record's PNG is rendered once, then stored).

Each figure is the median of BENCH_VERIFACTU_REPEATS repetitions (default 5), timed with
time.perf_counter after one untimed warm-up repetition.
"""

import os
import platform
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

from tests.verifactu import samples

from bench.server import CpuSample
from talonario import __version__
from talonario.verifactu import xml
from talonario.verifactu.codes import InvoiceType, OperationQualification
from talonario.verifactu.hashing import compute_huella, seal
from talonario.verifactu.qr import qr_png, validation_url
from talonario.verifactu.records import (
    BreakdownLine,
    InvoiceId,
    PreviousRecord,
    RegistrationRecord,
    SubmissionHeader,
)
from talonario.verifactu.xsd import Schema, load, validate

TARGET_RECORDS_PER_S = 20_000
TARGET_ENVELOPE_MS = 50.0
TARGET_QR_PER_S = 150
RECORDS_PER_RUN = 5_000
ENVELOPE_RECORDS = xml.MAX_RECORDS
QR_PER_RUN = 200

# The parties and software system of the golden samples.
ISSUER, CLIENT, SYSTEM = samples.TAXPAYER, samples.CLIENT, samples.SYSTEM
MADRID = timezone(timedelta(hours=2))
START = datetime(2026, 9, 15, 10, 30, tzinfo=MADRID)
# Three lines at 21 %, 10 % and 4 %: three DetalleDesglose rows.
BREAKDOWN = tuple(
    BreakdownLine(
        qualification=OperationQualification.SUBJECT,
        rate=Decimal(rate),
        base=Decimal(base),
        quota=Decimal(quota),
    )
    for rate, base, quota in (
        ("21", "280.50", "58.91"),
        ("10", "120.00", "12.00"),
        ("4", "45.50", "1.82"),
    )
)
TOTAL_TAX = Decimal("72.73")
TOTAL_AMOUNT = Decimal("518.73")


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    unit: str
    target: str
    met: bool | None  # None: informative, no target of its own
    detail: str = ""
    other_cpu: float = 0.0  # % of one core that other programs used meanwhile


def new_record(n: int, previous: PreviousRecord | None) -> RegistrationRecord:
    """The unsealed alta of invoice n, linked to `previous`."""
    return RegistrationRecord(
        invoice=InvoiceId(ISSUER.nif or "", f"A-2026/{n:06d}", date(2026, 9, 15)),
        issuer_name=ISSUER.name,
        invoice_type=InvoiceType.STANDARD,
        description="Consultoría, material y libros",
        recipients=(CLIENT,),
        breakdown=BREAKDOWN,
        total_tax=TOTAL_TAX,
        total_amount=TOTAL_AMOUNT,
        previous=previous,
        system=SYSTEM,
        generated_at=START + timedelta(seconds=n),
    )


def issue(count: int, store: Callable[[bytes], object]) -> None:
    """What the issue path does per invoice: build, seal, render and hand the document to
    `store`; the next record links to this one."""
    previous: PreviousRecord | None = None
    for n in range(count):
        record = seal(new_record(n, previous))
        store(xml.record_document(record))
        previous = record.as_previous()


def issue_chain(count: int) -> list[bytes]:
    documents: list[bytes] = []
    issue(count, documents.append)
    return documents


def sealed_chain(count: int) -> list[RegistrationRecord]:
    records: list[RegistrationRecord] = []
    previous: PreviousRecord | None = None
    for n in range(count):
        record = seal(new_record(n, previous))
        records.append(record)
        previous = record.as_previous()
    return records


def median_seconds(run: Callable[[], object], repeats: int) -> float:
    run()  # warm-up: caches, compiled schema, first allocations
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def bench_records(repeats: int) -> Figure:
    # `len` stands in for storage: it takes each document and keeps nothing.
    seconds = median_seconds(lambda: issue(RECORDS_PER_RUN, len), repeats)
    rate = RECORDS_PER_RUN / seconds
    return Figure(
        "records (build + huella + XML), chained",
        rate,
        "/s",
        f"≥ {TARGET_RECORDS_PER_S:,}/s",
        rate >= TARGET_RECORDS_PER_S,
        f"{RECORDS_PER_RUN} records of 3 breakdown lines per run",
    )


def bench_envelope(repeats: int) -> list[Figure]:
    records = sealed_chain(ENVELOPE_RECORDS)
    header = SubmissionHeader(taxpayer=ISSUER)
    started = time.perf_counter()
    load(Schema.SUBMISSION)
    compile_ms = (time.perf_counter() - started) * 1000
    document = xml.submission_document(header, records)
    stored = [xml.record_document(record).decode() for record in records]
    assert xml.submission_of_stored(header, stored) == document
    build = median_seconds(lambda: xml.submission_document(header, records), repeats) * 1000
    check = median_seconds(lambda: validate(document, Schema.SUBMISSION), repeats) * 1000
    from_stored = median_seconds(lambda: xml.submission_of_stored(header, stored), repeats) * 1000
    # The target is the path remission takes: the stored documents put together, validated.
    total = from_stored + check
    size = f"{len(document) / 1e6:.2f} MB"
    return [
        Figure(
            f"envelope of {ENVELOPE_RECORDS:,}: build from record objects",
            build,
            "ms",
            "—",
            None,
            f"{size}; for comparison, remission does not render records again",
        ),
        Figure(
            f"envelope of {ENVELOPE_RECORDS:,}: build from stored records",
            from_stored,
            "ms",
            "—",
            None,
            "what remission sends: the records' stored documents",
        ),
        Figure(f"envelope of {ENVELOPE_RECORDS:,}: XSD validate", check, "ms", "—", None),
        Figure(
            f"envelope of {ENVELOPE_RECORDS:,}: build + validate",
            total,
            "ms",
            f"≤ {TARGET_ENVELOPE_MS:g} ms",
            total <= TARGET_ENVELOPE_MS,
            f"from stored records; schema compiled once beforehand ({compile_ms:.0f} ms, not"
            " counted)",
        ),
    ]


def bench_qr(repeats: int) -> Figure:
    # Distinct URLs as a company's invoices give them: no two runs render the same symbol.
    counter = iter(range(10**9))

    def render() -> None:
        base = next(counter) * QR_PER_RUN
        for n in range(base, base + QR_PER_RUN):
            invoice = InvoiceId("89890001K", f"A-2026/{n:06d}", date(2026, 9, 15))
            qr_png(validation_url(invoice, Decimal(f"{n % 5000}.{n % 100:02d}"), "production"))

    rate = QR_PER_RUN / median_seconds(render, repeats)
    return Figure(
        "QR PNG (URL + symbol + PNG)",
        rate,
        "/s",
        f"≥ {TARGET_QR_PER_S}/s",
        rate >= TARGET_QR_PER_S,
        f"{QR_PER_RUN} distinct URLs per run",
    )


def check_chain(documents: list[bytes]) -> None:
    """The figures are only worth something if the output is right: spot-check it."""
    records = sealed_chain(3)
    assert records[1].previous == records[0].as_previous()
    assert all(compute_huella(r) == r.huella for r in records)
    assert documents[2] == xml.record_document(records[2])
    validate(documents[2], Schema.RECORDS)


def fmt(figure: Figure) -> str:
    if figure.unit == "/s":
        return f"{figure.value:,.0f}/s"
    return f"{figure.value:.1f} ms"


def table(figures: list[Figure]) -> str:
    rows = [
        "| measure | result | target | met | CPU other | notes |",
        "|---|---:|---|---|---:|---|",
    ]
    for f in figures:
        met = "—" if f.met is None else ("yes" if f.met else "**no**")
        rows.append(
            f"| {f.name} | {fmt(f)} | {f.target} | {met} | {f.other_cpu:.0f}% | {f.detail} |"
        )
    return "\n".join(rows)


def measured(run: Callable[[], list[Figure]]) -> list[Figure]:
    """`run`'s figures, each noting how much CPU other programs took while it ran."""
    before = CpuSample.take(os.getpid())
    figures = run()
    cpu = CpuSample.take(os.getpid()).percent_since(before)
    other = max(0.0, cpu["machine_busy"] - cpu["own"])
    figures = [replace(f, other_cpu=other) for f in figures]
    for f in figures:
        print(f"  {f.name}: {fmt(f)} (target {f.target}; other programs {other:.0f}%)", flush=True)
    return figures


def section() -> str:
    """Run the part; return its Markdown section for bench/results/latest.md."""
    repeats = int(os.environ.get("BENCH_VERIFACTU_REPEATS", "5"))
    print("VERI*FACTU pure library:", flush=True)
    check_chain(issue_chain(3))
    figures = [
        *measured(lambda: [bench_records(repeats)]),
        *measured(lambda: bench_envelope(repeats)),
        *measured(lambda: [bench_qr(repeats)]),
    ]
    return "\n".join(
        [
            "## VERI*FACTU pure library",
            "",
            f"talonario.verifactu {__version__} in the bench process (one core), Python "
            f"{platform.python_version()}, {os.cpu_count()} CPUs, median of {repeats} runs after "
            "a warm-up run.",
            "",
            table(figures),
            "",
            f"CPU other: % of one core (of {100 * (os.cpu_count() or 1)}%) that other programs "
            "used during the measure; well above ~10% means they competed and the figures are "
            "understated.",
            "",
        ]
    )


if __name__ == "__main__":
    print(section())

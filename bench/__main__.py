"""`make bench`: POST /v1/invoices with "issue": true (the 3-line invoice) through real server
processes, with 1 and 16 concurrent clients, on SQLite and PostgreSQL, workers 1 and 2; part
"worker" (bench/worker.py) the same with the background worker remitting, in-process or as
separate processes; part "companies" (bench/companies.py) 200 companies at once; part
"gateway" (bench/gateway.py) batches of 1,000 gateway records beside issuing.

Environment: BENCH_SECONDS (measured seconds per run, default 8), BENCH_WARMUP (default 2),
BENCH_WORKERS (default "1,2"), BENCH_CLIENTS (default "1,16"), BENCH_DATABASES (default
"sqlite,postgresql"), BENCH_PARTS (which parts to run, default all of PARTS below, e.g.
"api,worker"), BENCH_QUIET_WAIT (on a shared machine, wait up to this many seconds
before each run for the CPU to be idle; default 0), TALONARIO_BENCH_DATABASE_URL (PostgreSQL
server to make a fresh database on; default postgresql+psycopg://postgres@127.0.0.1:5432/test).
"""

import importlib
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx
import orjson
from tests.fixtures.factories import create_company, invoice_body
from tests.fixtures.servers import Server, running_server

from bench import backlog, chain, documents, verifactu
from bench.common import LABELS, accept_issued, fresh_database, usable_databases
from bench.loadgen import LoadResult, build_request, run_load
from bench.server import CpuSample
from talonario import __version__
from talonario.config import Settings
from talonario.db import create_database

RESULTS = Path(__file__).parent / "results"
DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
# What 16 concurrent clients must reach on the 2-core reference machine.
TARGET_RATE = {"sqlite": 400, "postgresql": 300}
TARGET_P99_MS = 100.0
TARGET_CLIENTS = 16


@dataclass(frozen=True)
class Config:
    seconds: float
    warmup: float
    workers: list[int]
    clients: list[int]
    databases: list[str]
    pg_url: str
    quiet_wait: float

    @classmethod
    def from_env(cls) -> "Config":
        def ints(name: str, default: str) -> list[int]:
            return [int(v) for v in os.environ.get(name, default).split(",") if v.strip()]

        databases = os.environ.get("BENCH_DATABASES", "sqlite,postgresql").split(",")
        return cls(
            seconds=float(os.environ.get("BENCH_SECONDS", "8")),
            warmup=float(os.environ.get("BENCH_WARMUP", "2")),
            workers=ints("BENCH_WORKERS", "1,2"),
            clients=ints("BENCH_CLIENTS", "1,16"),
            databases=[d.strip() for d in databases if d.strip()],
            pg_url=os.environ.get("TALONARIO_BENCH_DATABASE_URL", DEFAULT_PG),
            quiet_wait=float(os.environ.get("BENCH_QUIET_WAIT", "0")),
        )


@dataclass
class Row:
    database: str
    workers: int
    result: LoadResult
    cpu: dict[str, float]

    @property
    def p50(self) -> float:
        return self.result.percentile_ms(50)

    @property
    def p99(self) -> float:
        return self.result.percentile_ms(99)

    @property
    def target(self) -> int | None:
        return TARGET_RATE[self.database] if self.result.clients == TARGET_CLIENTS else None

    @property
    def met(self) -> bool:
        target = self.target
        return (
            target is not None
            and self.result.rate >= target
            and self.p99 < TARGET_P99_MS
            and self.result.error_count == 0
        )


def new_company(database_url: str) -> str:
    db = create_database(Settings(database_url=database_url))
    try:
        return create_company(db)[1]
    finally:
        db.dispose()


def next_number(server: Server, key: str) -> int:
    r = httpx.get(
        f"{server.url}/v1/series",
        params={"kind": "standard"},
        headers={"Authorization": f"Bearer {key}"},
        timeout=10,
    )
    r.raise_for_status()
    return int(next(s for s in r.json()["data"] if s["default"])["next_number"])


def bench_server(kind: str, workers: int, config: Config, tmp: Path) -> tuple[list[Row], str]:
    rows: list[Row] = []
    with fresh_database(kind, config.pg_url, tmp) as url:
        key = new_company(url)
        log = RESULTS / f"server-{kind}-w{workers}.log"
        with running_server(url, log, workers) as server:
            request = build_request(
                server.host,
                server.port,
                "POST",
                "/v1/invoices",
                orjson.dumps(invoice_body(issue=True)),
                {"Authorization": f"Bearer {key}", "Content-Type": "application/json"},
            )
            for clients in config.clients:
                if config.quiet_wait > 0:
                    wait_for_quiet(config.quiet_wait)
                before = CpuSample.take(server.process.pid)
                result = run_load(
                    server.host,
                    server.port,
                    [request],
                    accept_issued,
                    clients,
                    config.warmup,
                    config.seconds,
                )
                cpu = CpuSample.take(server.process.pid).percent_since(before)
                row = Row(kind, workers, result, cpu)
                rows.append(row)
                print(f"  {line(row)}", flush=True)
            issued = sum(r.result.ok_total for r in rows)
            got = next_number(server, key)
            check = "ok" if got == issued + 1 else "MISMATCH"
            note = (
                f"{LABELS[kind]}, workers={workers}: {issued} issued answers, series "
                f"next_number {got} ({check})"
            )
            if check != "ok":
                note += f"\n{server.log_tail()}"
    return rows, note


def line(row: Row) -> str:
    r = row.result
    errors = f"{r.error_count}" + (f" {dict(r.errors)}" if r.errors else "")
    return (
        f"{LABELS[row.database]} workers={row.workers} clients={r.clients}: "
        f"{r.rate:.0f}/s p50 {row.p50:.1f} ms p99 {row.p99:.1f} ms errors {errors}"
    )


def other(cpu: dict[str, float]) -> float:
    """CPU the machine spent on anything but the server, PostgreSQL and the load generator."""
    return max(0.0, cpu["machine_busy"] - cpu["server"] - cpu["postgres"] - cpu["own"])


def table(rows: list[Row]) -> str:
    out = [
        "| database | workers | clients | req/s | p50 ms | p99 ms | errors "
        "| target (16 clients) | met | CPU server | CPU postgres | CPU loadgen | CPU other |",
        "|---|---:|---:|---:|---:|---:|---:|---|---|---:|---:|---:|---:|",
    ]
    for row in rows:
        r, cpu = row.result, row.cpu
        target = f"≥{row.target}/s, p99 < {TARGET_P99_MS:.0f} ms" if row.target is not None else "—"
        met = ("yes" if row.met else "**no**") if row.target is not None else "—"
        pg = f"{cpu['postgres']:.0f}%" if row.database == "postgresql" else "—"
        out.append(
            f"| {LABELS[row.database]} | {row.workers} | {r.clients} | {r.rate:.0f} "
            f"| {row.p50:.1f} | {row.p99:.1f} | {r.error_count} | {target} | {met} "
            f"| {cpu['server']:.0f}% | {pg} | {cpu['own']:.0f}% | {other(cpu):.0f}% |"
        )
    return "\n".join(out)


def headline(rows: list[Row], kind: str) -> str | None:
    candidates = [r for r in rows if r.database == kind and r.result.clients == TARGET_CLIENTS]
    if not candidates:
        return None
    best = max(candidates, key=lambda r: r.result.rate)
    verdict = "met" if best.met else "NOT met"
    return (
        f"- **{LABELS[kind]}**: {best.result.rate:.0f} issued invoices/s with "
        f"{TARGET_CLIENTS} clients, p50 {best.p50:.1f} ms, p99 {best.p99:.1f} ms "
        f"(workers={best.workers}); target ≥{TARGET_RATE[kind]}/s with p99 < "
        f"{TARGET_P99_MS:.0f} ms: {verdict}"
    )


def report(rows: list[Row], notes: list[str], config: Config) -> str:
    heads = [h for kind in config.databases if (h := headline(rows, kind)) is not None]
    return "\n".join(
        [
            "## HTTP API",
            "",
            f'POST /v1/invoices with "issue": true (3-line invoice), talonario {__version__}, '
            f"Python {platform.python_version()}, {os.cpu_count()} CPUs, "
            f"{config.warmup:g} s warmup + {config.seconds:g} s measured per row, "
            "rate limit off, closed-loop keep-alive clients on loopback.",
            "",
            *heads,
            "",
            table(rows),
            "",
            "CPU columns: % of one core over the run (warmup included), of "
            f"{100 * (os.cpu_count() or 1)}% on this machine; server = the uvicorn process tree, "
            "postgres = every postgres process, loadgen = this process, other = the rest of the "
            "machine (kernel, other programs, and the CPU of PostgreSQL backends that exited "
            "during the run, e.g. pool overflow connections; well above ~10% otherwise means "
            "other programs competed and the figures are understated).",
            "",
            *(f"- {n}" for n in notes),
            "",
        ]
    )


def busy_before(seconds: float = 1.0) -> float:
    """How busy the machine is, in % of one core, over the next `seconds`."""
    before = CpuSample.take(os.getpid())
    time.sleep(seconds)
    return CpuSample.take(os.getpid()).percent_since(before)["machine_busy"]


def wait_for_quiet(max_seconds: float, busy_below: float = 15.0) -> None:
    """Wait (bounded) until other programs leave the CPU alone for a second."""
    deadline = time.monotonic() + max_seconds
    busy = busy_before()
    while busy >= busy_below and time.monotonic() < deadline:
        busy = busy_before()
    if busy >= busy_below:
        print(f"  (machine still {busy:.0f}% busy after {max_seconds:g} s: running anyway)")


def api_section() -> str:
    config = Config.from_env()
    rows: list[Row] = []
    notes: list[str] = []
    idle_busy = busy_before()
    if idle_busy > 20:
        note = (
            f"the machine was already {idle_busy:.0f}% busy (of one core) before the bench: "
            "other programs compete for the CPU, figures are understated"
        )
        print(f"warning: {note}", flush=True)
        notes.append(note)
    with ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="talonario-bench-")))
        for kind in usable_databases(config.databases, config.pg_url, notes):
            for workers in config.workers:
                print(f"{LABELS[kind]}, workers={workers}:", flush=True)
                try:
                    server_rows, note = bench_server(kind, workers, config, tmp)
                except Exception as exc:  # one broken configuration must not hide the rest
                    note = f"{LABELS[kind]}, workers={workers} failed: {exc!r}"
                    print(note, flush=True)
                    notes.append(note)
                    continue
                rows.extend(server_rows)
                notes.append(note)
    return report(rows, notes, config)


def _later(module: str) -> Callable[[], str]:
    """A part whose module imports this one (bench.worker, bench.companies): imported when run,
    against this very module (run as `python -m bench` it is __main__, not bench.__main__)."""

    def part() -> str:
        sys.modules.setdefault("bench.__main__", sys.modules[__name__])
        section: Callable[[], str] = importlib.import_module(module).section
        return section()

    return part


# Each part runs on its own and returns its Markdown section of latest.md.
PARTS: dict[str, Callable[[], str]] = {
    "api": api_section,
    "worker": _later("bench.worker"),
    "companies": _later("bench.companies"),
    "verifactu": verifactu.section,
    "documents": documents.section,
    "chain": chain.section,
    "backlog": backlog.section,
    "gateway": _later("bench.gateway"),
    "no_verifactu": _later("bench.no_verifactu"),
}


def main() -> int:
    chosen = [p.strip() for p in os.environ.get("BENCH_PARTS", ",".join(PARTS)).split(",")]
    unknown = [p for p in chosen if p and p not in PARTS]
    if unknown:
        print(f"unknown BENCH_PARTS {unknown}; known: {', '.join(PARTS)}", file=sys.stderr)
        return 2
    RESULTS.mkdir(exist_ok=True)
    sections = [PARTS[p]() for p in chosen if p]
    text = "\n".join([f"# Talonario bench — {datetime.now(UTC):%Y-%m-%d %H:%M} UTC", "", *sections])
    print()
    print(text)
    (RESULTS / "latest.md").write_text(text)
    print(f"written to {RESULTS / 'latest.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

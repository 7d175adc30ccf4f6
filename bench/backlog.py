"""`make bench` part "backlog": after an outage, the worker drains what waited, in order, at
AEAT's pace, while the API keeps answering.

- seed: a company with BENCH_BACKLOG_RECORDS (default 100,000) pending records, chained from
  its first (PrimerRegistro, so the sandbox sees the whole chain), generated over the hour AEAT
  was down, with the remission's incident open (bench/seed.py);
- baseline: 16 clients issue on another company for BENCH_SECONDS, with no worker running;
- drain: `talonario worker` starts (its own process, remitting to the server's AEAT sandbox,
  which answers TiempoEsperaEnvio = TALONARIO_SANDBOX_WAIT_SECONDS, default 60: the worker
  sends at once while 1,000 or more wait); the same 16 clients issue meanwhile, in windows of
  BENCH_SECONDS, and the windows that end before the backlog is gone are the "during" figure;
  bounded by BENCH_BACKLOG_DEADLINE seconds (default 600): if the backlog is not gone by then,
  the section says how far it got;
- checks, by SQL over the backlog company: every record accepted (0 lost), every submission of
  ≤ 1,000 records and of exactly 1,000 while 1,000 or more waited, each submission's records a
  contiguous run after every earlier submission's (none out of order), and every submission
  answered Correcto by the sandbox (which checks each record's link to the one before).

Environment: BENCH_BACKLOG_RECORDS, BENCH_BACKLOG_DEADLINE, BENCH_BACKLOG_CLIENTS (default 16),
BENCH_SECONDS (default 8), BENCH_DATABASES, TALONARIO_BENCH_DATABASE_URL (as the api part).
"""

import os
import platform
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, func, insert, outerjoin, select, text
from tests.fixtures.factories import create_company
from tests.fixtures.servers import Server, running_server, stop, talonario_command

from bench.chain import DEFAULT_PG, RESULTS
from bench.common import (
    LABELS,
    accept_issued,
    fresh_database,
    issue_request,
    usable_databases,
)
from bench.loadgen import LoadResult, run_load
from bench.seed import Seeded, seed
from talonario import __version__
from talonario.config import Settings
from talonario.db import create_database
from talonario.kit.clock import utcnow
from talonario.models import VerifactuRecord, VerifactuRemission
from talonario.models import VerifactuSubmission as Submission
from talonario.models.base import table_of
from talonario.verifactu.xml import MAX_RECORDS

OUTAGE = timedelta(hours=1)
POLL = 0.5


@dataclass(frozen=True)
class Config:
    records: int
    deadline: float
    clients: int
    seconds: float
    databases: list[str]
    pg_url: str

    @classmethod
    def from_env(cls) -> "Config":
        databases = os.environ.get("BENCH_DATABASES", "sqlite,postgresql")
        return cls(
            records=int(os.environ.get("BENCH_BACKLOG_RECORDS", "100000")),
            deadline=float(os.environ.get("BENCH_BACKLOG_DEADLINE", "600")),
            clients=int(os.environ.get("BENCH_BACKLOG_CLIENTS", "16")),
            seconds=float(os.environ.get("BENCH_SECONDS", "8")),
            databases=[d.strip() for d in databases.split(",") if d.strip()],
            pg_url=os.environ.get("TALONARIO_BENCH_DATABASE_URL", DEFAULT_PG),
        )


@dataclass
class Drain:
    database: str
    seeded: Seeded
    baseline: LoadResult
    during: list[LoadResult] = field(default_factory=list)
    accepted: int = 0
    seconds: float = 0.0  # worker start to the last record accepted (or the deadline)
    first_accept: float | None = None  # seconds after the worker started
    finished: bool = False
    checks: dict[str, Any] = field(default_factory=dict)

    @property
    def rate(self) -> float:
        """Records accepted per second, from the worker's start."""
        return self.accepted / self.seconds if self.seconds else 0.0


def open_incident(engine: Engine, company_id: str) -> None:
    """AEAT was unreachable for the last hour: the remission's incident is open (the next
    submission says Incidencia=S) and nothing holds the next attempt back any more."""
    since = utcnow() - OUTAGE
    with engine.begin() as conn:
        conn.execute(
            insert(VerifactuRemission).values(
                company_id=company_id, incident_open=True, incident_since=since, failures=0
            )
        )


def accepted(engine: Engine, company_id: str) -> int:
    with engine.connect() as conn:
        return int(
            conn.execute(
                text(
                    "SELECT count(*) FROM verifactu_records WHERE company_id = :c"
                    " AND status = 'accepted'"
                ),
                {"c": company_id},
            ).scalar_one()
        )


def check(engine: Engine, company_id: str, total: int) -> dict[str, Any]:
    """Lost, batch sizes, order and AEAT's answers, from the rows the worker left."""
    with engine.connect() as conn:
        statuses: dict[str, int] = dict(
            conn.execute(
                text(
                    "SELECT status, count(*) FROM verifactu_records WHERE company_id = :c"
                    " GROUP BY status"
                ),
                {"c": company_id},
            ).all()
        )
        records = table_of(VerifactuRecord)
        sub, rec = table_of(Submission).c, records.c
        shape = (
            sub.id,
            sub.records,
            sub.status,
            sub.aeat_status,
            sub.incident,
            sub.created_at,
            sub.answered_at,
        )
        submissions = conn.execute(
            select(*shape, func.min(rec.sequence), func.max(rec.sequence), func.count(rec.id))
            .select_from(outerjoin(table_of(Submission), records, rec.submission_id == sub.id))
            .where(sub.company_id == company_id)
            .group_by(*shape)
            .order_by(sub.id)
        ).all()
    sizes = [int(s[1]) for s in submissions]
    waiting, full_when_due, out_of_order, not_correct = total, 0, 0, 0
    highest = 0
    for sub in submissions:
        size, first, last, rows = int(sub[1]), sub[7], sub[8], int(sub[9])
        if size == min(MAX_RECORDS, waiting):
            full_when_due += 1
        waiting -= size
        # Contiguous, and after everything sent before (records keep their last submission).
        if first is None or first <= highest or last - first + 1 != rows:
            out_of_order += 1
        highest = max(highest, last or 0)
        if sub[3] != "Correcto":
            not_correct += 1
    # answered_at is the clock the worker read before sending: the cadence of the claims
    # (created_at, one after another) is what says how long a batch takes.
    claims = [sub[5] for sub in submissions if sub[5] is not None]
    gaps = sorted((b - a).total_seconds() for a, b in pairwise(claims))
    return {
        "statuses": statuses,
        "median_submission_s": gaps[len(gaps) // 2] if gaps else None,
        "submissions": len(submissions),
        "max_size": max(sizes, default=0),
        "sizes_as_due": full_when_due,
        "out_of_order": out_of_order,
        "not_correct": not_correct,
        "incident_first": bool(submissions and submissions[0][4]),
        "lost": total - int(statuses.get("accepted", 0)),
    }


def start_worker(database_url: str, server: Server, log: Path) -> subprocess.Popen[bytes]:
    # The sandbox answered in the worker's own process (aeat_sandbox/local.py): AEAT's share of
    # the work stays out of the API process whose p99 is measured meanwhile.
    env = os.environ | {
        "TALONARIO_DATABASE_URL": database_url,
        "TALONARIO_SANDBOX": "on",
    }
    env.pop("TALONARIO_REDIS_URL", None)
    env.pop("TALONARIO_AEAT_SANDBOX_URL", None)
    with log.open("wb") as out:
        return subprocess.Popen(
            [talonario_command(), "worker"],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


class Load(threading.Thread):
    """Windows of `seconds` of closed-loop issuing until stopped; each window's result, and
    whether the backlog was still there when it ended."""

    def __init__(self, server: Server, key: str, clients: int, seconds: float) -> None:
        super().__init__(daemon=True, name="backlog-load")
        self.args = (server.host, server.port, [issue_request(server, key)], accept_issued)
        self.clients, self.seconds = clients, seconds
        self.windows: list[tuple[LoadResult, bool]] = []
        self.draining = True
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            result = run_load(*self.args, self.clients, 0.0, self.seconds)
            self.windows.append((result, self.draining))

    def finish(self) -> None:
        self._stop_event.set()
        self.join()


def drain(kind: str, config: Config, tmp: Path) -> Drain:
    with fresh_database(kind, config.pg_url, tmp) as url:
        print(f"  seeding {config.records:,} pending records...", flush=True)
        seeded = seed(url, config.records, status="pending", span=OUTAGE)
        print(f"  seeded in {seeded.seconds:.0f} s ({seeded.rate:,.0f}/s)", flush=True)
        db = create_database(Settings(database_url=url))
        try:
            _, load_key = create_company(db, legal_name="Issuing Meanwhile SL")
        finally:
            db.dispose()
        engine = create_engine(url)
        try:
            open_incident(engine, seeded.company_id)
            with running_server(url, RESULTS / f"server-backlog-{kind}.log") as server:
                return _drain(kind, config, url, engine, server, seeded, load_key)
        finally:
            engine.dispose()


def _drain(
    kind: str,
    config: Config,
    url: str,
    engine: Engine,
    server: Server,
    seeded: Seeded,
    load_key: str,
) -> Drain:
    req = [issue_request(server, load_key)]
    baseline = run_load(
        server.host, server.port, req, accept_issued, config.clients, 2.0, config.seconds
    )
    print(f"  baseline: {baseline.rate:.0f}/s p99 {baseline.percentile_ms(99):.1f} ms")
    result = Drain(kind, seeded, baseline)
    load = Load(server, load_key, config.clients, config.seconds)
    worker = start_worker(url, server, RESULTS / f"worker-backlog-{kind}.log")
    started = time.perf_counter()
    load.start()
    try:
        while time.perf_counter() - started < config.deadline:
            result.accepted = accepted(engine, seeded.company_id)
            elapsed = time.perf_counter() - started
            if result.accepted and result.first_accept is None:
                result.first_accept = elapsed
            if result.accepted >= seeded.records:
                result.finished = True
                break
            if worker.poll() is not None:
                raise RuntimeError(f"the worker exited ({worker.returncode})")
            time.sleep(POLL)
        result.seconds = time.perf_counter() - started
        load.draining = False
    finally:
        load.finish()
        stop(worker)
    result.during = [r for r, draining in load.windows if draining]
    result.checks = check(engine, seeded.company_id, seeded.records)
    c = result.checks
    print(
        f"  {'drained' if result.finished else 'NOT drained'}: {result.accepted:,} accepted in "
        f"{result.seconds:.0f} s ({result.rate:.0f}/s); {c['submissions']} submissions, "
        f"max {c['max_size']}, out of order {c['out_of_order']}, not Correcto "
        f"{c['not_correct']}, lost {c['lost']}",
        flush=True,
    )
    return result


def merged(results: list[LoadResult]) -> LoadResult | None:
    if not results:
        return None
    out = LoadResult(results[0].clients, sum(r.measured_seconds for r in results))
    for r in results:
        out.latencies.extend(r.latencies)
        out.ok_total += r.ok_total
        out.errors.update(r.errors)
    return out


def _seconds(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def table(drains: list[Drain]) -> str:
    out = [
        "| database | backlog | drained | in s | accepted/s | submissions | max batch "
        "| batches as due | s per batch (median) | out of order | not Correcto | lost |",
        "|---|---:|---|---:|---:|---:|---:|---|---:|---:|---:|---:|",
    ]
    for d in drains:
        c = d.checks
        drained = "yes" if d.finished else f"**no**: {d.accepted:,} of {d.seeded.records:,}"
        lost = c["lost"] if d.finished else f"{c['lost']:,} not yet"
        out.append(
            f"| {LABELS[d.database]} | {d.seeded.records:,} | {drained} | {d.seconds:.0f} "
            f"| {d.rate:.0f} | {c['submissions']} | {c['max_size']} "
            f"| {c['sizes_as_due']} of {c['submissions']} | {_seconds(c['median_submission_s'])} "
            f"| {c['out_of_order']} "
            f"| {c['not_correct']} | {lost} |"
        )
    out += [
        "",
        "| database | API load | issued/s | p50 ms | p99 ms | errors |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for d in drains:
        during = merged(d.during)
        for label, r in (("nothing to drain", d.baseline), ("during the drain", during)):
            if r is None:
                out.append(f"| {LABELS[d.database]} | {label} | — | — | — | — |")
                continue
            out.append(
                f"| {LABELS[d.database]} | {label} | {r.rate:.0f} | {r.percentile_ms(50):.1f} "
                f"| {r.percentile_ms(99):.1f} | {r.error_count} |"
            )
    return "\n".join(out)


def section() -> str:
    """Run the part; return its Markdown section for bench/results/latest.md."""
    config = Config.from_env()
    RESULTS.mkdir(exist_ok=True)
    drains: list[Drain] = []
    notes: list[str] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="talonario-backlog-") as tmp:
        for kind in usable_databases(config.databases, config.pg_url, notes):
            print(f"backlog, {LABELS[kind]}:", flush=True)
            try:
                drains.append(drain(kind, config, Path(tmp)))
            except Exception as exc:  # one broken database must not hide the other
                notes.append(f"{LABELS[kind]} failed: {exc!r}")
                print(notes[-1], flush=True)
    for d in drains:
        seeded = d.seeded
        notes.append(
            f"{LABELS[d.database]}: seeded {seeded.records:,} pending records in "
            f"{seeded.seconds:.0f} s ({seeded.rate:,.0f}/s); first accepted "
            f"{d.first_accept or 0:.1f} s after the worker started; first submission "
            f"{'with' if d.checks['incident_first'] else '**without**'} Incidencia=S"
        )
    minutes = (time.perf_counter() - started) / 60
    wait = os.environ.get("TALONARIO_SANDBOX_WAIT_SECONDS", "60")
    return "\n".join(
        [
            "## Backlog after an outage",
            "",
            f"talonario {__version__}, Python {platform.python_version()}, {os.cpu_count()} "
            f"CPUs; one server process (workers=1) with the AEAT sandbox (TiempoEsperaEnvio "
            f"{wait} s) and one `talonario worker` process; {config.clients} clients issue on "
            f"another company meanwhile; deadline {config.deadline:g} s; the part took "
            f"{minutes:.1f} min.",
            "",
            table(drains),
            "",
            "accepted/s: backlog records accepted per second from the worker's start. Batches "
            f"as due: submissions of exactly min({MAX_RECORDS:,}, records still waiting). Out "
            "of order: submissions whose records are not a contiguous run after every earlier "
            "submission's. s per batch: the median time from one submission's claim to the "
            "next. Not Correcto: submissions the sandbox did not answer Correcto (it checks "
            "each record's link to the one before). p99 during the drain: the load windows "
            "that ended before the backlog was gone.",
            "",
            *(f"- {n}" for n in notes),
            "",
        ]
    )


if __name__ == "__main__":
    print(section())

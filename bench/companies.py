"""`make bench` part "companies": many companies issuing at once, as a hosted server sees them,
with separate workers remitting; does any company starve?

BENCH_COMPANIES companies (default 200; each its own valid, distinct NIF: the sandbox keys chains
and invoices by NIF) on BENCH_COMPANIES_DATABASE (default postgresql), BENCH_COMPANIES_PROCESSES
server processes (default 2), BENCH_COMPANIES_WORKERS `talonario worker` processes (default 2),
BENCH_COMPANIES_CLIENTS clients (default 16); connection i's k-th request is for company
(i + k*clients) mod N, so every company issues. The same configuration with 1 company runs first,
in the same run, for comparison. The sandbox's TiempoEsperaEnvio is BENCH_COMPANIES_WAIT (default
60 s, AEAT's and a user's default) and the load lasts BENCH_COMPANIES_SECONDS (default 75) after
the warmup, so that it spans a wait and each company's second submission: a wait of a few
seconds would have each of 200 companies send 7-record batches 40 times a second, a load no
deployment sees.

After the load, the workers get up to BENCH_DRAIN_SECONDS (default the wait + 30 s) to send
everything; then,
from the database, per company, the largest delay between a record's creation and the moment
the worker wrote the answer that accepted it (the record's updated_at): its max and p99 over
companies, against the wait. A company whose records wait much longer than the wait plus a pass
of the workers starved.
"""

import math
import os
import time
from collections import Counter
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass, replace
from pathlib import Path
from tempfile import TemporaryDirectory

from sqlalchemy import func, select
from stdnum.es import cif
from tests.fixtures.factories import create_company
from tests.fixtures.servers import running_server

from bench.__main__ import RESULTS, Config
from bench.common import LABELS, fresh_database, issue_request, pg_reachable
from bench.worker import (
    ACCEPTED,
    CPU_NOTE,
    WorkerRow,
    bench_database,
    dead_workers,
    line,
    measure,
    server_env,
    waiting_records,
    worker_processes,
)
from talonario.config import Settings
from talonario.db import Database, create_database
from talonario.models import VerifactuRecord, VerifactuSubmission
from talonario.models.verifactu import WAITING


@dataclass(frozen=True)
class CompaniesConfig:
    companies: int
    database: str
    processes: int
    workers: int
    clients: int
    wait: int
    seconds: float
    drain_seconds: float

    @classmethod
    def from_env(cls) -> "CompaniesConfig":
        env = os.environ.get
        return cls(
            companies=int(env("BENCH_COMPANIES", "200")),
            database=env("BENCH_COMPANIES_DATABASE", "postgresql").strip(),
            processes=int(env("BENCH_COMPANIES_PROCESSES", "2")),
            workers=int(env("BENCH_COMPANIES_WORKERS", "2")),
            clients=int(env("BENCH_COMPANIES_CLIENTS", "16")),
            wait=(wait := int(env("BENCH_COMPANIES_WAIT", "60"))),
            seconds=float(env("BENCH_COMPANIES_SECONDS", "75")),
            drain_seconds=float(env("BENCH_DRAIN_SECONDS", str(wait + 30))),
        )


@dataclass(frozen=True)
class Starvation:
    companies: int  # companies that issued at least one record
    drained_after: float | None  # seconds after the load until nothing waited; None: not in time
    max_delay: float  # seconds, the worst company's worst record
    p99_delay: float  # seconds, p99 over companies of each one's worst record
    companies_waiting: int  # companies with records still pending or submitted at the end
    statuses: dict[str, int]  # records by status at the end


def distinct_nifs(count: int) -> list[str]:
    """`count` valid CIFs of type B, all different (B + 7 digits + their check digit)."""
    bodies = (f"B{7_000_000 + i:07d}" for i in range(count))
    return [body + cif.calc_check_digits(body)[0] for body in bodies]


def create_companies(url: str, count: int) -> tuple[list[str], float]:
    """(API keys, seconds taken) of `count` companies, each with its own NIF."""
    db = create_database(Settings(database_url=url))
    start = time.perf_counter()
    try:
        keys = [
            create_company(db, nif=nif, legal_name=f"Bench Company {i + 1:03d} SL")[1]
            for i, nif in enumerate(distinct_nifs(count))
        ]
    finally:
        db.dispose()
    return keys, time.perf_counter() - start


def wait_drained(db: Database, seconds: float) -> float | None:
    """Seconds until no record waits (bounded by `seconds`); None if some still wait then."""
    start = time.monotonic()
    while waiting_records(db) > 0:
        if time.monotonic() - start >= seconds:
            return None
        time.sleep(0.5)
    return time.monotonic() - start


def nearest_rank(values: Sequence[float], p: float) -> float:
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(1, min(len(ordered), math.ceil(p / 100 * len(ordered)))) - 1]


def starvation(db: Database, drained_after: float | None) -> Starvation:
    record, submission = VerifactuRecord, VerifactuSubmission
    with db.read_session() as session:
        # updated_at: when the worker wrote AEAT's answer on the record (the submission's
        # answered_at is when its pass began, before the send, and would hide the send).
        accepted = session.execute(
            select(record.company_id, record.created_at, record.updated_at)
            .join(submission, submission.id == record.submission_id)
            .where(record.status.in_(ACCEPTED), submission.status == "answered")
        ).all()
        statuses = dict(
            session.execute(select(record.status, func.count()).group_by(record.status)).all()
        )
        waiting = session.scalar(
            select(func.count(func.distinct(record.company_id))).where(record.status.in_(WAITING))
        )
        issuing = session.scalar(select(func.count(func.distinct(record.company_id))))
    worst: Counter[str] = Counter()
    for company_id, created_at, answered_at in accepted:
        if answered_at is not None:
            delay = (answered_at - created_at).total_seconds()
            worst[company_id] = max(worst[company_id], delay)
    delays = list(worst.values())
    return Starvation(
        companies=int(issuing or 0),
        drained_after=drained_after,
        max_delay=max(delays, default=math.nan),
        p99_delay=nearest_rank(delays, 99),
        companies_waiting=int(waiting or 0),
        statuses={str(k): int(v) for k, v in statuses.items()},
    )


def run_companies(
    count: int, config: Config, cc: CompaniesConfig, tmp: Path
) -> tuple[WorkerRow, Starvation, list[str]]:
    kind = cc.database
    tag = f"companies{count}-{kind}-p{cc.processes}"
    notes: list[str] = []
    with fresh_database(kind, config.pg_url, tmp) as url, ExitStack() as stack:
        keys, took = create_companies(url, count)
        notes.append(f"{count} compan{'y' if count == 1 else 'ies'} created in {took:.1f} s")
        server = stack.enter_context(
            running_server(
                url,
                RESULTS / f"server-{tag}.log",
                cc.processes,
                env=server_env("separate", cc.wait),
            )
        )
        workers = stack.enter_context(worker_processes(cc.workers, url, server, tag, cc.wait))
        db = stack.enter_context(bench_database(url))
        requests = [issue_request(server, key) for key in keys]
        row = measure(
            server,
            requests,
            cc.clients,
            replace(config, seconds=cc.seconds),
            db,
            (kind, cc.processes, "separate"),
            workers,
            rotate=True,
        )
        print(f"  {count} companies: {line(row)}", flush=True)
        drained_after = wait_drained(db, cc.drain_seconds)
        found = starvation(db, drained_after)
        if (dead := dead_workers(workers, tag)) is not None:
            notes.append(dead)
    return row, found, notes


def seconds(value: float | None) -> str:
    return "—" if value is None or math.isnan(value) else f"{value:.1f}"


def report(
    runs: Sequence[tuple[int, WorkerRow, Starvation]],
    notes: Sequence[str],
    config: Config,
    cc: CompaniesConfig,
) -> str:
    out = [
        "## Many companies",
        "",
        f'POST /v1/invoices with "issue": true from {cc.clients} clients, each connection going '
        f"round the companies; {LABELS.get(cc.database, cc.database)}, {cc.processes} server "
        f"processes, {cc.workers} separate `talonario worker` processes, {config.warmup:g} s "
        f"warmup + {cc.seconds:g} s measured; sandbox TiempoEsperaEnvio {cc.wait} s (AEAT's "
        "default). Each run on a fresh database.",
        "",
        "| companies | issued/s | p50 ms | p99 ms | errors | accepted/s | waiting at end "
        "| CPU server | CPU workers | CPU postgres | CPU loadgen | loadgen µs/req | CPU other |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for count, row, _ in runs:
        r, cpu = row.result, row.cpu
        out.append(
            f"| {count} | {r.rate:.0f} | {row.p50:.1f} | {row.p99:.1f} | {r.error_count} "
            f"| {row.accepted_per_s:.0f} | {row.waiting} | {cpu['server']:.0f}% "
            f"| {cpu['workers']:.0f}% | {cpu['postgres']:.0f}% | {cpu['own']:.0f}% "
            f"| {row.loadgen_us:.0f} | {row.other:.0f}% |"
        )
    rates = {count: row.result.rate for count, row, _ in runs}
    if 1 in rates and cc.companies in rates and cc.companies != 1 and rates[1] > 0:
        out += [
            "",
            f"{cc.companies} companies issue {rates[cc.companies]:.0f}/s in all, "
            f"{rates[cc.companies] / rates[1]:.2f}× the 1-company figure ({rates[1]:.0f}/s).",
        ]
    out += [
        "",
        f"After the load, up to {cc.drain_seconds:g} s for the workers to send everything; then, "
        "per company, its worst delay from a record's creation to the answer that accepted it "
        f"(max and p99 over companies), against the wait of {cc.wait} s:",
        "",
        "| companies | issuing | drained after s | worst delay max s | worst delay p99 s "
        "| companies still waiting | records by status |",
        "|---:|---:|---:|---:|---:|---:|---|",
    ]
    for count, _, s in runs:
        statuses = ", ".join(f"{k} {v}" for k, v in sorted(s.statuses.items()))
        drained = seconds(s.drained_after) if s.drained_after is not None else "not in time"
        out.append(
            f"| {count} | {s.companies} | {drained} | {seconds(s.max_delay)} "
            f"| {seconds(s.p99_delay)} | {s.companies_waiting} | {statuses} |"
        )
    out += ["", CPU_NOTE.format(total=100 * (os.cpu_count() or 1)), ""]
    out += [f"- {n}" for n in notes]
    return "\n".join([*out, ""])


def section() -> str:
    config, cc = Config.from_env(), CompaniesConfig.from_env()
    notes: list[str] = []
    runs: list[tuple[int, WorkerRow, Starvation]] = []
    if cc.database not in LABELS:
        notes.append(f"unknown BENCH_COMPANIES_DATABASE '{cc.database}': part skipped")
    elif cc.database == "postgresql" and (why := pg_reachable(config.pg_url)) is not None:
        notes.append(f"PostgreSQL unreachable ({why}): part skipped")
    else:
        with TemporaryDirectory(prefix="talonario-bench-companies-") as tmp:
            for count in dict.fromkeys([1, cc.companies]):
                print(f"{count} companies, {cc.database}, processes={cc.processes}:", flush=True)
                try:
                    row, found, more = run_companies(count, config, cc, Path(tmp))
                except Exception as exc:  # the other count still runs
                    notes.append(f"{count} companies failed: {exc!r}")
                    print(notes[-1], flush=True)
                    continue
                runs.append((count, row, found))
                notes.extend(more)
    for note in notes:
        print(f"  {note}", flush=True)
    return report(runs, notes, config, cc)

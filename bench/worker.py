"""`make bench` part "worker": the API as users run it (`make run` is `talonario serve --demo
--worker`), with the background worker remitting each issued invoice's record to the AEAT sandbox
mounted in the same server, against the bare API.

Scenarios, each on a fresh database and server (BENCH_WORKER_SCENARIOS, default all three):
- bare: `talonario serve`, no worker (what the "api" part measures);
- inproc: the same server with TALONARIO_RUN_WORKER=true (what `serve --worker` sets): the
  worker process that `serve` starts beside its server processes;
- separate: the bare server plus BENCH_SEPARATE_WORKERS (default 2) `talonario worker`
  processes with TALONARIO_SANDBOX=on: they answer with the sandbox code in their own process
  (aeat_sandbox/local.py), as a worker of a real deployment leaves AEAT's share of the work to
  AEAT, not to the API; their logs go to bench/results/worker-*.log.

Every row is POST /v1/invoices with "issue": true, with the api part's knobs (BENCH_SECONDS,
BENCH_WARMUP, BENCH_CLIENTS, BENCH_WORKERS = server processes, BENCH_DATABASES, BENCH_QUIET_WAIT).
The sandbox's TiempoEsperaEnvio is BENCH_SANDBOX_WAIT (default 60, a user's default): under load
1,000 records wait within seconds, and AEAT's rule lets the worker send them at once, batch after
batch. Drain, counted by SQL on the bench's own database at the measured window's start and
end: the records whose acceptance the worker recorded in between, per second, and the records
still waiting (pending, or submitted with no answer yet) at its end. The load generator's cost
is its own CPU per request sent.
"""

import math
import os
import signal
import subprocess
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from tempfile import TemporaryDirectory

from sqlalchemy import func, select
from tests.fixtures.servers import (
    START_TIMEOUT,
    Server,
    running_server,
    stop,
    talonario_command,
)

from bench.__main__ import (
    RESULTS,
    Config,
    accept_issued,
    fresh_database,
    new_company,
    next_number,
    wait_for_quiet,
)
from bench.common import LABELS, issue_request, usable_databases
from bench.loadgen import LoadResult, run_load
from bench.server import CpuSample
from talonario import __version__
from talonario.config import Settings
from talonario.db import Database, create_database
from talonario.models import VerifactuRecord
from talonario.models.verifactu import WAITING

SCENARIOS = {
    "bare": "API alone",
    "inproc": "API + in-process worker",
    "separate": "API + separate workers",
}
ACCEPTED = ("accepted", "accepted_with_errors")
TARGET_RATIO = 1.5
# The moonshot: 2 server processes, 16 clients, the worker remitting.
MOONSHOT_RATE = {"sqlite": 1200, "postgresql": 800}
MOONSHOT_P99_MS = 100.0
MOONSHOT_PROCESSES = 2
MOONSHOT_CLIENTS = 16
_TICK = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class WorkerConfig:
    scenarios: list[str]
    separate_workers: int
    sandbox_wait: int
    rounds: int

    @classmethod
    def from_env(cls) -> "WorkerConfig":
        names = os.environ.get("BENCH_WORKER_SCENARIOS", ",".join(SCENARIOS)).split(",")
        return cls(
            scenarios=[n.strip() for n in names if n.strip()],
            separate_workers=int(os.environ.get("BENCH_SEPARATE_WORKERS", "2")),
            sandbox_wait=int(os.environ.get("BENCH_SANDBOX_WAIT", "60")),
            rounds=max(1, int(os.environ.get("BENCH_WORKER_ROUNDS", "3"))),
        )


@dataclass
class WorkerRow:
    database: str
    processes: int  # server processes
    scenario: str
    result: LoadResult
    cpu: dict[str, float]  # % of one core: server, workers, postgres, own, machine_busy
    loadgen_us: float  # the load generator's CPU per request sent, in µs
    accepted_per_s: float  # records the sandbox accepted in the measured window, per second
    waiting: int  # records pending or submitted at the window's end

    @property
    def p50(self) -> float:
        return self.result.percentile_ms(50)

    @property
    def p99(self) -> float:
        return self.result.percentile_ms(99)

    @property
    def other(self) -> float:
        cpu = self.cpu
        known = cpu["server"] + cpu["workers"] + cpu["postgres"] + cpu["own"]
        return max(0.0, cpu["machine_busy"] - known)


# --- processes ----------------------------------------------------------------------------------


def server_env(scenario: str, wait: int) -> dict[str, str]:
    return {
        "TALONARIO_SANDBOX_WAIT_SECONDS": str(wait),
        "TALONARIO_RUN_WORKER": "true" if scenario == "inproc" else "false",
    }


@contextmanager
def worker_processes(
    count: int, database_url: str, server: Server, tag: str, wait: int
) -> Iterator[list[subprocess.Popen[bytes]]]:
    """`count` `talonario worker` processes remitting to the sandbox of `server`'s database,
    answered in their own process (TiempoEsperaEnvio `wait`); stopped (SIGTERM to all, then
    each waited for or killed) on exit."""
    env = os.environ | {
        "TALONARIO_DATABASE_URL": database_url,
        "TALONARIO_SANDBOX": "on",
        "TALONARIO_SANDBOX_WAIT_SECONDS": str(wait),
        "TALONARIO_RUN_WORKER": "false",
    }
    env.pop("TALONARIO_REDIS_URL", None)
    env.pop("TALONARIO_AEAT_SANDBOX_URL", None)
    processes: list[subprocess.Popen[bytes]] = []
    try:
        for i in range(count):
            with (RESULTS / f"worker-{tag}-{i + 1}.log").open("wb") as out:
                processes.append(
                    subprocess.Popen(
                        [talonario_command(), "worker"],
                        env=env,
                        stdin=subprocess.DEVNULL,
                        stdout=out,
                        stderr=subprocess.STDOUT,
                        start_new_session=True,
                    )
                )
        logs = [RESULTS / f"worker-{tag}-{i + 1}.log" for i in range(count)]
        for process, log in zip(processes, logs, strict=True):
            started(process, log)
        yield processes
    finally:
        for process in processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)  # all at once: each finishes its pass
        for process in processes:
            stop(process)


def started(process: subprocess.Popen[bytes], log: Path) -> None:
    """Wait until the worker logs that it runs (its imports done: not the measured CPU)."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline and process.poll() is None:
        if b"worker started" in log.read_bytes():
            return
        time.sleep(0.1)
    tail = log.read_text(errors="replace")[-4000:]
    raise RuntimeError(f"talonario worker not started in {START_TIMEOUT} s:\n{tail}")


def cpu_seconds(processes: Sequence[subprocess.Popen[bytes]]) -> float:
    """CPU used so far by these processes (all their threads), from /proc."""
    total = 0.0
    for process in processes:
        try:
            with open(f"/proc/{process.pid}/stat", "rb") as f:
                raw = f.read().decode(errors="replace")
        except OSError:  # gone: its CPU is lost to the figure (the report notes dead workers)
            continue
        fields = raw[raw.rindex(")") + 2 :].split()
        total += (int(fields[11]) + int(fields[12])) / _TICK
    return total


def dead_workers(processes: Sequence[subprocess.Popen[bytes]], tag: str) -> str | None:
    dead = [i + 1 for i, p in enumerate(processes) if p.poll() is not None]
    if not dead:
        return None
    return f"{tag}: worker(s) {dead} exited during the run (see bench/results/worker-{tag}-*.log)"


@contextmanager
def bench_database(url: str) -> Iterator[Database]:
    """The bench's own connection to the server's database, to count records by SQL."""
    db = create_database(Settings(database_url=url))
    try:
        yield db
    finally:
        db.dispose()


# --- one row ------------------------------------------------------------------------------------


_COUNT = select(func.count()).select_from(VerifactuRecord)


def accepted_records(db: Database) -> int:
    """Records AEAT (the sandbox) accepted, as the worker has recorded its answers so far."""
    with db.read_session() as session:
        return int(session.scalar(_COUNT.where(VerifactuRecord.status.in_(ACCEPTED))) or 0)


class Snapshots:
    """Counts taken at the measured window's start and end, from timer threads (a count query
    each, on the bench's own connection; the submissions' own times are no use here:
    answered_at and submitted_at are the time the worker's pass began, before the send)."""

    def __init__(self, db: Database, warmup: float, seconds: float) -> None:
        self.db = db
        self.counts: dict[str, tuple[int, int]] = {}
        self._timers = [
            threading.Timer(warmup, self._take, ("start",)),
            threading.Timer(warmup + seconds, self._take, ("end",)),
        ]

    def _take(self, name: str) -> None:
        self.counts[name] = (accepted_records(self.db), waiting_records(self.db))

    def start(self) -> None:
        for timer in self._timers:
            timer.start()

    def result(self) -> tuple[int, int]:
        """(records accepted during the window, records waiting at its end)."""
        for timer in self._timers:
            timer.join()
        (accepted_before, _), (accepted_after, waiting) = self.counts["start"], self.counts["end"]
        return accepted_after - accepted_before, waiting


def waiting_records(db: Database) -> int:
    """Records pending or submitted (sent, no answer yet)."""
    with db.read_session() as session:
        return int(session.scalar(_COUNT.where(VerifactuRecord.status.in_(WAITING))) or 0)


def measure(
    server: Server,
    requests: Sequence[bytes],
    clients: int,
    config: Config,
    db: Database,
    row_of: tuple[str, int, str],
    workers: Sequence[subprocess.Popen[bytes]] = (),
    *,
    rotate: bool = False,
) -> WorkerRow:
    """One load run on a running server; row_of = (database kind, server processes, scenario)."""
    if config.quiet_wait > 0:
        wait_for_quiet(config.quiet_wait)
    before, workers_before = CpuSample.take(server.process.pid), cpu_seconds(workers)
    snapshots = Snapshots(db, config.warmup, config.seconds)
    snapshots.start()
    result = run_load(
        server.host,
        server.port,
        requests,
        accept_issued,
        clients,
        config.warmup,
        config.seconds,
        rotate=rotate,
    )
    after, workers_after = CpuSample.take(server.process.pid), cpu_seconds(workers)
    cpu = after.percent_since(before)
    cpu["workers"] = 100 * (workers_after - workers_before) / (after.wall - before.wall)
    accepted, waiting = snapshots.result()
    kind, processes, scenario = row_of
    speeds = result.cpu_us_per_request, accepted / config.seconds
    return WorkerRow(kind, processes, scenario, result, cpu, *speeds, waiting)


def median_rows(rows: Sequence[WorkerRow]) -> tuple[list[WorkerRow], list[str]]:
    """Of the rounds of each configuration, the row with the median p99 (the upper one of an
    even count), and a note of every round's p99 and rate where there were several."""
    groups: dict[tuple[str, int, str, int], list[WorkerRow]] = {}
    for row in rows:
        key = (row.database, row.processes, row.scenario, row.result.clients)
        groups.setdefault(key, []).append(row)
    chosen, notes = [], []
    for (kind, processes, scenario, clients), group in groups.items():
        ordered = sorted(group, key=lambda r: r.p99)
        chosen.append(ordered[len(ordered) // 2])
        if len(group) > 1:
            each = ", ".join(f"{r.p99:.0f} ms at {r.result.rate:.0f}/s" for r in group)
            notes.append(
                f"{LABELS[kind]} p{processes} {SCENARIOS[scenario]} {clients} clients, "
                f"p99 by round: {each}"
            )
    return chosen, notes


def line(row: WorkerRow) -> str:
    r = row.result
    errors = f"{r.error_count}" + (f" {dict(r.errors)}" if r.errors else "")
    return (
        f"{LABELS[row.database]} processes={row.processes} {row.scenario} clients={r.clients}: "
        f"{r.rate:.0f}/s p50 {row.p50:.1f} ms p99 {row.p99:.1f} ms errors {errors}; "
        f"accepted {row.accepted_per_s:.0f}/s, waiting {row.waiting}; "
        f"loadgen {row.loadgen_us:.0f} µs/request"
    )


def issued_check(server: Server, key: str, rows: Sequence[WorkerRow], tag: str) -> str:
    issued = sum(r.result.ok_total for r in rows)
    got = next_number(server, key)
    check = "ok" if got == issued + 1 else "MISMATCH"
    return f"{tag}: {issued} issued answers, series next_number {got} ({check})"


# --- one scenario -------------------------------------------------------------------------------


def bench_scenario(
    kind: str, processes: int, scenario: str, config: Config, wconfig: WorkerConfig, tmp: Path
) -> tuple[list[WorkerRow], list[str]]:
    rows: list[WorkerRow] = []
    notes: list[str] = []
    tag = f"{kind}-p{processes}-{scenario}"
    with fresh_database(kind, config.pg_url, tmp) as url, ExitStack() as stack:
        key = new_company(url)
        server = stack.enter_context(
            running_server(
                url,
                RESULTS / f"server-{tag}.log",
                processes,
                env=server_env(scenario, wconfig.sandbox_wait),
            )
        )
        workers: list[subprocess.Popen[bytes]] = []
        if scenario == "separate":
            workers = stack.enter_context(
                worker_processes(wconfig.separate_workers, url, server, tag, wconfig.sandbox_wait)
            )
        db = stack.enter_context(bench_database(url))
        request = issue_request(server, key)
        for clients in config.clients:
            row = measure(
                server, [request], clients, config, db, (kind, processes, scenario), workers
            )
            rows.append(row)
            print(f"  {line(row)}", flush=True)
        notes.append(issued_check(server, key, rows, tag))
        if (dead := dead_workers(workers, tag)) is not None:
            notes.append(dead)
    return rows, notes


# --- the report ---------------------------------------------------------------------------------


def table(rows: Sequence[WorkerRow]) -> str:
    out = [
        "| database | processes | scenario | clients | issued/s | p50 ms | p99 ms | errors "
        "| accepted/s | waiting at end | CPU server | CPU workers | CPU postgres | CPU loadgen "
        "| loadgen µs/req | CPU other |",
        "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        r, cpu = row.result, row.cpu
        pg = f"{cpu['postgres']:.0f}%" if row.database == "postgresql" else "—"
        workers = {"bare": "—", "inproc": "in server"}.get(row.scenario, f"{cpu['workers']:.0f}%")
        out.append(
            f"| {LABELS[row.database]} | {row.processes} | {SCENARIOS[row.scenario]} "
            f"| {r.clients} | {r.rate:.0f} | {row.p50:.1f} | {row.p99:.1f} | {r.error_count} "
            f"| {row.accepted_per_s:.0f} | {row.waiting} | {cpu['server']:.0f}% | {workers} "
            f"| {pg} | {cpu['own']:.0f}% | {row.loadgen_us:.0f} | {row.other:.0f}% |"
        )
    return "\n".join(out)


def ratios(rows: Sequence[WorkerRow]) -> str:
    """p99 with the worker over p99 bare, per database, server processes and clients."""
    by = {(r.database, r.processes, r.result.clients, r.scenario): r for r in rows}
    out = [
        f"| database | processes | clients | p99 bare ms | p99 in-process ms (× bare) "
        f"| p99 separate ms (× bare) | ≤ {TARGET_RATIO:g}× met |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for (kind, processes, clients, scenario), bare in by.items():
        if scenario != "bare":
            continue
        cells, verdicts = [], []
        for other in ("inproc", "separate"):
            row = by.get((kind, processes, clients, other))
            if row is None:
                cells.append("—")
                continue
            ratio = row.p99 / bare.p99 if bare.p99 > 0 else math.nan
            cells.append(f"{row.p99:.1f} ({ratio:.1f}×)")
            verdicts.append(f"{other}: {'yes' if ratio <= TARGET_RATIO else '**no**'}")
        out.append(
            f"| {LABELS[kind]} | {processes} | {clients} | {bare.p99:.1f} | {cells[0]} "
            f"| {cells[1]} | {', '.join(verdicts) or '—'} |"
        )
    return "\n".join(out)


def moonshot(rows: Sequence[WorkerRow]) -> list[str]:
    out = []
    for row in rows:
        r = row.result
        shape = (row.processes, r.clients) == (MOONSHOT_PROCESSES, MOONSHOT_CLIENTS)
        if row.scenario == "bare" or not shape:
            continue
        target = MOONSHOT_RATE[row.database]
        met = r.rate >= target and row.p99 <= MOONSHOT_P99_MS and r.error_count == 0
        out.append(
            f"- **{LABELS[row.database]}, {SCENARIOS[row.scenario]}**: {r.rate:.0f} issued/s, "
            f"p99 {row.p99:.1f} ms; moonshot ≥{target}/s with p99 ≤ {MOONSHOT_P99_MS:.0f} ms: "
            f"{'met' if met else 'NOT met'}"
        )
    return out


CPU_NOTE = (
    "CPU columns: % of one core over the run (warmup included), of {total}% on this machine; "
    "server = the uvicorn process tree (with the in-process worker and the mounted sandbox), "
    "workers = the separate `talonario worker` processes, postgres = every postgres process, "
    "loadgen = this process, other = the rest of the machine (other programs, and on a virtual "
    "machine the time its host gave to others, /proc/stat's steal: well above ~10% means they "
    "competed and the figures are understated). loadgen µs/req = the load "
    "generator's CPU per request sent: requests/s × that / 10⁶ is the share of a core it takes."
)


def report(
    rows: Sequence[WorkerRow], notes: Sequence[str], config: Config, wc: WorkerConfig
) -> str:
    return "\n".join(
        [
            "## HTTP API with the worker remitting",
            "",
            f'POST /v1/invoices with "issue": true (3-line invoice), talonario {__version__}, '
            f"{os.cpu_count()} CPUs, {config.warmup:g} s warmup + {config.seconds:g} s measured "
            f"per row; each scenario on a fresh database and server, its clients in turn, "
            f"{wc.rounds} round(s) interleaved, each row the round with the median p99; "
            f"sandbox TiempoEsperaEnvio {wc.sandbox_wait} s (1,000 waiting records go at once); "
            f"separate workers: {wc.separate_workers} `talonario worker` processes. accepted/s = "
            "records the worker recorded as accepted by the sandbox during the measured window; "
            "waiting = records pending or submitted (no answer yet) at its end.",
            "",
            *moonshot(rows),
            "",
            ratios(rows),
            "",
            table(rows),
            "",
            CPU_NOTE.format(total=100 * (os.cpu_count() or 1)),
            "",
            *(f"- {n}" for n in notes),
            "",
        ]
    )


def section() -> str:
    config, wconfig = Config.from_env(), WorkerConfig.from_env()
    rows: list[WorkerRow] = []
    notes: list[str] = []
    unknown = [s for s in wconfig.scenarios if s not in SCENARIOS]
    if unknown:
        notes.append(f"unknown BENCH_WORKER_SCENARIOS {unknown} skipped")
    scenarios = [s for s in SCENARIOS if s in wconfig.scenarios]
    with ExitStack() as stack:
        tmp = Path(stack.enter_context(TemporaryDirectory(prefix="talonario-bench-worker-")))
        for kind in usable_databases(config.databases, config.pg_url, notes):
            # Rounds interleave the scenarios, so that a spell of a noisy machine (a VM's
            # neighbours) lands on all of them rather than on one.
            for round_ in range(1, wconfig.rounds + 1):
                for processes in config.workers:
                    for scenario in scenarios:
                        name = f"{LABELS[kind]}, processes={processes}, {scenario}"
                        print(f"{name} (round {round_}/{wconfig.rounds}):", flush=True)
                        try:
                            got, more = bench_scenario(
                                kind, processes, scenario, config, wconfig, tmp
                            )
                        except Exception as exc:  # one broken configuration must not hide the rest
                            more = [f"{name} failed: {exc!r}"]
                            print(more[0], flush=True)
                            got = []
                        rows.extend(got)
                        notes.extend(more)
    rows, spread = median_rows(rows)
    notes.extend(spread)
    return report(rows, notes, config, wconfig)

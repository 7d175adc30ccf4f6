"""`make bench` part "chain": a long chain costs nothing per issue, and its audit runs in bounded
memory.

- seed: a company with BENCH_CHAIN_RECORDS (default 1,000,000) accepted records, sealed and
  rendered by the pure library and bulk-loaded straight into the database (bench/seed.py), and
  a company with BENCH_CHAIN_SMALL (default 10); the seeding rate is reported;
- issue: POST /v1/invoices with "issue": true through one real server process, on the long
  chain and on the short one, with each of BENCH_CLIENTS (default "1,16") clients, alternating
  long and short so both see the same machine; the ratio of their rates says whether the cost
  per issue is flat;
- verify: GET /v1/verifactu/chain/verify over the long chain through the same server: wall time,
  the rate it reports, and the server's memory meanwhile (VmRSS of its process tree sampled
  every 20 ms: the peak over what it held before the call; and VmHWM's growth).

Environment: BENCH_CHAIN_RECORDS, BENCH_CHAIN_SMALL, BENCH_SECONDS (default 8), BENCH_WARMUP
(default 2), BENCH_CLIENTS, BENCH_DATABASES (default "sqlite,postgresql"),
TALONARIO_BENCH_DATABASE_URL (as the api part).
"""

import os
import platform
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import httpx
from tests.fixtures.servers import Server, running_server

from bench.common import (
    LABELS,
    accept_issued,
    fresh_database,
    issue_request,
    usable_databases,
)
from bench.loadgen import LoadResult, run_load
from bench.seed import Seeded, seed
from bench.server import CpuSample
from talonario import __version__

RESULTS = Path(__file__).parent / "results"
DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
TARGET_VERIFY_MIB = 200.0
# Flat: the long chain issues at least this share of the short one's rate (noise allowed for).
FLAT_RATIO = 0.8
VERIFY_TIMEOUT = 3600.0


@dataclass(frozen=True)
class Config:
    records: int
    small: int
    seconds: float
    warmup: float
    clients: list[int]
    databases: list[str]
    pg_url: str

    @classmethod
    def from_env(cls) -> "Config":
        clients = os.environ.get("BENCH_CLIENTS", "1,16")
        databases = os.environ.get("BENCH_DATABASES", "sqlite,postgresql")
        return cls(
            records=int(os.environ.get("BENCH_CHAIN_RECORDS", "1000000")),
            small=int(os.environ.get("BENCH_CHAIN_SMALL", "10")),
            seconds=float(os.environ.get("BENCH_SECONDS", "8")),
            warmup=float(os.environ.get("BENCH_WARMUP", "2")),
            clients=[int(c) for c in clients.split(",") if c.strip()],
            databases=[d.strip() for d in databases.split(",") if d.strip()],
            pg_url=os.environ.get("TALONARIO_BENCH_DATABASE_URL", DEFAULT_PG),
        )


# --- shared with bench/backlog.py ---------------------------------------------------------------


def other_cpu(cpu: dict[str, float]) -> float:
    """CPU the machine spent on anything but the server, PostgreSQL and this process. Other
    programs' PostgreSQL backends that exit meanwhile take their CPU out of the sum: their
    share counts as 0, not as less than nothing."""
    ours = cpu["server"] + max(0.0, cpu["postgres"]) + cpu["own"]
    return min(100.0 * (os.cpu_count() or 1), max(0.0, cpu["machine_busy"] - ours))


def tree(pid: int) -> set[int]:
    """`pid` and its descendants (uvicorn's workers)."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as f:
                    raw = f.read().decode(errors="replace")
            except OSError:
                continue
            ppid = int(raw[raw.rindex(")") + 2 :].split()[1])
            children.setdefault(ppid, []).append(int(entry.name))
    found, frontier = set(), [pid]
    while frontier:
        current = frontier.pop()
        found.add(current)
        frontier.extend(children.get(current, []))
    return found


def memory_kib(pids: set[int]) -> tuple[int, int]:
    """(sum of VmRSS, sum of VmHWM) over `pids`, in KiB."""
    rss = hwm = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        rss += int(line.split()[1])
                    elif line.startswith("VmHWM:"):
                        hwm += int(line.split()[1])
        except OSError:
            continue
    return rss, hwm


class MemoryWatch(threading.Thread):
    """Samples the server tree's memory until stopped: its peak RSS and HWM growth."""

    def __init__(self, pid: int, every: float = 0.02) -> None:
        super().__init__(daemon=True, name="memory-watch")
        self.pids = tree(pid)
        self.every = every
        self.before_rss, self.before_hwm = memory_kib(self.pids)
        self.peak_rss = self.before_rss
        self.after_hwm = self.before_hwm
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            rss, _ = memory_kib(self.pids)
            self.peak_rss = max(self.peak_rss, rss)
            self._stop_event.wait(self.every)

    def finish(self) -> None:
        self._stop_event.set()
        self.join()
        rss, self.after_hwm = memory_kib(self.pids)
        self.peak_rss = max(self.peak_rss, rss)

    @property
    def growth_mib(self) -> float:
        return (self.peak_rss - self.before_rss) / 1024

    @property
    def hwm_growth_mib(self) -> float:
        return (self.after_hwm - self.before_hwm) / 1024


# --- this part ----------------------------------------------------------------------------------


@dataclass
class IssueRow:
    database: str
    chain: int  # records in the company's chain when the run began
    result: LoadResult
    other: float


@dataclass
class VerifyRow:
    database: str
    answer: dict[str, object]
    wall: float
    growth_mib: float
    hwm_growth_mib: float
    before_mib: float
    other: float


@dataclass
class SeedRow:
    database: str
    seeded: Seeded


def issue_runs(
    kind: str, server: Server, companies: list[Seeded], config: Config
) -> list[IssueRow]:
    rows: list[IssueRow] = []
    chain = {c.key: c.records for c in companies}
    for clients in config.clients:
        for company in companies:
            before = CpuSample.take(server.process.pid)
            result = run_load(
                server.host,
                server.port,
                [issue_request(server, company.key)],
                accept_issued,
                clients,
                config.warmup,
                config.seconds,
            )
            cpu = CpuSample.take(server.process.pid).percent_since(before)
            row = IssueRow(kind, chain[company.key], result, other_cpu(cpu))
            chain[company.key] += result.ok_total
            rows.append(row)
            print(
                f"  issue, chain {row.chain:,}, {clients} clients: {result.rate:.0f}/s "
                f"p50 {result.percentile_ms(50):.1f} ms p99 {result.percentile_ms(99):.1f} ms "
                f"errors {result.error_count}",
                flush=True,
            )
    return rows


def verify_run(kind: str, server: Server, company: Seeded) -> VerifyRow:
    watch = MemoryWatch(server.process.pid)
    before_cpu = CpuSample.take(server.process.pid)
    watch.start()
    started = time.perf_counter()
    try:
        r = httpx.get(
            f"{server.url}/v1/verifactu/chain/verify",
            headers={"Authorization": f"Bearer {company.key}"},
            timeout=VERIFY_TIMEOUT,
        )
    finally:
        wall = time.perf_counter() - started
        watch.finish()
    r.raise_for_status()
    cpu = CpuSample.take(server.process.pid).percent_since(before_cpu)
    row = VerifyRow(
        kind,
        r.json(),
        wall,
        watch.growth_mib,
        watch.hwm_growth_mib,
        watch.before_rss / 1024,
        other_cpu(cpu),
    )
    a = row.answer
    print(
        f"  verify: {a['records']:,} records valid={a['valid']} in {wall:.1f} s "
        f"({a.get('records_per_second')}/s by the server), RSS +{row.growth_mib:.0f} MiB "
        f"(HWM +{row.hwm_growth_mib:.0f} MiB)",
        flush=True,
    )
    return row


def bench_database(
    kind: str, config: Config, tmp: Path
) -> tuple[SeedRow, list[IssueRow], VerifyRow]:
    with fresh_database(kind, config.pg_url, tmp) as url:
        print(f"  seeding {config.records:,} records...", flush=True)
        big = seed(url, config.records, span=_span(config.records))
        print(f"  seeded {big.records:,} in {big.seconds:.0f} s ({big.rate:,.0f}/s)", flush=True)
        small = seed(url, config.small, span=_span(config.small))
        with running_server(url, RESULTS / f"server-chain-{kind}.log") as server:
            issues = issue_runs(kind, server, [big, small], config)
            verify = verify_run(kind, server, big)
    return SeedRow(kind, big), issues, verify


def _span(records: int) -> timedelta:
    """Generated up to now at a thousand records a second (one busy day at most)."""
    return timedelta(seconds=records / 1000)


def table(
    seeds: list[SeedRow], issues: list[IssueRow], verifies: list[VerifyRow], config: Config
) -> str:
    out = [
        "| database | chain | clients | issued/s | p50 ms | p99 ms | errors | vs. short chain "
        "| CPU other |",
        "|---|---:|---:|---:|---:|---:|---:|---|---:|",
    ]
    for row in issues:
        r = row.result
        short = next(
            (
                o
                for o in issues
                if o.database == row.database
                and o.result.clients == r.clients
                and o.chain < row.chain
            ),
            None,
        )
        ratio = "—"
        if short is not None and short.result.rate:
            value = r.rate / short.result.rate
            flat = "flat" if value >= FLAT_RATIO else "**not flat**"
            ratio = f"{value:.2f}× ({flat})"
        out.append(
            f"| {LABELS[row.database]} | {row.chain:,} | {r.clients} | {r.rate:.0f} "
            f"| {r.percentile_ms(50):.1f} | {r.percentile_ms(99):.1f} | {r.error_count} "
            f"| {ratio} | {row.other:.0f}% |"
        )
    out += [
        "",
        "| database | records verified | valid | wall s | records/s (server) "
        "| RSS growth MiB (peak) | VmHWM growth MiB | target | met | CPU other |",
        "|---|---:|---|---:|---:|---:|---:|---|---|---:|",
    ]
    for v in verifies:
        a = v.answer
        met = "yes" if v.growth_mib < TARGET_VERIFY_MIB and a["valid"] else "**no**"
        out.append(
            f"| {LABELS[v.database]} | {a['records']:,} | {a['valid']} | {v.wall:.1f} "
            f"| {float(str(a.get('records_per_second', 0))):,.0f} | {v.growth_mib:.0f} "
            f"| {v.hwm_growth_mib:.0f} | < {TARGET_VERIFY_MIB:.0f} MiB, valid | {met} "
            f"| {v.other:.0f}% |"
        )
    out += [
        "",
        "| database | records seeded | seconds | records/s |",
        "|---|---:|---:|---:|",
    ]
    for s in seeds:
        out.append(
            f"| {LABELS[s.database]} | {s.seeded.records:,} | {s.seeded.seconds:.0f} "
            f"| {s.seeded.rate:,.0f} |"
        )
    return "\n".join(out)


def section() -> str:
    """Run the part; return its Markdown section for bench/results/latest.md."""
    config = Config.from_env()
    RESULTS.mkdir(exist_ok=True)
    seeds: list[SeedRow] = []
    issues: list[IssueRow] = []
    verifies: list[VerifyRow] = []
    notes: list[str] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="talonario-chain-") as tmp:
        for kind in usable_databases(config.databases, config.pg_url, notes):
            print(f"chain, {LABELS[kind]}:", flush=True)
            try:
                seeded, issued, verified = bench_database(kind, config, Path(tmp))
            except Exception as exc:  # one broken database must not hide the other
                notes.append(f"{LABELS[kind]} failed: {exc!r}")
                print(notes[-1], flush=True)
                continue
            seeds.append(seeded)
            issues.extend(issued)
            verifies.append(verified)
    minutes = (time.perf_counter() - started) / 60
    return "\n".join(
        [
            "## Long chains",
            "",
            f"talonario {__version__}, Python {platform.python_version()}, {os.cpu_count()} "
            f"CPUs; one server process (workers=1); a company with {config.records:,} accepted "
            f"records (seeded straight into the database) against one with {config.small}; "
            f"{config.warmup:g} s warmup + {config.seconds:g} s measured per issue row; the "
            f"part took {minutes:.1f} min.",
            "",
            table(seeds, issues, verifies, config),
            "",
            f"Flat: the long chain issues at ≥ {FLAT_RATIO:g}× the short chain's rate (noise "
            "allowed for). RSS growth: the peak of the server tree's VmRSS during the verify "
            "call over its VmRSS before it (sampled every 20 ms); VmHWM growth: how far the "
            "call moved the processes' high-water mark (0 when the issue runs before had "
            "already taken the memory). CPU other: % of one core other programs took; well "
            "above ~10% means they competed and the rates are understated.",
            "",
            *(f"- {n}" for n in notes),
            "",
        ]
    )


if __name__ == "__main__":
    print(section())

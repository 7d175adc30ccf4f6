"""`make bench` part "gateway": an ERP registering the invoices it numbered itself, as users
run it: batches of 1,000 `POST /v1/records/batch` from one client while 16 clients issue
invoices on the same company, through real server processes with the in-process worker
remitting to the sandbox.

For each database: BENCH_GATEWAY_BATCHES batches (default 10) of 1,000 records, one after
another; meanwhile 16 clients issue for the same company for as long as the batches take.
Reported: each batch's time (median and max), records registered per second, the issuing rate
and p99 beside the batches against the same load alone, and how long after the last batch
every record was accepted.
"""

import os
import statistics
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy import func, select
from tests.fixtures.factories import create_company
from tests.fixtures.servers import running_server
from tests.gateway.test_records import record

from bench.__main__ import Config
from bench.common import (
    LABELS,
    accept_issued,
    fresh_database,
    issue_request,
    usable_databases,
)
from bench.loadgen import run_load
from talonario.config import Settings
from talonario.db import create_database
from talonario.models import VerifactuRecord

CLIENTS = 16


@dataclass(frozen=True)
class Row:
    database: str
    batches: int
    batch_median_s: float
    batch_max_s: float
    records_per_s: float
    issue_rate_alone: float
    issue_p99_alone_ms: float
    issue_rate_beside: float
    issue_p99_beside_ms: float
    accepted_after_s: float


def _accepted(url: str) -> tuple[int, int]:
    db = create_database(Settings(database_url=url))
    try:
        with db.read_session() as session:
            total = session.scalar(select(func.count()).select_from(VerifactuRecord)) or 0
            done = (
                session.scalar(
                    select(func.count())
                    .select_from(VerifactuRecord)
                    .where(VerifactuRecord.status == "accepted")
                )
                or 0
            )
            return int(done), int(total)
    finally:
        db.dispose()


def bench_database(kind: str, config: Config, batches: int, tmp: Path) -> Row:
    with fresh_database(kind, config.pg_url, tmp) as url:
        db = create_database(Settings(database_url=url))
        try:
            _, key = create_company(db)
        finally:
            db.dispose()
        env = {"TALONARIO_RUN_WORKER": "true", "TALONARIO_SANDBOX_WAIT_SECONDS": "5"}
        with running_server(url, tmp / f"gateway-{kind}.log", 2, env=env) as server:
            request = issue_request(server, key)
            alone = run_load(
                server.host, server.port, [request], accept_issued, CLIENTS,
                config.warmup, config.seconds,
            )  # fmt: skip
            headers = {"Authorization": f"Bearer {key}"}
            times: list[float] = []

            def post_batches() -> None:
                with httpx.Client(base_url=server.url, headers=headers, timeout=120) as http:
                    for b in range(batches):
                        records = [record(f"G{b:03d}-{n:04d}") for n in range(1000)]
                        body = {"records": records}
                        began = time.perf_counter()
                        r = http.post("/v1/records/batch", json=body)
                        times.append(time.perf_counter() - began)
                        assert r.status_code == 200 and r.json()["created"] == 1000, r.text[:300]

            poster = threading.Thread(target=post_batches)
            began = time.perf_counter()
            poster.start()
            # The load's window falls within the batches (10 take longer than warmup + window).
            beside = run_load(
                server.host, server.port, [request], accept_issued, CLIENTS,
                config.warmup, config.seconds,
            )  # fmt: skip
            poster.join()
            elapsed = time.perf_counter() - began
            deadline = time.monotonic() + 600
            while time.monotonic() < deadline:
                done, total = _accepted(url)
                if done == total:
                    break
                time.sleep(1)
            accepted_after = time.perf_counter() - began - elapsed
    return Row(
        LABELS[kind],
        batches,
        statistics.median(times),
        max(times),
        batches * 1000 / sum(times),
        alone.rate,
        alone.percentile_ms(99),
        beside.rate,
        beside.percentile_ms(99),
        accepted_after,
    )


def section() -> str:
    config = Config.from_env()
    batches = int(os.environ.get("BENCH_GATEWAY_BATCHES", "10"))
    rows: list[Row] = []
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="talonario-gateway-") as tmp:
        for kind in usable_databases(config.databases, config.pg_url, notes):
            print(f"gateway, {LABELS[kind]}:", flush=True)
            try:
                rows.append(bench_database(kind, config, batches, Path(tmp)))
            except Exception as exc:  # one broken database must not hide the other
                notes.append(f"{LABELS[kind]} failed: {exc!r}")
                print(notes[-1], flush=True)
    lines = [
        "## Gateway batches beside issuing",
        "",
        f"{batches} batches of 1,000 `POST /v1/records/batch`, one after another, while"
        f" {CLIENTS} clients issue invoices on the same company; 2 server processes, the"
        " in-process worker remitting (TiempoEsperaEnvio 5 s).",
        "",
        "| database | batch median | batch max | records/s | issuing alone | p99 alone"
        " | issuing beside | p99 beside | all accepted after |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r.database} | {r.batch_median_s:.2f} s | {r.batch_max_s:.2f} s"
            f" | {r.records_per_s:.0f} | {r.issue_rate_alone:.0f}/s | {r.issue_p99_alone_ms:.0f} ms"
            f" | {r.issue_rate_beside:.0f}/s | {r.issue_p99_beside_ms:.0f} ms"
            f" | {r.accepted_after_s:.0f} s |"
        )
    lines += ["", *notes, ""]
    return "\n".join(lines)

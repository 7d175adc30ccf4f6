"""Gapless numbering under real concurrency: two server processes, twenty HTTP clients, one
series. Each process has its own engine, pool and (on SQLite) its own in-process write lock,
so only the database itself can keep two issues from taking the same number."""

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from talonario.config import Settings
from talonario.db import create_database
from tests.fixtures.database import migrated_database
from tests.fixtures.factories import create_company, invoice_body

pytestmark = pytest.mark.xdist_group("servers")

INVOICES = 200
CLIENTS = 20
HOST = "127.0.0.1"
START_TIMEOUT = 20.0
REQUEST_TIMEOUT = 20.0
STOP_TIMEOUT = 10.0
NUMBER = re.compile(r"^F(\d{4})-(\d{5})$")


def talonario_command() -> str:
    beside = Path(sys.executable).parent / "talonario"
    return str(beside) if beside.exists() else "talonario"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    url: str
    log: Path

    def log_tail(self, chars: int = 4000) -> str:
        try:
            return self.log.read_text(errors="replace")[-chars:]
        except OSError:
            return ""


def stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM for a clean uvicorn shutdown, then SIGKILL to its whole group if it lingers."""
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # not reaped yet: the group id is still ours
        process.wait(timeout=STOP_TIMEOUT)


def wait_healthy(server: Server) -> bool:
    """True once GET /health answers, False if the process died (e.g. its port was taken)."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            return False
        try:
            if httpx.get(f"{server.url}/health", timeout=1.0).status_code == 200:
                return True
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"{server.url} not healthy in {START_TIMEOUT}s:\n{server.log_tail()}")


def spawn(database_url: str, log: Path) -> Server:
    """One `talonario serve` process (one uvicorn worker) on a free loopback port."""
    env = os.environ | {
        "TALONARIO_DATABASE_URL": database_url,
        "TALONARIO_RATE_LIMIT_PER_MINUTE": "0",
        "TALONARIO_API_KEY_CACHE_SECONDS": "10",
        "TALONARIO_DEMO_COMPANY": "false",
        "TALONARIO_HOST": HOST,
    }
    env.pop("TALONARIO_REDIS_URL", None)
    port = free_port()
    with log.open("wb") as out:
        process = subprocess.Popen(
            [talonario_command(), "serve", "--no-migrate", "--host", HOST, "--port", str(port)],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    return Server(process, f"http://{HOST}:{port}", log)


@contextmanager
def running_servers(database_url: str, logs: list[Path]) -> Iterator[list[Server]]:
    """Server processes started side by side, healthy on entry and always stopped on exit."""
    started: list[Server] = []
    try:
        for log in logs:
            started.append(spawn(database_url, log))
        for i, log in enumerate(logs):
            # A free port may be taken by someone else before the server binds it: try anew.
            for attempt in range(3):
                if attempt:
                    stop(started[i].process)
                    started[i] = spawn(database_url, log)
                if wait_healthy(started[i]):
                    break
            else:
                raise AssertionError(f"server would not start:\n{started[i].log_tail()}")
        yield started
    finally:
        for s in started:
            stop(s.process)


@pytest.fixture(params=["sqlite", "postgresql"])
def served_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database of its own (not the session's): the servers' company is alone in it."""
    with migrated_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def company_key(served_database: str) -> str:
    db = create_database(Settings(database_url=served_database))
    try:
        _, key = create_company(db)
    finally:
        db.dispose()
    return key


@pytest.fixture
def servers(served_database: str, company_key: str, tmp_path: Path) -> Iterator[list[Server]]:
    logs = [tmp_path / f"server{i}.log" for i in (0, 1)]
    with running_servers(served_database, logs) as started:
        yield started


def test_two_processes_issue_gapless_unique_numbers(
    servers: list[Server], company_key: str
) -> None:
    headers = {"Authorization": f"Bearer {company_key}"}
    body = invoice_body(issue=True)
    start = threading.Barrier(CLIENTS)
    per_client = INVOICES // CLIENTS

    def client(index: int) -> list[tuple[int, Any]]:
        answers = []
        with httpx.Client(headers=headers, timeout=REQUEST_TIMEOUT) as http:
            start.wait(timeout=REQUEST_TIMEOUT)
            for n in range(per_client):
                target = servers[(index + n) % 2]
                r = http.post(f"{target.url}/v1/invoices", json=body)
                answers.append((r.status_code, r.json() if r.status_code == 201 else r.text))
        return answers

    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        futures = [pool.submit(client, i) for i in range(CLIENTS)]
        answers = [a for f in futures for a in f.result(timeout=per_client * REQUEST_TIMEOUT)]

    failures = [(status, payload) for status, payload in answers if status != 201]
    logs = "\n".join(s.log_tail() for s in servers)
    assert len(answers) == INVOICES
    assert not failures, f"{len(failures)} non-201 answers, first: {failures[0]}\n{logs}"

    numbers = [payload["number"] for _, payload in answers]
    assert len(set(numbers)) == INVOICES, "an invoice number was handed out twice"
    parsed = [NUMBER.match(n) for n in numbers]
    assert all(parsed), f"unexpected number format: {numbers[:5]}"
    assert len({m.group(1) for m in parsed if m}) == 1, "numbers of more than one year"
    assert sorted(int(m.group(2)) for m in parsed if m) == list(range(1, INVOICES + 1))
    assert {payload["status"] for _, payload in answers} == {"issued"}

    r = httpx.get(
        f"{servers[0].url}/v1/series", params={"kind": "standard"}, headers=headers, timeout=10
    )
    assert r.status_code == 200, r.text
    series = [s for s in r.json()["data"] if s["default"]]
    assert len(series) == 1, r.text
    assert series[0]["next_number"] == INVOICES + 1

    # The record chain: one link per invoice, no fork, every huella recomputing from its XML.
    r = httpx.get(f"{servers[1].url}/v1/verifactu/chain/verify", headers=headers, timeout=30)
    assert r.json() == {"valid": True, "records": INVOICES, "first_break": None}
    huellas = {payload["verifactu"]["huella"] for _, payload in answers}
    assert len(huellas) == INVOICES

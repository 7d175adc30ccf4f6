"""`talonario serve --workers N`: every process takes connections, and none outlives the server."""

import os
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, text

from talonario.config import Settings
from talonario.db import create_database
from tests.fixtures.database import migrated_database
from tests.fixtures.factories import create_company, invoice_body
from tests.fixtures.servers import HOST, free_port, running_server, talonario_command

pytestmark = [
    pytest.mark.xdist_group("servers"),
    pytest.mark.skipif(not hasattr(socket, "SO_REUSEPORT"), reason="needs SO_REUSEPORT"),
]
CONNECTIONS = 16


def children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def socket_inodes(pid: int) -> set[str]:
    inodes = set()
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    return inodes


def accepted_on(port: int) -> set[str]:
    """Inodes of the established connections whose local end is `port` (the server's side)."""
    inodes = set()
    with open("/proc/net/tcp") as table:
        next(table)
        for line in table:
            fields = line.split()
            local_port = int(fields[1].split(":")[1], 16)
            if local_port == port and fields[3] == "01":
                inodes.add(fields[9])
    return inodes


def test_connections_opened_together_are_spread_over_the_worker_processes(
    tmp_path: Path,
) -> None:
    with (
        migrated_database("sqlite", tmp_path) as url,
        running_server(url, tmp_path / "server.log", workers=2) as server,
    ):
        workers = children(server.process.pid)
        workers = [w for w in workers if socket_inodes(w)]  # the servers, not helper processes
        assert len(workers) == 2
        clients = [socket.create_connection((HOST, server.port)) for _ in range(CONNECTIONS)]
        try:
            for client in clients:  # one keep-alive request each: every connection accepted
                client.sendall(f"GET /health HTTP/1.1\r\nHost: {HOST}\r\n\r\n".encode())
            for client in clients:
                assert client.recv(4096).startswith(b"HTTP/1.1 200")
            served = accepted_on(server.port)
            per_worker = [len(socket_inodes(w) & served) for w in workers]
        finally:
            for client in clients:
                client.close()
    assert sum(per_worker) == CONNECTIONS
    # One shared socket would hand all of them to whichever process woke first.
    assert min(per_worker) >= 2, per_worker
    assert all(not os.path.exists(f"/proc/{w}") for w in workers), "a worker outlived the server"


def test_a_port_held_by_another_program_is_refused(tmp_path: Path) -> None:
    port = free_port()
    with socket.socket() as other, migrated_database("sqlite", tmp_path) as url:
        other.bind((HOST, port))
        other.listen()
        env = os.environ | {"TALONARIO_DATABASE_URL": url}
        command = [talonario_command(), "serve", "--no-migrate", "--workers", "2"]
        result = subprocess.run(
            [*command, "--host", HOST, "--port", str(port)],
            env=env,
            capture_output=True,
            timeout=60,
        )
    assert result.returncode != 0
    assert b"Address already in use" in result.stderr


@pytest.mark.parametrize("workers", [1, 2])
def test_a_busy_port_fails_before_a_demo_company_and_key_are_made(
    tmp_path: Path, workers: int
) -> None:
    port = free_port()
    with socket.socket() as other, migrated_database("sqlite", tmp_path) as url:
        other.bind((HOST, port))
        other.listen()
        env = os.environ | {"TALONARIO_DATABASE_URL": url}
        env.pop("TALONARIO_DEMO_COMPANY", None)
        command = [talonario_command(), "serve", "--demo", "--workers", str(workers)]
        result = subprocess.run(
            [*command, "--host", HOST, "--port", str(port)],
            env=env,
            capture_output=True,
            timeout=60,
        )
        engine = create_engine(url)
        try:
            with engine.connect() as conn:
                companies = conn.execute(text("SELECT count(*) FROM companies")).scalar()
        finally:
            engine.dispose()
    assert result.returncode != 0
    assert f"{HOST}:{port}".encode() in result.stderr
    assert b"Address already in use" in result.stderr
    assert b"API key" not in result.stdout + result.stderr
    assert companies == 0


def _worker_processes(pid: int) -> list[int]:
    """The server's spawned children that are not API servers (no listening socket of theirs
    is needed: the worker is the child spawned without one)."""
    found = []
    for child in children(pid):
        try:
            with open(f"/proc/{child}/cmdline", "rb") as f:
                cmdline = f.read()
        except OSError:
            continue
        if b"spawn_main" in cmdline:
            found.append(child)
    return found


def _eventually(check: Callable[[], Any], seconds: float = 15.0) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if value := check():
            return value
        time.sleep(0.1)
    raise AssertionError("not within the time allowed")


def test_serve_with_the_worker_runs_it_as_a_process_restarted_if_it_dies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TALONARIO_RUN_WORKER", "true")
    monkeypatch.setenv("TALONARIO_WORKER_POLL_SECONDS", "0.2")
    with migrated_database("sqlite", tmp_path) as url:
        db = create_database(Settings(database_url=url))
        try:
            _, key = create_company(db)
        finally:
            db.dispose()
        with (
            running_server(url, tmp_path / "server.log") as server,
            httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {key}"}) as api,
        ):
            first = _eventually(lambda: _worker_processes(server.process.pid))
            assert len(first) == 1
            # It yields the CPU to the API's requests (TALONARIO_WORKER_NICE, default 10).
            own = os.getpriority(os.PRIO_PROCESS, 0)
            assert _eventually(lambda: os.getpriority(os.PRIO_PROCESS, first[0]) == own + 10)
            os.kill(first[0], signal.SIGKILL)
            second = _eventually(
                lambda: [p for p in _worker_processes(server.process.pid) if p != first[0]]
            )
            issued = api.post("/v1/invoices", json=invoice_body(issue=True))
            assert issued.status_code == 201, issued.text
            path = f"/v1/invoices/{issued.json()['id']}"
            # The replacement remits: to the sandbox this server mounts.
            _eventually(lambda: api.get(path).json()["verifactu"]["status"] == "accepted")
    assert not os.path.exists(f"/proc/{second[0]}"), "the worker outlived the server"

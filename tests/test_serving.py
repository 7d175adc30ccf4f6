"""`talonario serve --workers N`: every process takes connections, and none outlives the server."""

import os
import socket
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.fixtures.database import migrated_database
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

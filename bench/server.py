"""`talonario serve` as real processes for the benchmark, and CPU accounting from /proc."""

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

HOST = "127.0.0.1"
START_TIMEOUT = 30.0
STOP_TIMEOUT = 10.0
_TICK = os.sysconf("SC_CLK_TCK")


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    host: str
    port: int
    log: Path

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def log_tail(self, chars: int = 3000) -> str:
        try:
            return self.log.read_text(errors="replace")[-chars:]
        except OSError:
            return ""


def talonario_command() -> str:
    beside = Path(sys.executable).parent / "talonario"
    return str(beside) if beside.exists() else "talonario"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM (uvicorn stops its workers), then SIGKILL to the process group if it lingers."""
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # not reaped yet: the group id is still ours
        process.wait(timeout=STOP_TIMEOUT)


def _healthy(server: Server) -> bool:
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
    raise RuntimeError(f"{server.url} not healthy in {START_TIMEOUT}s:\n{server.log_tail()}")


@contextmanager
def serve(database_url: str, workers: int, log: Path) -> Iterator[Server]:
    """`talonario serve --no-migrate --workers N` on a free loopback port, rate limit off."""
    env = os.environ | {
        "TALONARIO_DATABASE_URL": database_url,
        "TALONARIO_RATE_LIMIT_PER_MINUTE": "0",
        "TALONARIO_DEMO_COMPANY": "false",
        "TALONARIO_HOST": HOST,
    }
    env.pop("TALONARIO_REDIS_URL", None)
    for _ in range(3):  # a free port can be taken before the server binds it: try anew
        port = free_port()
        command = [talonario_command(), "serve", "--no-migrate"]
        command += ["--host", HOST, "--port", str(port), "--workers", str(workers)]
        with log.open("wb") as out:
            process = subprocess.Popen(
                command,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        server = Server(process, HOST, port, log)
        try:
            if _healthy(server):
                yield server
                return
        finally:
            _stop(process)
    raise RuntimeError(f"the server would not start:\n{log.read_text(errors='replace')}")


# --- CPU accounting -----------------------------------------------------------------------------


def _processes() -> dict[int, tuple[int, str, float]]:
    """pid -> (ppid, command name, CPU seconds used) for every process we can read."""
    table = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                raw = f.read().decode(errors="replace")
        except OSError:
            continue
        name = raw[raw.index("(") + 1 : raw.rindex(")")]
        fields = raw[raw.rindex(")") + 2 :].split()
        # fields[0] is state (stat field 3): ppid is field 4, utime 14, stime 15.
        table[int(entry.name)] = (int(fields[1]), name, (int(fields[11]) + int(fields[12])) / _TICK)
    return table


@dataclass(frozen=True)
class CpuSample:
    wall: float
    server: float
    postgres: float
    own: float
    machine_busy: float

    @classmethod
    def take(cls, server_pid: int) -> "CpuSample":
        table = _processes()
        tree, frontier = set(), {server_pid}
        while frontier:
            tree |= frontier
            frontier = {pid for pid, (ppid, _, _) in table.items() if ppid in frontier} - tree
        own = os.times()
        return cls(
            wall=time.perf_counter(),
            server=sum(table[pid][2] for pid in tree if pid in table),
            postgres=sum(cpu for _, name, cpu in table.values() if name.startswith("postgres")),
            own=own.user + own.system,
            machine_busy=_machine_busy_seconds(),
        )

    def percent_since(self, before: "CpuSample") -> dict[str, float]:
        """CPU used between two samples, in % of one core."""
        wall = self.wall - before.wall
        return {
            key: 100 * (getattr(self, key) - getattr(before, key)) / wall
            for key in ("server", "postgres", "own", "machine_busy")
        }


def _machine_busy_seconds() -> float:
    with open("/proc/stat") as f:
        values = [int(v) for v in f.readline().split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return (sum(values[:8]) - idle) / _TICK

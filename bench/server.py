"""CPU accounting from /proc for the benchmark; the server processes come from tests.fixtures."""

import os
import time
from dataclasses import dataclass

_TICK = os.sysconf("SC_CLK_TCK")


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

"""A lean closed-loop HTTP/1.1 load generator over asyncio streams.

Each of N keep-alive connections sends a prepared request (the same one, or in rotation), reads
the answer (Content-Length, or chunked), and repeats until the deadline. Only answers completed
inside the measurement window count for throughput and latency; non-201 answers (and transport
faults) are errors in any phase. Everything is bounded: per-request timeout and an overall
deadline.
"""

import asyncio
import math
import socket
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

REQUEST_TIMEOUT = 10.0
DRAIN_GRACE = 15.0


@dataclass
class LoadResult:
    clients: int
    measured_seconds: float
    latencies: list[float] = field(default_factory=list)  # seconds, measurement window only
    ok_total: int = 0  # accepted answers in every phase (warmup, window, drain)
    errors: Counter[str] = field(default_factory=Counter)
    cpu_seconds: float = 0.0  # this process's CPU over the whole run: the load generator's cost

    @property
    def completed(self) -> int:
        return len(self.latencies)

    @property
    def rate(self) -> float:
        return self.completed / self.measured_seconds if self.measured_seconds else 0.0

    def percentile_ms(self, p: float) -> float:
        """Nearest-rank percentile of the window's latencies, in milliseconds."""
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        rank = max(1, min(len(ordered), math.ceil(p / 100 * len(ordered))))
        return ordered[rank - 1] * 1000

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())

    @property
    def cpu_us_per_request(self) -> float:
        """The load generator's CPU per request it sent (every phase), in µs."""
        sent = self.ok_total + self.error_count
        return 1e6 * self.cpu_seconds / sent if sent else math.nan


def build_request(
    host: str, port: int, method: str, path: str, body: bytes, headers: dict[str, str]
) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}:{port}"]
    lines += [f"{k}: {v}" for k, v in headers.items()]
    lines += [f"Content-Length: {len(body)}", "", ""]
    return "\r\n".join(lines).encode("latin-1") + body


async def _read_chunked(reader: asyncio.StreamReader) -> bytes:
    parts: list[bytes] = []
    while True:
        size = int((await reader.readuntil(b"\r\n")).split(b";", 1)[0].strip(), 16)
        if size == 0:
            await reader.readuntil(b"\r\n")  # no trailers from uvicorn: the final CRLF
            return b"".join(parts)
        parts.append(await reader.readexactly(size))
        await reader.readexactly(2)


async def read_response(reader: asyncio.StreamReader) -> tuple[int, bytes, bool]:
    """(status, body, server_closes) of one HTTP/1.1 response."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split(b" ", 2)[1])
    length: int | None = None
    chunked = closes = False
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name == b"content-length":
            length = int(value)
        elif name == b"transfer-encoding":
            chunked = b"chunked" in value.lower()
        elif name == b"connection":
            closes = b"close" in value.lower()
    if chunked:
        body = await _read_chunked(reader)
    elif length is not None:
        body = await reader.readexactly(length)
    else:
        body, closes = await reader.read(), True
    return status, body, closes


async def _connection(
    host: str,
    port: int,
    requests: Sequence[bytes],
    order: tuple[int, int],
    accept: Callable[[int, bytes], bool],
    window: tuple[float, float],
    result: LoadResult,
) -> None:
    """`order` (first, step): the k-th request sent is requests[(first + k*step) % len]."""
    start, end = window
    first, step = order
    sent = 0
    reader: asyncio.StreamReader | None = None
    writer: asyncio.StreamWriter | None = None
    try:
        while time.perf_counter() < end:
            request = requests[(first + sent * step) % len(requests)]
            sent += 1
            try:
                async with asyncio.timeout(REQUEST_TIMEOUT):
                    if writer is None:
                        reader, writer = await asyncio.open_connection(host, port)
                        sock = writer.get_extra_info("socket")
                        if sock is not None:
                            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                    assert reader is not None
                    t0 = time.perf_counter()
                    writer.write(request)
                    status, body, closes = await read_response(reader)
            except (OSError, TimeoutError, asyncio.IncompleteReadError, ValueError) as exc:
                result.errors[type(exc).__name__] += 1
                if writer is not None:
                    writer.close()
                reader = writer = None
                await asyncio.sleep(0.05)
                continue
            t1 = time.perf_counter()
            if accept(status, body):
                result.ok_total += 1
                if start <= t1 <= end:
                    result.latencies.append(t1 - t0)
            else:
                result.errors[f"HTTP {status}"] += 1
            if closes:
                writer.close()
                reader = writer = None
    finally:
        if writer is not None:
            writer.close()


async def _run(
    host: str,
    port: int,
    requests: Sequence[bytes],
    accept: Callable[[int, bytes], bool],
    clients: int,
    warmup: float,
    seconds: float,
    rotate: bool,
) -> LoadResult:
    now = time.perf_counter()
    window = (now + warmup, now + warmup + seconds)
    result = LoadResult(clients=clients, measured_seconds=seconds)
    step = clients if rotate else 0
    tasks = [
        asyncio.create_task(_connection(host, port, requests, (i, step), accept, window, result))
        for i in range(clients)
    ]
    _, pending = await asyncio.wait(tasks, timeout=warmup + seconds + DRAIN_GRACE)
    for task in pending:  # a connection stuck past every deadline: count it, stop it
        task.cancel()
        result.errors["stuck"] += 1
    await asyncio.gather(*tasks, return_exceptions=True)
    return result


def run_load(
    host: str,
    port: int,
    requests: Sequence[bytes],
    accept: Callable[[int, bytes], bool],
    clients: int,
    warmup: float,
    seconds: float,
    *,
    rotate: bool = False,
) -> LoadResult:
    """Drive `clients` closed-loop connections for warmup + seconds; uvloop when installed.

    Connection i sends requests[i % len(requests)] over and over (e.g. one per API key); with
    `rotate`, its k-th request is requests[(i + k*clients) % len(requests)], so the connections
    together go round all of them (e.g. many companies, none left out)."""
    try:
        import uvloop

        loop_factory = uvloop.new_event_loop
    except ImportError:  # pragma: no cover - uvloop comes with uvicorn[standard]
        loop_factory = None
    cpu = time.process_time()
    with asyncio.Runner(loop_factory=loop_factory) as runner:
        result = runner.run(_run(host, port, requests, accept, clients, warmup, seconds, rotate))
    result.cpu_seconds = time.process_time() - cpu
    return result

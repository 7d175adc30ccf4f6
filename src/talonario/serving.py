"""Serving the API in several processes, each accepting on a socket of its own.

uvicorn's `--workers` shares one listening socket between its processes, and the first process
to wake accepts every connection waiting: keep-alive clients that connect together (a POS fleet
after a restart, an ERP's connection pool) all land on one process while the others idle. Here
each process binds its own socket with SO_REUSEPORT, and the kernel spreads the connections.

A background process (the worker of `serve --worker`) runs beside them, is restarted if it dies,
and is stopped with them.
"""

import multiprocessing
import os
import signal
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from multiprocessing.connection import wait
from multiprocessing.process import BaseProcess
from typing import Any

import uvicorn

STOP_TIMEOUT = 15.0


def bind(host: str, port: int) -> socket.socket:
    """Take the listening address now, before anything is created or printed: a port another
    program holds fails here (OSError), not after a demo company and its key were announced."""
    sock = socket.socket(_family(host), socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    return sock


def serve(
    app: str,
    host: str,
    port: int,
    workers: int,
    bound: socket.socket | None = None,
    background: Callable[[int], None] | None = None,
    **options: Any,
) -> None:
    """Run `app` (an app factory's import path) in `workers` processes until SIGTERM/SIGINT.

    `bound`: the address already taken by `bind()`; one process serves on it, several release
    it (each binds its own with SO_REUSEPORT) just before they start. `background`: a
    module-level function run in a process of its own meanwhile, given this process's pid."""
    with _background(background):
        _serve(app, host, port, workers, bound, options)


def _serve(
    app: str,
    host: str,
    port: int,
    workers: int,
    bound: socket.socket | None,
    options: dict[str, Any],
) -> None:
    if workers == 1:
        sock = bound or bind(host, port)
        sock.listen(2048)
        config = uvicorn.Config(app, factory=True, host=host, port=port, **options)
        uvicorn.Server(config).run(sockets=[sock])
        return
    if bound is not None:
        bound.close()
    if not hasattr(socket, "SO_REUSEPORT"):
        uvicorn.run(app, factory=True, host=host, port=port, workers=workers, **options)
        return
    _check_free(host, port)
    spawn = multiprocessing.get_context("spawn")
    stopping = threading.Event()

    def start() -> BaseProcess:
        process = spawn.Process(target=_serve_one, args=(app, host, port, options))
        process.start()
        return process

    def on_signal(signum: int, _frame: Any) -> None:
        stopping.set()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
    processes = [start() for _ in range(workers)]
    try:
        while not stopping.is_set():
            wait([p.sentinel for p in processes], timeout=0.5)
            for i, process in enumerate(processes):
                if process.exitcode is not None and not stopping.is_set():
                    # A crashed worker is replaced, as uvicorn's own supervisor does.
                    processes[i] = start()
    finally:
        _stop_all(processes)
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@contextmanager
def _background(target: Callable[[int], None] | None) -> Iterator[None]:
    """`target` in a spawned process while the block runs, started again if it dies."""
    if target is None:
        yield
        return
    spawn = multiprocessing.get_context("spawn")
    stopping = threading.Event()
    current: list[BaseProcess] = []

    def start() -> None:
        process = spawn.Process(target=target, args=(os.getpid(),), name="talonario-worker")
        process.start()
        current[:] = [process]

    def keep_running() -> None:
        while not stopping.is_set():
            wait([current[0].sentinel], timeout=0.5)
            if current[0].exitcode is not None and not stopping.is_set():
                time.sleep(1.0)  # a worker that dies at once must not spin
                start()

    def leave(signum: int, _frame: Any) -> None:
        raise SystemExit(128 + signum)

    # uvicorn, once stopped by a signal, raises it again under the handlers it found: these,
    # so that the background process is stopped below rather than left behind.
    previous = {sig: signal.signal(sig, leave) for sig in (signal.SIGTERM, signal.SIGINT)}
    start()
    watcher = threading.Thread(target=keep_running, name="worker-supervisor", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        stopping.set()
        watcher.join()
        _stop_all(current)
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _check_free(host: str, port: int) -> None:
    """Refuse a port another program holds: SO_REUSEPORT would otherwise share it silently with
    another server of the same user."""
    with socket.socket(_family(host), socket.SOCK_STREAM) as probe:
        probe.bind((host, port))


def _family(host: str) -> socket.AddressFamily:
    return socket.AF_INET6 if ":" in host else socket.AF_INET


def _serve_one(app: str, host: str, port: int, options: dict[str, Any]) -> None:
    sock = socket.socket(_family(host), socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(2048)
    config = uvicorn.Config(app, factory=True, host=host, port=port, **options)
    uvicorn.Server(config).run(sockets=[sock])


def _stop_all(processes: list[BaseProcess]) -> None:
    for process in processes:
        if process.exitcode is None:
            process.terminate()  # SIGTERM: uvicorn finishes the requests in flight
    deadline = time.monotonic() + STOP_TIMEOUT
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))
        if process.exitcode is None:
            process.kill()
            process.join()

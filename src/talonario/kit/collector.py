"""The garbage collector of a long-running process (a server process, the worker)."""

import gc


def tune_gc() -> None:
    """Once the app is loaded: its long-lived objects (modules, schemas, SQL caches) leave the
    collector's sight, and young collections run less often. The full collections that walked
    them stalled every thread of a server process for 100-150 ms, the slowest 1% of answers
    under load (with this the p99 of 16 clients issuing halved); in the worker, one that came
    while it held SQLite's write lock held the API off as long."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)

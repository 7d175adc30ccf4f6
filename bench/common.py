"""What the bench parts share: a fresh database, the issuing request and its acceptance."""

import socket
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import orjson
from sqlalchemy.engine import make_url
from tests.fixtures.database import fresh_postgres
from tests.fixtures.factories import invoice_body
from tests.fixtures.servers import Server

from bench.loadgen import build_request
from talonario.migrate import upgrade

LABELS = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


def usable_databases(databases: Iterable[str], pg_url: str, notes: list[str]) -> Iterator[str]:
    """The chosen databases a part can run on: an unknown name or an unreachable PostgreSQL is
    skipped with a note (printed, and kept for the report)."""
    for kind in databases:
        if kind not in LABELS:
            notes.append(f"unknown database '{kind}' skipped")
        elif kind == "postgresql" and (why := pg_reachable(pg_url)) is not None:
            notes.append(f"PostgreSQL skipped: {why}")
        else:
            yield kind
            continue
        print(notes[-1], flush=True)


def pg_reachable(url: str) -> str | None:
    """None when the server accepts TCP connections, else why not."""
    parsed = make_url(url)
    host, port = parsed.host or "127.0.0.1", parsed.port or 5432
    try:
        socket.create_connection((host, port), timeout=3).close()
    except OSError as exc:
        return f"{host}:{port} unreachable ({exc})"
    return None


@contextmanager
def fresh_database(kind: str, pg_url: str, tmp: Path) -> Iterator[str]:
    """A new, migrated database."""
    if kind == "sqlite":
        url = f"sqlite:///{Path(tempfile.mkdtemp(dir=tmp)) / 'talonario.db'}"
        upgrade(url)
        yield url
        return
    with fresh_postgres(pg_url) as url:
        upgrade(url)
        yield url


def issue_request(server: Server, key: str) -> bytes:
    return build_request(
        server.host,
        server.port,
        "POST",
        "/v1/invoices",
        orjson.dumps(invoice_body(issue=True)),
        {"Authorization": f"Bearer {key}", "Content-Type": "application/json"},
    )


def accept_issued(status: int, body: bytes) -> bool:
    return status == 201 and b'"status":"issued"' in body

"""Gapless numbering under real concurrency: two server processes, twenty HTTP clients, one
series. Each process has its own engine, pool and (on SQLite) its own in-process write lock,
so only the database itself can keep two issues from taking the same number."""

import re
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import httpx
import pytest

from talonario.config import Settings
from talonario.db import create_database
from tests.fixtures.database import migrated_database
from tests.fixtures.factories import create_company, invoice_body
from tests.fixtures.servers import Server, running_server

pytestmark = pytest.mark.xdist_group("servers")

INVOICES = 200
CLIENTS = 20
REQUEST_TIMEOUT = 20.0
NUMBER = re.compile(r"^F(\d{4})-(\d{5})$")


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
    with ExitStack() as stack:
        yield [
            stack.enter_context(running_server(served_database, tmp_path / f"server{i}.log"))
            for i in (0, 1)
        ]


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
    report = r.json()
    assert (report["valid"], report["records"], report["first_break"]) == (True, INVOICES, None)
    huellas = {payload["verifactu"]["huella"] for _, payload in answers}
    assert len(huellas) == INVOICES

"""Installations under real concurrency: two server processes and a dozen HTTP clients issue
at once into a company's default installation and two others. Each process has its own engine
and group commit, so only the database's locks keep the chains from forking: every chain must
verify whole, link after link, and the company's sequence stay gapless."""

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
from tests.installations.helpers import add_installation

pytestmark = pytest.mark.xdist_group("servers")

CLIENTS = 12
PER_CLIENT = 10
TIMEOUT = 20.0
WHERE = (None, "TIENDA-1", "CAJA-1")


@pytest.fixture(params=["sqlite", "postgresql"])
def served(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str, str]]:
    """A database of its own with one company and its two installations: (url, company id,
    its key)."""
    with migrated_database(request.param, tmp_path) as url:
        db = create_database(Settings(database_url=url))
        try:
            company_id, key = create_company(db)
            for number in WHERE[1:]:
                add_installation(db, company_id, number)
        finally:
            db.dispose()
        yield url, company_id, key


@pytest.fixture
def servers(served: tuple[str, str, str], tmp_path: Path) -> Iterator[list[Server]]:
    with ExitStack() as stack:
        yield [
            stack.enter_context(running_server(served[0], tmp_path / f"server{i}.log"))
            for i in (0, 1)
        ]


def test_two_processes_issuing_into_three_installations_never_fork_a_chain(
    servers: list[Server], served: tuple[str, str, str]
) -> None:
    _, company_id, key = served
    headers = {"Authorization": f"Bearer {key}"}
    start = threading.Barrier(CLIENTS)

    def client(index: int) -> list[tuple[int, Any]]:
        answers = []
        with httpx.Client(headers=headers, timeout=TIMEOUT) as http:
            start.wait(timeout=TIMEOUT)
            for n in range(PER_CLIENT):
                where = WHERE[(index + n) % len(WHERE)]
                extra = {} if where is None else {"installation": where}
                body = invoice_body(issue=True, **extra)
                r = http.post(f"{servers[(index + n) % 2].url}/v1/invoices", json=body)
                answers.append((r.status_code, r.json() if r.status_code == 201 else r.text))
        return answers

    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        futures = [pool.submit(client, i) for i in range(CLIENTS)]
        answers = [a for f in futures for a in f.result(timeout=PER_CLIENT * TIMEOUT)]

    total = CLIENTS * PER_CLIENT
    failures = [a for a in answers if a[0] != 201]
    logs = "\n".join(s.log_tail() for s in servers)
    assert not failures, f"{len(failures)} non-201 answers, first: {failures[0]}\n{logs}"
    assert len({payload["number"] for _, payload in answers}) == total

    with httpx.Client(base_url=servers[1].url, headers=headers, timeout=60) as http:
        report = http.get("/v1/verifactu/chain/verify").json()
        assert (report["valid"], report["records"], report["first_break"]) == (True, total, None)
        chains = report["installations"]
        per = {c["installation_number"]: (c["valid"], c["records"]) for c in chains}
        assert per == {number: (True, total // 3) for number in (company_id, *WHERE[1:])}
        # No fork: in each chain every record but the first names a previous one, and no two
        # name the same.
        for where in (company_id, *WHERE[1:]):
            records = _all(http, where)
            previous = [r["previous_huella"] for r in records]
            assert previous[0] is None and None not in previous[1:]
            assert len(set(previous)) == len(previous)
            assert previous[1:] == [r["huella"] for r in records[:-1]]


def _all(http: httpx.Client, installation: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    params: dict[str, Any] = {"installation": installation, "limit": 100}
    while True:
        page = http.get("/v1/verifactu/records", params=params).json()
        found += page["data"]
        if not page["has_more"]:
            return found
        params["starting_after"] = page["data"][-1]["id"]

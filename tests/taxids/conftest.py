"""A real `talonario serve` with the AEAT sandbox mounted: its API asks the sandbox's census
and VIES, in its own process, as a server started with TALONARIO_SANDBOX=on does."""

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from talonario.companies import service as companies
from talonario.runtime import Runtime
from tests.fixtures.factories import create_company
from tests.fixtures.servers import SANDBOX_CONTROL, Server, running_server


@pytest.fixture(scope="package")
def server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    log: Path = tmp_path_factory.mktemp("taxids") / "server.log"
    with running_server(database_url, log) as served:
        yield served


@dataclass
class Company:
    """One company's API key on the server, and its NIF."""

    http: httpx.Client
    nif: str

    def check(self, **query: Any) -> httpx.Response:
        return self.http.get("/v1/tax-ids/check", params=query)

    def switch(self, kind: str, count: int = 1) -> None:
        """A fault switch set with the company's own key: it hits only this company's checks."""
        r = self.http.post("/aeat-sandbox/control/faults", json={"kind": kind, "count": count})
        assert r.status_code == 201, r.text
        assert r.json()["nif"] == self.nif


def company_on(server: Server, runtime: Runtime) -> Iterator[Company]:
    company_id, key = create_company(runtime.db)
    with runtime.db.read_session() as session:
        nif = companies.get(session, company_id).nif
    headers = {"Authorization": f"Bearer {key}"}
    with httpx.Client(base_url=server.url, headers=headers, timeout=30) as http:
        yield Company(http, nif)
        http.delete("/aeat-sandbox/control/faults")


@pytest.fixture
def company(server: Server, runtime: Runtime) -> Iterator[Company]:
    yield from company_on(server, runtime)


@pytest.fixture
def other(server: Server, runtime: Runtime) -> Iterator[Company]:
    yield from company_on(server, runtime)


@pytest.fixture
def operator(server: Server) -> Iterator[httpx.Client]:
    """The sandbox's control API as its operator (switches that hit every request)."""
    with httpx.Client(
        base_url=server.url + "/aeat-sandbox", headers=SANDBOX_CONTROL, timeout=30
    ) as client:
        yield client
        client.delete("/control/faults")

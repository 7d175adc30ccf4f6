"""A running Talonario for the SDK and the `talonario invoices` commands: `talonario serve` in
a process of its own with its worker remitting to the AEAT sandbox it mounts, spoken to over
real HTTP, on a database of its own (its worker would otherwise remit other tests' records)."""

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from talonario.config import Settings
from talonario.db import Database, create_database
from tests.fixtures.database import migrated_database
from tests.fixtures.factories import create_company, unique_nif
from tests.fixtures.servers import Server, running_server
from tests.fixtures.smtp import CREDENTIALS, Inbox, start_smtp

# The worker's pace, so that a record reaches `accepted` within a test.
FAST_WORKER = {
    "TALONARIO_RUN_WORKER": "true",
    "TALONARIO_WORKER_POLL_SECONDS": "0.2",
    "TALONARIO_SANDBOX_WAIT_SECONDS": "1",
}


@dataclass
class Talonario:
    server: Server
    db: Database
    inbox: Inbox  # what its worker emails, as a real SMTP server received it


@dataclass
class Company:
    url: str
    id: str
    key: str


@pytest.fixture(scope="package")
def talonario(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Talonario]:
    kind = "sqlite" if database_url.startswith("sqlite") else "postgresql"
    with migrated_database(kind, tmp_path_factory.mktemp("sdk-db")) as url:
        db = create_database(Settings(database_url=url))
        log = tmp_path_factory.mktemp("sdk-server") / "server.log"
        inbox = Inbox()
        smtp = start_smtp(inbox)
        env = FAST_WORKER | {"TALONARIO_SMTP_URL": f"smtp://{CREDENTIALS}@127.0.0.1:{smtp.port}"}
        try:
            with running_server(url, log, env=env) as server:
                yield Talonario(server, db, inbox)
        finally:
            smtp.stop()
            db.dispose()


@pytest.fixture
def company(talonario: Talonario) -> Company:
    """A company of its own per test, with an address and a `*` API key."""
    company_id, key = create_company(talonario.db, nif=unique_nif())
    return Company(talonario.server.url, company_id, key)

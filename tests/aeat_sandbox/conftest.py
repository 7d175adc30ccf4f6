from collections.abc import Iterator

import pytest

from talonario.runtime import Runtime
from tests.aeat_sandbox.helpers import WAIT_SECONDS, SandboxServer, running_sandbox
from tests.conftest import make_settings


@pytest.fixture(scope="module")
def sandbox(runtime: Runtime, database_url: str) -> Iterator[SandboxServer]:
    """The sandbox on the test database, in a real uvicorn server."""
    settings = make_settings(database_url, sandbox_wait_seconds=WAIT_SECONDS)
    with running_sandbox(settings, runtime.db) as server:
        yield server

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from talonario.config import Settings
from talonario.main import create_app
from talonario.runtime import Runtime
from tests.fixtures.database import migrated_database
from tests.fixtures.factories import create_company
from tests.fixtures.servers import SANDBOX_CONTROL_TOKEN

# `smtp`: a real SMTP server for the tests that read email back.
pytest_plugins = ["tests.fixtures.smtp"]


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    with migrated_database(request.param, tmp_path_factory.mktemp(request.param)) as url:
        yield url


TEST_PRODUCER = {"sif_producer_name": "PRODUCTOR DE PRUEBAS SL", "sif_producer_nif": "B87654323"}


def make_settings(database_url: str, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "database_url": database_url,
        "rate_limit_per_minute": 0,
        "api_key_cache_seconds": 0,
        "sandbox": "on",
        "sandbox_control_token": SANDBOX_CONTROL_TOKEN,
        # A declared producer, so that companies may leave the sandbox (system/identity.py).
        **TEST_PRODUCER,
    }
    return Settings(**(values | overrides))


@pytest.fixture(scope="session")
def runtime(database_url: str) -> Iterator[Runtime]:
    rt = Runtime.from_settings(make_settings(database_url))
    yield rt
    rt.close()


@pytest.fixture(scope="session")
def app_client(runtime: Runtime) -> Iterator[TestClient]:
    app = create_app(runtime.settings, runtime)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


class Api:
    """A TestClient speaking for one company."""

    def __init__(self, client: TestClient, company_id: str, key: str) -> None:
        self.client = client
        self.company_id = company_id
        self.key = key
        self.headers = {"Authorization": f"Bearer {key}"}

    def get(self, path: str, **kw: Any) -> Any:
        return self.client.get(path, headers=self.headers | kw.pop("headers", {}), **kw)

    def post(self, path: str, json: Any = None, **kw: Any) -> Any:
        return self.client.post(path, json=json, headers=self.headers | kw.pop("headers", {}), **kw)

    def patch(self, path: str, json: Any = None, **kw: Any) -> Any:
        return self.client.patch(
            path, json=json, headers=self.headers | kw.pop("headers", {}), **kw
        )

    def delete(self, path: str, **kw: Any) -> Any:
        return self.client.delete(path, headers=self.headers | kw.pop("headers", {}), **kw)


@pytest.fixture
def api(app_client: TestClient, runtime: Runtime) -> Api:
    """A fresh company per test: tenancy keeps tests apart without cleaning tables."""
    company_id, key = create_company(runtime.db)
    return Api(app_client, company_id, key)


@pytest.fixture
def other_api(app_client: TestClient, runtime: Runtime) -> Api:
    company_id, key = create_company(runtime.db, legal_name="Other Company SA")
    return Api(app_client, company_id, key)


def pytest_configure(config: pytest.Config) -> None:
    Path("var").mkdir(exist_ok=True)

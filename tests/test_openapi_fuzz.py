"""Schemathesis against /openapi.json: no 5xx, and every answer matches the documented schema."""

import os
import tempfile

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

from talonario.config import Settings
from talonario.db import create_database
from talonario.main import create_app
from talonario.migrate import upgrade
from talonario.runtime import Runtime
from tests.fixtures.factories import create_company


def _app():  # type: ignore[no-untyped-def]
    # Its own SQLite file: fuzzed writes must not leak into other tests' companies.
    url = f"sqlite:///{tempfile.mkdtemp()}/fuzz.db"
    upgrade(url)
    settings = Settings(database_url=url, rate_limit_per_minute=0, api_key_cache_seconds=0)
    runtime = Runtime.from_settings(settings)
    _, key = create_company(create_database(settings))
    return create_app(settings, runtime), key


APP, KEY = _app()
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)
CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance]


@pytest.mark.xdist_group("fuzz")
@schema.parametrize()
@settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "25")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_answers_within_its_schema(case: schemathesis.Case) -> None:
    case.call_and_validate(headers={"Authorization": f"Bearer {KEY}"}, checks=CHECKS)

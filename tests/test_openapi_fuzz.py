"""Schemathesis against /openapi.json: no 5xx, and every answer matches the documented schema.

Per operation (positive and negative cases: nulls, wrong types, out-of-range values), then a
stateful phase that follows the published links (create -> read/update/issue/... the same
object), so operations are reached on real objects, not only with ids that do not exist.
The heavy run over a real server process is `make fuzz` (bench/fuzz.py).
"""

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

import tests.fixtures.fuzzing  # noqa: F401 - registers the hooks that make server-checked data valid
from talonario.config import Settings
from talonario.main import create_app
from talonario.migrate import upgrade
from talonario.runtime import Runtime
from tests.fixtures.factories import create_company

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "8"))
STATEFUL_EXAMPLES = int(os.environ.get("FUZZ_STATEFUL_EXAMPLES", "20"))


def _app():  # type: ignore[no-untyped-def]
    # Its own SQLite file: fuzzed writes must not leak into other tests' companies.
    url = f"sqlite:///{tempfile.mkdtemp()}/fuzz.db"
    upgrade(url)
    settings = Settings(
        database_url=url,
        rate_limit_per_minute=0,
        api_key_cache_seconds=0,
        # Generated webhook hosts do not resolve; the URL rules are tested in tests/webhooks.
        webhooks_allow_private=True,
    )
    runtime = Runtime.from_settings(settings)
    _, key = create_company(runtime.db)
    return create_app(settings, runtime), runtime, key


APP, RUNTIME, KEY = _app()
AUTH = {"Authorization": f"Bearer {KEY}"}
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)
schema.config.generation.update(modes=["positive", "negative"], database="none")
CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance]


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_answers_within_its_schema(case: schemathesis.Case) -> None:
    case.call_and_validate(headers=AUTH, checks=CHECKS)


class Workflows(schema.as_state_machine()):  # type: ignore[misc]
    def setup(self) -> None:
        # A company of its own per scenario: the same steps meet the same state when
        # Hypothesis replays or shrinks them (a shared one makes the run flaky).
        _, self.key = create_company(RUNTIME.db)

    def get_call_kwargs(self, case: schemathesis.Case) -> dict[str, object]:
        return {"headers": {"Authorization": f"Bearer {self.key}"}}

    def validate_response(self, response, case, **kwargs):  # type: ignore[no-untyped-def]
        case.validate_response(response, checks=CHECKS)


TestWorkflows = Workflows.TestCase
TestWorkflows.settings = settings(
    max_examples=STATEFUL_EXAMPLES,
    stateful_step_count=10,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
TestWorkflows.pytestmark = [pytest.mark.xdist_group("fuzz")]

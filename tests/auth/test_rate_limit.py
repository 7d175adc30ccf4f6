"""Rate limits per API key: the headers, the 429, and a count shared through Redis."""

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from talonario.main import create_app
from talonario.models import Client
from talonario.runtime import Runtime
from tests.conftest import make_settings
from tests.fixtures.database import REDIS_ENV, require_server
from tests.fixtures.factories import create_company

LIMIT = 3


@contextmanager
def limited_app(database_url: str, **overrides: Any) -> Iterator[tuple[TestClient, Runtime]]:
    settings = make_settings(database_url, rate_limit_per_minute=LIMIT, **overrides)
    runtime = Runtime.from_settings(settings)
    try:
        with TestClient(create_app(settings, runtime), raise_server_exceptions=False) as client:
            yield client, runtime
    finally:
        runtime.db.dispose()


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def only(response: Any, header: str) -> str:
    """The header's single value: a header sent twice is a bug, not a list."""
    values = response.headers.get_list(header)
    assert len(values) == 1, (header, values)
    return values[0]  # type: ignore[no-any-return]


def test_responses_count_down_the_limit(database_url: str) -> None:
    with limited_app(database_url) as (client, runtime):
        _, key = create_company(runtime.db)
        remaining = []
        for _ in range(LIMIT):
            r = client.get("/v1/clients", headers=bearer(key))
            assert r.status_code == 200, r.text
            assert only(r, "RateLimit-Limit") == str(LIMIT)
            assert 1 <= int(only(r, "RateLimit-Reset")) <= 60
            remaining.append(int(only(r, "RateLimit-Remaining")))
        assert remaining == [2, 1, 0]


def test_request_over_the_limit_is_refused_with_retry_after(database_url: str) -> None:
    with limited_app(database_url) as (client, runtime):
        company_id, key = create_company(runtime.db)
        for _ in range(LIMIT):
            assert client.get("/v1/clients", headers=bearer(key)).status_code == 200
        r = client.post("/v1/clients", json={"name": "Uno"}, headers=bearer(key))
        assert r.status_code == 429, r.text
        error = r.json()["error"]
        assert error["type"] == "rate_limit_error"
        assert r.headers["X-Request-Id"] == error["request_id"]
        assert 1 <= int(only(r, "Retry-After")) <= 60
        assert only(r, "RateLimit-Limit") == str(LIMIT)
        assert only(r, "RateLimit-Remaining") == "0"
        # The refused POST did nothing.
        with runtime.db.read_session() as s:
            created = s.scalar(
                select(func.count()).where(Client.company_id == company_id, Client.name == "Uno")
            )
        assert created == 0


def test_limits_are_per_key(database_url: str) -> None:
    with limited_app(database_url) as (client, runtime):
        _, first = create_company(runtime.db)
        _, second = create_company(runtime.db)
        for _ in range(LIMIT):
            client.get("/v1/clients", headers=bearer(first))
        assert client.get("/v1/clients", headers=bearer(first)).status_code == 429
        r = client.get("/v1/clients", headers=bearer(second))
        assert r.status_code == 200, r.text
        assert only(r, "RateLimit-Remaining") == str(LIMIT - 1)


def test_unauthenticated_requests_carry_no_rate_headers(database_url: str) -> None:
    with limited_app(database_url) as (client, _):
        r = client.get("/v1/clients", headers=bearer("tal_nope"))
        assert r.status_code == 401
        assert "RateLimit-Limit" not in r.headers


def test_redis_shares_the_count_between_processes(database_url: str) -> None:
    redis_url = require_server(REDIS_ENV)
    with ExitStack() as stack:
        a, runtime = stack.enter_context(limited_app(database_url, redis_url=redis_url))
        b, _ = stack.enter_context(limited_app(database_url, redis_url=redis_url))
        # A fresh key, so counts left in Redis by earlier runs cannot matter.
        _, key = create_company(runtime.db)
        assert only(a.get("/v1/clients", headers=bearer(key)), "RateLimit-Remaining") == "2"
        assert only(b.get("/v1/clients", headers=bearer(key)), "RateLimit-Remaining") == "1"
        assert only(a.get("/v1/clients", headers=bearer(key)), "RateLimit-Remaining") == "0"
        r = b.get("/v1/clients", headers=bearer(key))
        assert r.status_code == 429, r.text
        assert r.json()["error"]["type"] == "rate_limit_error"
        assert a.get("/v1/clients", headers=bearer(key)).status_code == 429

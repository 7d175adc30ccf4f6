"""A server process keeps the keys in use cached while they stay valid, checking them again
all at once (auth/keys.py KeyRevalidator), and still stops accepting a key revoked elsewhere
within the cache time."""

import time
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

from talonario.auth import keys
from talonario.kit.clock import utcnow
from talonario.main import create_app
from talonario.models import ApiKey
from talonario.runtime import Runtime
from tests.conftest import make_settings
from tests.fixtures.factories import create_company

TTL = 0.5


@pytest.fixture
def short_cache(database_url: str) -> Iterator[tuple[TestClient, Runtime]]:
    runtime = Runtime.from_settings(make_settings(database_url, api_key_cache_seconds=TTL))
    try:
        with TestClient(create_app(runtime.settings, runtime)) as client:
            yield client, runtime
    finally:
        runtime.close()


def test_a_key_in_use_stays_cached_past_its_time_while_it_is_valid(
    short_cache: tuple[TestClient, Runtime], monkeypatch: pytest.MonkeyPatch
) -> None:
    client, runtime = short_cache
    _, secret = create_company(runtime.db)
    lookups = _counting_lookups(monkeypatch)
    deadline = time.monotonic() + 4 * TTL
    while time.monotonic() < deadline:
        r = client.get("/v1/company", headers={"Authorization": f"Bearer {secret}"})
        assert r.status_code == 200, r.text
        time.sleep(0.05)
    assert lookups == [secret]  # looked up by itself once; since then, all at once


def test_a_key_revoked_by_another_process_stops_working_within_the_cache_time(
    short_cache: tuple[TestClient, Runtime],
) -> None:
    client, runtime = short_cache
    company_id, secret = create_company(runtime.db)
    auth = {"Authorization": f"Bearer {secret}"}
    assert client.get("/v1/company", headers=auth).status_code == 200
    # Another server process revokes it: this one's cache is not told.
    with runtime.db.write_session() as session:
        session.execute(
            update(ApiKey).where(ApiKey.company_id == company_id).values(revoked_at=utcnow())
        )
        session.commit()
    deadline = time.monotonic() + 2 * TTL
    status = 200
    while status == 200 and time.monotonic() < deadline:
        status = client.get("/v1/company", headers=auth).status_code
        time.sleep(0.05)
    assert status == 401


def test_a_key_forgotten_on_revocation_is_not_brought_back_by_a_revalidation(
    runtime: Runtime,
) -> None:
    cache = keys.KeyCache(60)
    _, secret = create_company(runtime.db)
    with runtime.db.read_session() as session:
        principal = keys.lookup(session, secret, cache)
        assert principal is not None
        assert cache.get(keys.hash_key(secret)) == (True, principal)  # in use
        cache.forget_key(principal.api_key_id)  # revoked here, as the read was on its way
        assert cache.revalidate(session) == 0
    assert cache.get(keys.hash_key(secret)) == (False, None)


def _counting_lookups(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The secrets whose key a request looked up on its own, one by one."""
    seen: list[str] = []
    real = keys.lookup

    def counted(session: Any, secret: str, cache: Any) -> Any:
        seen.append(secret)  # authenticate looks a key up only when its cache missed
        return real(session, secret, cache)

    monkeypatch.setattr("talonario.auth.context.lookup", counted)
    return seen

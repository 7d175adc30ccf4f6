from collections.abc import Callable, Iterator
from typing import Any

import pytest

from talonario.runtime import Runtime
from tests.conftest import Api

EndpointFactory = Callable[..., dict[str, Any]]


@pytest.fixture
def allow_private(monkeypatch: pytest.MonkeyPatch, runtime: Runtime) -> None:
    """Local development: http and loopback URLs may receive webhooks."""
    monkeypatch.setattr(runtime.settings, "webhooks_allow_private", True)


@pytest.fixture
def new_endpoint(api: Api) -> Iterator[EndpointFactory]:
    """Creates endpoints through the API and deletes them afterwards, so no later test's worker
    call tries to deliver to a receiver that is gone."""
    created: list[str] = []

    def make(url: str, events: list[str] | None = None) -> dict[str, Any]:
        body = {"url": url, "events": events or ["invoice.issued"]}
        r = api.post("/v1/webhook-endpoints", body)
        assert r.status_code == 201, r.text
        created.append(r.json()["id"])
        return r.json()  # type: ignore[no-any-return]

    yield make
    for endpoint_id in created:
        api.delete(f"/v1/webhook-endpoints/{endpoint_id}")


def feed(api: Api, **params: Any) -> list[dict[str, Any]]:
    """One page of the company's events feed (GET /v1/events with `params`)."""
    r = api.get("/v1/events", params=params)
    assert r.status_code == 200, r.text
    return r.json()["data"]  # type: ignore[no-any-return]

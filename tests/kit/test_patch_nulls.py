"""PATCH with an explicit null: a field that can be cleared is cleared, one that cannot is a 422
naming it, and nothing is written (once a 500: NOT NULL constraint failed: series.next_number)."""

from typing import Any

import pytest

from talonario.runtime import Runtime
from tests.conftest import Api
from tests.fixtures.factories import invoice_body


def _made(api: Api, path: str, body: dict[str, Any]) -> str:
    r = api.post(path, body)
    assert r.status_code == 201, r.text
    return f"{path}/{r.json()['id']}"


def _series(api: Api) -> str:
    return _made(api, "/v1/series", {"code": "N"})


def _client(api: Api) -> str:
    return _made(api, "/v1/clients", {"name": "Cliente SL", "nif": "B65410011"})


def _product(api: Api) -> str:
    return _made(api, "/v1/products", {"name": "Hora", "unit_price": "50"})


def _invoice(api: Api) -> str:
    return _made(api, "/v1/invoices", invoice_body())


def _webhook(api: Api) -> str:
    body = {"url": "http://127.0.0.1:9/hook", "events": ["invoice.issued"]}
    return _made(api, "/v1/webhook-endpoints", body)


def _company(api: Api) -> str:
    return "/v1/company"


NOT_NULL = [
    (_series, "format"),
    (_series, "next_number"),
    (_series, "default"),
    (_series, "reset_yearly"),
    (_client, "name"),
    (_product, "name"),
    (_product, "unit_price"),
    (_product, "tax"),
    (_invoice, "type"),
    (_invoice, "lines"),
    (_invoice, "exclude_347"),
    (_webhook, "url"),
    (_webhook, "events"),
    (_webhook, "enabled"),
    (_company, "legal_name"),
    (_company, "verifactu"),
]


@pytest.fixture(autouse=True)
def _private_webhooks(monkeypatch: pytest.MonkeyPatch, runtime: Runtime) -> None:
    monkeypatch.setattr(runtime.settings, "webhooks_allow_private", True)


@pytest.mark.parametrize(
    ("make", "field"), NOT_NULL, ids=[f"{m.__name__[1:]}.{f}" for m, f in NOT_NULL]
)
def test_null_on_a_field_that_cannot_be_empty_is_a_422_naming_it(
    api: Api, make: Any, field: str
) -> None:
    path = make(api)
    before = api.get(path).json()
    r = api.patch(path, {field: None})
    assert r.status_code == 422, r.text
    assert r.json()["error"]["param"] == field
    assert "not null" in r.json()["error"]["message"]
    after = api.get(path).json()
    assert after == before


def test_the_series_body_schemathesis_found_is_a_422_not_a_500(api: Api) -> None:
    path = _series(api)
    body = {"default": None, "format": None, "next_number": 1, "reset_yearly": None}
    r = api.patch(path, body)
    assert r.status_code == 422, r.text
    assert r.json()["error"]["param"] == "format"
    assert "(and 2 more error(s))" in r.json()["error"]["message"]


@pytest.mark.parametrize(
    ("make", "field"),
    [(_client, "email"), (_client, "nif"), (_product, "description"), (_invoice, "notes")],
)
def test_null_clears_a_field_that_may_be_empty(api: Api, make: Any, field: str) -> None:
    path = make(api)
    r = api.patch(path, {field: None})
    assert r.status_code == 200, r.text
    assert r.json()[field] is None


def test_absent_fields_keep_their_values(api: Api) -> None:
    path = _series(api)
    before = api.get(path).json()
    r = api.patch(path, {"next_number": 7})
    assert r.status_code == 200, r.text
    assert {**before, "next_number": 7, "updated_at": r.json()["updated_at"]} == r.json()

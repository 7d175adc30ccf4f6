"""What the quote tests share: a quote of the invoice fixture's lines (326.00 + 60.73)."""

from typing import Any

from tests.conftest import Api
from tests.fixtures.factories import invoice_body


def quote_body(**overrides: Any) -> dict[str, Any]:
    body = {k: v for k, v in invoice_body().items() if k in ("client", "lines")}
    return body | overrides


def create(api: Api, **overrides: Any) -> dict[str, Any]:
    r = api.post("/v1/quotes", quote_body(**overrides))
    assert r.status_code == 201, r.text
    return r.json()  # type: ignore[no-any-return]


def move(api: Api, quote: dict[str, Any], action: str) -> dict[str, Any]:
    r = api.post(f"/v1/quotes/{quote['id']}/{action}")
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]

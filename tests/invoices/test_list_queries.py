"""Lists answer what was asked: an unknown parameter is an error naming it, never everything;
and invoices filter by number, client (id or external_id) and free text."""

import re

import pytest
from fastapi.testclient import TestClient

from tests.conftest import Api
from tests.fixtures.factories import client_body, invoice_body

_PATH_PARAM = re.compile(r"\{[^}]+\}")


def _get_operations(client: TestClient) -> list[str]:
    spec = client.get("/openapi.json").json()
    return sorted(
        _PATH_PARAM.sub("x", path)
        for path, operations in spec["paths"].items()
        if path.startswith("/v1/") and "get" in operations
    )


def test_every_get_refuses_a_parameter_it_does_not_know(api: Api) -> None:
    paths = _get_operations(api.client)
    assert "/v1/invoices" in paths and "/v1/verifactu/records" in paths
    for path in paths:
        r = api.get(path, params={"numbre": "F-1"})
        assert r.status_code == 400, (path, r.text)
        error = r.json()["error"]
        assert error["code"] == "unknown_parameter" and error["param"] == "numbre", path
        assert "numbre" in error["message"]


def test_a_known_parameter_beside_an_unknown_one_still_fails(api: Api) -> None:
    r = api.get("/v1/invoices", params={"status": "draft", "number": "x", "client_name": "y"})
    assert r.status_code == 400 and r.json()["error"]["param"] == "client_name"
    posted = api.post("/v1/invoices?dry_run=true", invoice_body())
    assert posted.status_code == 400 and posted.json()["error"]["param"] == "dry_run"
    assert api.get("/v1/invoices").json()["data"] == []  # nothing was written


def test_bracketed_filters_are_known_by_their_public_name(api: Api) -> None:
    ok = api.get("/v1/invoices", params={"issued_on[gte]": "2026-01-01"})
    assert ok.status_code == 200
    r = api.get("/v1/invoices", params={"issued_on[gt]": "2026-01-01"})
    assert r.status_code == 400 and r.json()["error"]["param"] == "issued_on[gt]"


def _issue(api: Api, **overrides: object) -> dict:
    r = api.post("/v1/invoices", invoice_body(issue=True, **overrides))
    assert r.status_code == 201, r.text
    return r.json()


def _ids(api: Api, **params: str) -> list[str]:
    r = api.get("/v1/invoices", params=params)
    assert r.status_code == 200, r.text
    return [i["id"] for i in r.json()["data"]]


def test_invoices_filter_by_number(api: Api) -> None:
    first = _issue(api)
    second = _issue(api)
    assert _ids(api, number=first["number"]) == [first["id"]]
    assert _ids(api, number=second["number"]) == [second["id"]]
    assert _ids(api, number="NOPE-1") == []


def test_invoices_filter_by_client_id_or_external_id(api: Api) -> None:
    client = api.post(
        "/v1/clients", client_body(name="Ferretería Sol SL", external_id="crm-77")
    ).json()
    other = api.post("/v1/clients", client_body(name="Otra SL", nif="A58818501")).json()
    mine = _issue(api, client=client["id"])
    _issue(api, client=other["id"])
    _issue(api)  # inline recipient
    assert _ids(api, client=client["id"]) == [mine["id"]]
    assert _ids(api, client="crm-77") == [mine["id"]]
    assert _ids(api, client="crm-unknown") == []


def test_invoices_free_text_search(api: Api) -> None:
    sol = _issue(api, client={"name": "Ferretería Sol SL", "nif": "B65410011"})
    luna = _issue(api, client={"name": "Librería Luna SA", "nif": "A58818501"})
    tagged = _issue(api, external_id="pedido-2026/77%")
    assert _ids(api, q="sol") == [sol["id"]]  # case-insensitive, part of the name
    assert _ids(api, q="a58818501") == [luna["id"]]  # the NIF, in any case
    assert _ids(api, q="2026/77%") == [tagged["id"]]  # external_id; % is a character here
    assert _ids(api, q="%") == [tagged["id"]]
    assert set(_ids(api, q=luna["number"])) == {luna["id"]}
    assert _ids(api, q="nadie") == []
    # Combined with the other filters, and paged like any list.
    assert _ids(api, q="sol", status="voided") == []
    page = api.get("/v1/invoices", params={"q": "SL", "limit": 1}).json()
    assert page["has_more"] is True


@pytest.mark.parametrize("q", ["", "x" * 101])
def test_free_text_is_one_to_a_hundred_characters(api: Api, q: str) -> None:
    r = api.get("/v1/invoices", params={"q": q})
    assert r.status_code == 422 and r.json()["error"]["param"] == "q"

"""API keys: how a caller authenticates, what its scopes allow, the error shape, the company."""

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from talonario.main import create_app
from talonario.models import ApiKey
from talonario.runtime import Runtime
from tests.conftest import Api, make_settings
from tests.fixtures.factories import invoice_body

ERROR_KEYS = {"type", "code", "message", "param", "doc_url", "request_id"}


def new_key(api: Api, *scopes: str, name: str | None = None) -> dict[str, Any]:
    r = api.post("/v1/api-keys", {"scopes": list(scopes), "name": name})
    assert r.status_code == 201, r.text
    return r.json()  # type: ignore[no-any-return]


def as_key(api: Api, key: dict[str, Any]) -> Api:
    return Api(api.client, api.company_id, key["secret"])


def assert_error(r: Any, status: int, type_: str, code: str | None = None) -> dict[str, Any]:
    assert r.status_code == status, r.text
    error = r.json()["error"]
    assert error["type"] == type_
    if code is not None:
        assert error["code"] == code
    return error  # type: ignore[no-any-return]


# --- authentication ------------------------------------------------------------------------------


def test_bearer_key_authenticates(api: Api) -> None:
    r = api.client.get("/v1/company", headers={"Authorization": f"Bearer {api.key}"})
    assert r.status_code == 200, r.text
    assert r.json()["id"] == api.company_id


def test_x_api_key_header_authenticates(api: Api) -> None:
    r = api.client.get("/v1/company", headers={"X-API-Key": api.key})
    assert r.status_code == 200, r.text
    assert r.json()["id"] == api.company_id


def test_request_without_a_key_is_unauthenticated(app_client: TestClient) -> None:
    r = app_client.get("/v1/clients")
    error = assert_error(r, 401, "authentication_error", "missing_api_key")
    assert "Bearer" in error["message"]


@pytest.mark.parametrize(
    "headers",
    [
        {"Authorization": "Bearer tal_not-a-real-key"},
        {"X-API-Key": "tal_not-a-real-key"},
        {"Authorization": "Basic dXNlcjpwYXNz"},
        {"Authorization": "Bearer "},
    ],
    ids=["bearer", "x-api-key", "basic", "empty-bearer"],
)
def test_unknown_key_is_unauthenticated(app_client: TestClient, headers: dict[str, str]) -> None:
    assert_error(app_client.get("/v1/clients", headers=headers), 401, "authentication_error")


def test_error_has_exactly_the_public_fields_and_the_request_id(app_client: TestClient) -> None:
    r = app_client.get("/v1/clients", headers={"Authorization": "Bearer tal_nope"})
    assert r.status_code == 401
    assert r.headers["content-type"].startswith("application/json")
    assert set(r.json()) == {"error"}
    error = r.json()["error"]
    assert set(error) == ERROR_KEYS
    assert error["code"] == "invalid_api_key"
    assert error["doc_url"].endswith("#invalid_api_key")
    assert error["request_id"].startswith("req_")
    assert r.headers["X-Request-Id"] == error["request_id"]


def test_validation_error_has_the_same_shape(api: Api) -> None:
    r = api.post("/v1/clients", {"name": ""})
    error = assert_error(r, 422, "invalid_request_error")
    assert set(error) == ERROR_KEYS
    assert error["param"] == "name"
    assert r.headers["X-Request-Id"] == error["request_id"]


def test_malformed_json_is_a_400_not_a_500(api: Api) -> None:
    r = api.post("/v1/clients", content=b'{"name": ', headers={"Content-Type": "application/json"})
    error = assert_error(r, 400, "invalid_request_error")
    assert set(error) == ERROR_KEYS


def test_every_response_carries_a_request_id(api: Api, app_client: TestClient) -> None:
    client = api.post("/v1/clients", {"name": "Uno"})
    responses = [
        app_client.get("/health"),
        api.get("/v1/company"),
        client,
        api.delete(f"/v1/clients/{client.json()['id']}"),
        api.get("/v1/no-such-endpoint"),
        api.get("/v1/clients/nope"),
        app_client.get("/v1/company"),
    ]
    assert [r.status_code for r in responses] == [200, 200, 201, 204, 404, 404, 401]
    ids = [r.headers.get("X-Request-Id") for r in responses]
    assert all(i and i.startswith("req_") for i in ids), ids
    assert len(set(ids)) == len(ids)


def test_internal_error_has_the_same_shape_and_a_request_id(tmp_path: Path) -> None:
    # A database without tables makes every authenticated request fail inside the server.
    settings = make_settings(f"sqlite:///{tmp_path / 'unmigrated.db'}")
    runtime = Runtime.from_settings(settings)
    app = create_app(settings, runtime)
    with TestClient(app, raise_server_exceptions=False) as client:
        r = client.get("/v1/clients", headers={"Authorization": "Bearer tal_whatever"})
    error = assert_error(r, 500, "api_error", "internal_error")
    assert set(error) == ERROR_KEYS
    assert "tal_whatever" not in r.text
    assert r.headers.get("X-Request-Id") == error["request_id"]


# --- scopes --------------------------------------------------------------------------------------


def test_read_scope_lists_but_cannot_write(api: Api) -> None:
    reader = as_key(api, new_key(api, "clients:read"))
    assert reader.get("/v1/clients").status_code == 200
    r = reader.post("/v1/clients", {"name": "Nuevo"})
    error = assert_error(r, 403, "authorization_error", "insufficient_scope")
    assert set(error) == ERROR_KEYS
    assert api.get("/v1/clients").json()["data"] == []


def test_scope_of_one_resource_gives_nothing_on_another(api: Api) -> None:
    reader = as_key(api, new_key(api, "clients:read"))
    for r in (reader.get("/v1/invoices"), reader.get("/v1/company"), reader.get("/v1/api-keys")):
        assert_error(r, 403, "authorization_error", "insufficient_scope")


def test_write_scope_implies_read(api: Api) -> None:
    writer = as_key(api, new_key(api, "invoices:write"))
    created = writer.post("/v1/invoices", invoice_body())
    assert created.status_code == 201, created.text
    assert writer.get("/v1/invoices").status_code == 200
    assert writer.get(f"/v1/invoices/{created.json()['id']}").status_code == 200
    assert_error(writer.get("/v1/clients"), 403, "authorization_error", "insufficient_scope")


def test_unknown_scope_is_refused(api: Api, runtime: Runtime) -> None:
    before = len(api.get("/v1/api-keys").json()["data"])
    r = api.post("/v1/api-keys", {"scopes": ["clients:read", "clients:delete"]})
    error = assert_error(r, 422, "invalid_request_error")
    assert error["param"] == "scopes"
    assert "clients:delete" in error["message"]
    r = api.post("/v1/api-keys", {"scopes": []})
    assert_error(r, 422, "invalid_request_error")
    assert r.json()["error"]["param"] == "scopes"
    assert len(api.get("/v1/api-keys").json()["data"]) == before


# --- keys as a resource --------------------------------------------------------------------------


def test_new_key_secret_is_shown_once(api: Api) -> None:
    key = new_key(api, "clients:read", "products:write", name="tienda")
    assert key["object"] == "api_key"
    assert key["secret"].startswith("tal_")
    assert key["scopes"] == ["clients:read", "products:write"]
    assert key["name"] == "tienda"
    assert key["secret"].startswith(key["prefix"])
    assert key["secret"].endswith(key["last4"])
    r = api.get("/v1/api-keys")
    assert r.status_code == 200
    listed = r.json()["data"]
    assert key["id"] in [k["id"] for k in listed]
    assert all(k.get("secret") is None for k in listed)
    assert key["secret"] not in r.text
    assert api.key not in r.text


def test_database_keeps_only_a_hash_of_the_secret(api: Api, runtime: Runtime) -> None:
    key = new_key(api, "clients:read")
    with runtime.db.read_session() as s:
        row = s.scalars(select(ApiKey).where(ApiKey.id == key["id"])).one()
        key_hash = row.key_hash
        values = [getattr(row, c.key) for c in ApiKey.__table__.columns]
    assert key_hash != key["secret"]
    assert len(key_hash) == 64
    assert all(key["secret"] not in str(v) for v in values)
    assert all(key["secret"][4:] not in str(v) for v in values)


def test_revoked_key_stops_working(api: Api) -> None:
    key = new_key(api, "clients:read")
    other = as_key(api, key)
    assert other.get("/v1/clients").status_code == 200
    r = api.delete(f"/v1/api-keys/{key['id']}")
    assert r.status_code == 200, r.text
    assert r.json()["revoked_at"] is not None
    assert "secret" not in r.json() or r.json()["secret"] is None
    assert_error(other.get("/v1/clients"), 401, "authentication_error")
    listed = {k["id"]: k for k in api.get("/v1/api-keys").json()["data"]}
    assert listed[key["id"]]["revoked_at"] is not None


def test_key_cannot_revoke_itself(api: Api) -> None:
    keys = api.get("/v1/api-keys").json()["data"]
    assert len(keys) == 1
    r = api.delete(f"/v1/api-keys/{keys[0]['id']}")
    assert_error(r, 409, "conflict_error")
    assert api.get("/v1/company").status_code == 200


def test_another_companys_key_cannot_be_revoked(api: Api, other_api: Api) -> None:
    theirs = other_api.get("/v1/api-keys").json()["data"][0]
    assert_error(api.delete(f"/v1/api-keys/{theirs['id']}"), 404, "not_found_error")
    assert other_api.get("/v1/company").status_code == 200
    assert theirs["id"] not in [k["id"] for k in api.get("/v1/api-keys").json()["data"]]


def test_key_sees_only_its_own_company(api: Api, other_api: Api) -> None:
    assert api.get("/v1/company").json()["id"] == api.company_id
    assert other_api.get("/v1/company").json()["id"] == other_api.company_id


# --- the company ---------------------------------------------------------------------------------


def test_company_shows_its_details(api: Api) -> None:
    r = api.get("/v1/company")
    assert r.status_code == 200
    company = r.json()
    assert company["object"] == "company"
    assert company["legal_name"] == "Test Company SL"
    assert len(company["nif"]) == 9
    assert company["verifactu"] == {
        "environment": "sandbox",
        "mode": "verifactu",
        "mode_since": None,
        "next_mode": None,
        "next_mode_on": None,
        "next_mode_reported_at": None,
        "certificate": None,
    }


def test_company_details_can_change(api: Api) -> None:
    r = api.patch(
        "/v1/company",
        {
            "trade_name": "Tienda",
            "email": "hola@tienda.es",
            "address": {"street": "Gran Vía 1", "postal_code": "28013", "city": "Madrid"},
            "verifactu": {"environment": "preproduction"},
        },
    )
    assert r.status_code == 200, r.text
    company = api.get("/v1/company").json()
    assert company["trade_name"] == "Tienda"
    assert company["email"] == "hola@tienda.es"
    assert company["address"]["country"] == "ES"
    assert company["verifactu"]["environment"] == "preproduction"
    assert company["legal_name"] == "Test Company SL"


def test_company_nif_cannot_change(api: Api) -> None:
    nif = api.get("/v1/company").json()["nif"]
    r = api.patch("/v1/company", {"nif": "A08001851"})
    error = assert_error(r, 422, "invalid_request_error")
    assert error["param"] == "nif"
    assert api.get("/v1/company").json()["nif"] == nif


def test_unknown_verifactu_environment_is_refused(api: Api) -> None:
    r = api.patch("/v1/company", {"verifactu": {"environment": "live"}})
    error = assert_error(r, 422, "invalid_request_error")
    assert error["param"] == "verifactu.environment"
    assert api.get("/v1/company").json()["verifactu"]["environment"] == "sandbox"

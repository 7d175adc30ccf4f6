"""The request boundary owns the transaction: an endpoint that writes and returns commits even
without ctx.respond(), and one that writes and then raises leaves nothing behind."""

from typing import Any

from fastapi import APIRouter
from fastapi.testclient import TestClient

from talonario.auth.context import Context, writer
from talonario.clients import service as clients
from talonario.clients.schemas import ClientCreate
from talonario.errors import InvalidRequest
from talonario.main import create_app
from talonario.runtime import Runtime
from tests.fixtures.factories import create_company


def _app_with_careless_endpoints(runtime: Runtime) -> TestClient:
    router = APIRouter()

    @router.post("/v1/careless-clients", status_code=201)
    def forgets_respond(body: ClientCreate, ctx: Context = writer("clients:write")) -> Any:
        return {"id": clients.create(ctx.session, ctx.company_id, body).id}

    @router.post("/v1/failing-clients")
    def writes_then_fails(body: ClientCreate, ctx: Context = writer("clients:write")) -> Any:
        clients.create(ctx.session, ctx.company_id, body)
        raise InvalidRequest("Refused after the write.", param="name")

    app = create_app(runtime.settings, runtime)
    app.include_router(router)
    return TestClient(app, raise_server_exceptions=False)  # no lifespan: the runtime is shared


def test_an_endpoint_that_returns_without_respond_still_commits(runtime: Runtime) -> None:
    _, key = create_company(runtime.db)
    http, auth = _app_with_careless_endpoints(runtime), {"Authorization": f"Bearer {key}"}
    created = http.post("/v1/careless-clients", json={"name": "Olvido SL"}, headers=auth)
    assert created.status_code == 201
    fetched = http.get(f"/v1/clients/{created.json()['id']}", headers=auth)
    assert fetched.status_code == 200 and fetched.json()["name"] == "Olvido SL"


def test_an_endpoint_that_raises_after_writing_leaves_nothing(runtime: Runtime) -> None:
    _, key = create_company(runtime.db)
    http, auth = _app_with_careless_endpoints(runtime), {"Authorization": f"Bearer {key}"}
    refused = http.post("/v1/failing-clients", json={"name": "Fallo SL"}, headers=auth)
    assert refused.status_code == 422 and refused.json()["error"]["param"] == "name"
    assert http.get("/v1/clients", headers=auth).json()["data"] == []

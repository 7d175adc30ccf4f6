"""Idempotency-Key: a retried POST replays the first answer instead of doing the work twice."""

import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import func, select, update

from talonario.auth.idempotency import purge_expired
from talonario.kit.clock import utcnow
from talonario.models import Client, IdempotencyRecord, Invoice
from talonario.runtime import Runtime
from tests.conftest import Api
from tests.fixtures.factories import invoice_body


def count(runtime: Runtime, model: Any, company_id: str) -> int:
    with runtime.db.read_session() as s:
        return s.scalar(select(func.count()).where(model.company_id == company_id)) or 0


def with_key(key: str) -> dict[str, str]:
    return {"Idempotency-Key": key}


def test_retried_post_replays_the_first_answer(api: Api, runtime: Runtime) -> None:
    key = f"k-{uuid.uuid4()}"
    first = api.post("/v1/invoices", invoice_body(issue=True), headers=with_key(key))
    assert first.status_code == 201, first.text
    assert "Idempotent-Replayed" not in first.headers
    second = api.post("/v1/invoices", invoice_body(issue=True), headers=with_key(key))
    assert second.status_code == 201
    assert second.content == first.content
    assert second.headers["Idempotent-Replayed"] == "true"
    assert second.headers["content-type"].startswith("application/json")
    assert count(runtime, Invoice, api.company_id) == 1
    assert [i["number"] for i in api.get("/v1/invoices").json()["data"]] == [first.json()["number"]]


def test_same_key_with_another_body_is_an_idempotency_error(api: Api, runtime: Runtime) -> None:
    key = f"k-{uuid.uuid4()}"
    assert api.post("/v1/clients", {"name": "Uno"}, headers=with_key(key)).status_code == 201
    r = api.post("/v1/clients", {"name": "Dos"}, headers=with_key(key))
    assert r.status_code == 409, r.text
    error = r.json()["error"]
    assert error["type"] == "idempotency_error"
    assert error["param"] == "Idempotency-Key"
    assert count(runtime, Client, api.company_id) == 1


def test_same_key_on_another_endpoint_is_an_idempotency_error(api: Api, runtime: Runtime) -> None:
    key = f"k-{uuid.uuid4()}"
    assert api.post("/v1/clients", {"name": "Uno"}, headers=with_key(key)).status_code == 201
    r = api.post("/v1/products", {"name": "Uno", "unit_price": 1}, headers=with_key(key))
    assert r.status_code == 409, r.text
    assert r.json()["error"]["type"] == "idempotency_error"
    assert api.get("/v1/products").json()["data"] == []


def test_keys_belong_to_one_company(api: Api, other_api: Api, runtime: Runtime) -> None:
    key = f"k-{uuid.uuid4()}"
    mine = api.post("/v1/clients", {"name": "Uno"}, headers=with_key(key))
    same_body = other_api.post("/v1/clients", {"name": "Uno"}, headers=with_key(key))
    assert mine.status_code == same_body.status_code == 201
    assert "Idempotent-Replayed" not in same_body.headers
    assert mine.json()["id"] != same_body.json()["id"]
    assert api.get(f"/v1/clients/{same_body.json()['id']}").status_code == 404
    assert count(runtime, Client, api.company_id) == 1
    assert count(runtime, Client, other_api.company_id) == 1


def test_another_company_may_use_a_key_with_another_body(api: Api, other_api: Api) -> None:
    key = f"k-{uuid.uuid4()}"
    assert api.post("/v1/clients", {"name": "Uno"}, headers=with_key(key)).status_code == 201
    r = other_api.post("/v1/products", {"name": "p", "unit_price": 1}, headers=with_key(key))
    assert r.status_code == 201, r.text
    assert "Idempotent-Replayed" not in r.headers


def test_request_refused_by_validation_is_not_remembered(api: Api, runtime: Runtime) -> None:
    key = f"k-{uuid.uuid4()}"
    bad = invoice_body(issue=True)
    bad["lines"][0]["quantity"] = "three"
    r = api.post("/v1/invoices", bad, headers=with_key(key))
    assert r.status_code == 422
    good = api.post("/v1/invoices", invoice_body(issue=True), headers=with_key(key))
    assert good.status_code == 201, good.text
    assert "Idempotent-Replayed" not in good.headers
    assert count(runtime, Invoice, api.company_id) == 1


def test_request_refused_by_a_tax_rule_is_not_remembered(api: Api, runtime: Runtime) -> None:
    key = f"k-{uuid.uuid4()}"
    bad = invoice_body(
        lines=[
            {
                "description": "x",
                "quantity": 1,
                "unit_price": 100,
                "tax": {"rate": 21, "surcharge_rate": 1.4},
            }
        ]
    )
    r = api.post("/v1/invoices", bad, headers=with_key(key))
    assert r.status_code == 422, r.text
    good = api.post("/v1/invoices", invoice_body(), headers=with_key(key))
    assert good.status_code == 201, good.text
    assert count(runtime, Invoice, api.company_id) == 1


def test_refused_conflict_is_not_remembered(api: Api, runtime: Runtime) -> None:
    api.post("/v1/clients", {"name": "Uno", "external_id": "erp-1"})
    key = f"k-{uuid.uuid4()}"
    r = api.post("/v1/clients", {"name": "Dos", "external_id": "erp-1"}, headers=with_key(key))
    assert r.status_code == 409
    r = api.post("/v1/clients", {"name": "Dos", "external_id": "erp-2"}, headers=with_key(key))
    assert r.status_code == 201, r.text
    assert count(runtime, Client, api.company_id) == 2


def test_replay_of_an_issued_invoice_does_not_take_another_number(api: Api) -> None:
    key = f"k-{uuid.uuid4()}"
    for _ in range(3):
        r = api.post("/v1/invoices", invoice_body(issue=True), headers=with_key(key))
        assert r.status_code == 201
    after = api.post("/v1/invoices", invoice_body(issue=True)).json()
    year = after["issued_on"][:4]
    assert after["number"] == f"F{year}-00002"


def test_over_long_idempotency_key_is_refused(api: Api, runtime: Runtime) -> None:
    r = api.post("/v1/clients", {"name": "Uno"}, headers=with_key("k" * 256))
    assert r.status_code == 422, r.text
    assert r.json()["error"]["param"] == "Idempotency-Key"
    assert count(runtime, Client, api.company_id) == 0


def test_the_worker_forgets_keys_past_their_time(api: Api, runtime: Runtime) -> None:
    old, fresh = f"k-{uuid.uuid4()}", f"k-{uuid.uuid4()}"
    assert api.post("/v1/clients", {"name": "Uno"}, headers=with_key(old)).status_code == 201
    assert api.post("/v1/clients", {"name": "Dos"}, headers=with_key(fresh)).status_code == 201
    ttl = timedelta(hours=runtime.settings.idempotency_ttl_hours)
    with runtime.db.write_session() as s:
        s.execute(
            update(IdempotencyRecord)
            .where(IdempotencyRecord.company_id == api.company_id, IdempotencyRecord.key == old)
            .values(created_at=utcnow() - ttl - timedelta(minutes=1))
        )
        s.commit()

    while purge_expired(runtime.db, runtime.settings):  # other tests' expired keys go too
        pass

    with runtime.db.read_session() as s:
        kept = s.scalars(
            select(IdempotencyRecord.key).where(IdempotencyRecord.company_id == api.company_id)
        ).all()
    assert kept == [fresh]
    # The forgotten key is free again: the same body now does the work anew.
    again = api.post("/v1/clients", {"name": "Uno"}, headers=with_key(old))
    assert again.status_code == 201 and "Idempotent-Replayed" not in again.headers
    assert count(runtime, Client, api.company_id) == 3
    assert purge_expired(runtime.db, runtime.settings) == 0

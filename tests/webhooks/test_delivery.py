"""Events from the outbox to a real local receiver: signed, retried, disabled, replayed."""

import json
import threading
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

from talonario.db import create_database
from talonario.kit.clock import utcnow
from talonario.models import WebhookDelivery, WebhookEvent
from talonario.runtime import Runtime
from talonario.webhooks.delivery import deliver_due
from talonario.webhooks.outbox import emit
from tests.conftest import Api
from tests.webhooks.conftest import EndpointFactory
from tests.webhooks.receiver import Receiver, running_receiver, signature_valid

pytestmark = pytest.mark.usefixtures("allow_private")

INVOICE = {
    "id": "0192f0aa-0000-7000-8000-000000000001",
    "object": "invoice",
    "number": "F-2026-00001",
    "status": "issued",
    "total": Decimal("386.73"),
}


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with running_receiver() as r:
        yield r


def emit_committed(runtime: Runtime, company_id: str, event_type: str, data: Any) -> None:
    with runtime.db.write_session() as session:
        emit(session, company_id, event_type, data, object_id=data["id"])
        session.commit()


def deliver(runtime: Runtime, now: datetime | None = None) -> int:
    return deliver_due(runtime.db, runtime.settings, now=now)


def deliveries(api: Api, endpoint_id: str) -> list[dict[str, Any]]:
    r = api.get(f"/v1/webhook-endpoints/{endpoint_id}/deliveries")
    assert r.status_code == 200, r.text
    return r.json()["data"]  # type: ignore[no-any-return]


def at(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp)


def test_receiver_gets_issued_invoice_and_accepted_record_signed(
    api: Api, runtime: Runtime, receiver: Receiver, new_endpoint: EndpointFactory
) -> None:
    endpoint = new_endpoint(receiver.url, ["invoice.issued", "verifactu.record.accepted"])
    emit_committed(runtime, api.company_id, "invoice.issued", INVOICE)
    record = {"id": "rec_1", "invoice_id": INVOICE["id"], "status": "accepted", "csv": "A-1"}
    emit_committed(runtime, api.company_id, "verifactu.record.accepted", record)

    deliver(runtime)

    assert len(receiver.requests) == 2
    by_type = {json.loads(r.body)["type"]: r for r in receiver.requests}
    assert set(by_type) == {"invoice.issued", "verifactu.record.accepted"}
    for received in receiver.requests:
        assert signature_valid(endpoint["secret"], received)
        assert received.headers["content-type"] == "application/json"
        assert abs(int(received.headers["webhook-timestamp"]) - time.time()) < 300
        payload = json.loads(received.body)
        assert payload["id"] == received.headers["webhook-id"]
        assert set(payload) == {"id", "type", "created_at", "data"}
    issued = by_type["invoice.issued"]
    assert json.loads(issued.body)["data"]["number"] == "F-2026-00001"
    assert b'"total":386.73' in issued.body  # an exact decimal, as the API writes it
    assert json.loads(by_type["verifactu.record.accepted"].body)["data"] == record

    log = deliveries(api, endpoint["id"])
    assert len(log) == 2
    for delivery in log:
        assert delivery["status"] == "succeeded"
        assert delivery["attempts"] == 1
        assert delivery["response_status"] == 200
        assert delivery["response_body"] == "ok"
        assert delivery["duration_ms"] is not None
        assert delivery["next_attempt_at"] is None
    assert {d["event_id"] for d in log} == set(receiver.ids())


def test_a_tampered_body_does_not_verify(
    api: Api, runtime: Runtime, receiver: Receiver, new_endpoint: EndpointFactory
) -> None:
    endpoint = new_endpoint(receiver.url)
    emit_committed(runtime, api.company_id, "invoice.issued", INVOICE)
    deliver(runtime)
    (received,) = receiver.requests
    received.body = received.body.replace(b"386.73", b"1.00")
    assert not signature_valid(endpoint["secret"], received)


def test_only_subscribed_events_are_sent(
    api: Api, runtime: Runtime, receiver: Receiver, new_endpoint: EndpointFactory
) -> None:
    endpoint = new_endpoint(receiver.url, ["invoice.paid"])
    emit_committed(runtime, api.company_id, "invoice.issued", INVOICE)
    deliver(runtime)
    assert receiver.requests == []
    assert deliveries(api, endpoint["id"]) == []


def test_an_event_of_a_change_rolled_back_is_never_sent(
    api: Api, runtime: Runtime, receiver: Receiver, new_endpoint: EndpointFactory
) -> None:
    endpoint = new_endpoint(receiver.url)
    with runtime.db.write_session() as session:
        # Staged (db/rows.py): the rows would be inserted by the commit that never comes.
        emit(session, api.company_id, "invoice.issued", INVOICE, object_id=INVOICE["id"])
        session.rollback()
    with runtime.db.read_session() as session:
        events = select(func.count()).where(WebhookEvent.company_id == api.company_id)
        assert session.scalar(events) == 0
        rows = select(func.count()).where(WebhookDelivery.company_id == api.company_id)
        assert session.scalar(rows) == 0
    deliver(runtime)
    assert receiver.requests == []
    assert deliveries(api, endpoint["id"]) == []


def test_an_unknown_event_type_is_a_programming_error(api: Api, runtime: Runtime) -> None:
    with runtime.db.write_session() as session, pytest.raises(ValueError):
        emit(session, api.company_id, "invoice.created", INVOICE, object_id=INVOICE["id"])


def test_receiver_failing_twice_gets_the_event_on_the_third_attempt(
    api: Api, runtime: Runtime, new_endpoint: EndpointFactory
) -> None:
    with running_receiver(statuses=[500, 500]) as receiver:
        endpoint = new_endpoint(receiver.url)
        emit_committed(runtime, api.company_id, "invoice.issued", INVOICE)

        deliver(runtime)
        (first,) = deliveries(api, endpoint["id"])
        assert first["status"] == "pending"
        assert first["attempts"] == 1
        assert first["response_status"] == 500
        assert first["response_body"] == "boom: receiver unavailable"
        wait = at(first["next_attempt_at"]) - at(first["last_attempt_at"])
        assert timedelta(seconds=4) <= wait <= timedelta(seconds=6)

        deliver(runtime, now=at(first["next_attempt_at"]) - timedelta(seconds=1))
        assert len(receiver.requests) == 1  # not due yet

        deliver(runtime, now=at(first["next_attempt_at"]))
        (second,) = deliveries(api, endpoint["id"])
        assert second["attempts"] == 2 and second["status"] == "pending"
        wait = at(second["next_attempt_at"]) - at(second["last_attempt_at"])
        assert timedelta(minutes=4) <= wait <= timedelta(minutes=6)

        deliver(runtime, now=at(second["next_attempt_at"]))

    (third,) = deliveries(api, endpoint["id"])
    assert third["status"] == "succeeded"
    assert third["attempts"] == 3
    assert third["response_status"] == 200
    assert third["delivered_at"] is not None
    assert len(receiver.requests) == 3
    assert len(set(receiver.ids())) == 1  # one event: the same webhook-id every time
    assert len({r.body for r in receiver.requests}) == 1
    assert all(signature_valid(endpoint["secret"], r) for r in receiver.requests)
    last = receiver.requests[-1]
    assert int(last.headers["webhook-timestamp"]) == int(at(second["next_attempt_at"]).timestamp())


def test_an_endpoint_that_answers_410_is_disabled(
    api: Api, runtime: Runtime, new_endpoint: EndpointFactory
) -> None:
    with running_receiver(statuses=[410]) as receiver:
        endpoint = new_endpoint(receiver.url)
        emit_committed(runtime, api.company_id, "invoice.issued", INVOICE)
        deliver(runtime)
        (delivery,) = deliveries(api, endpoint["id"])
        assert delivery["status"] == "failed"
        assert delivery["response_status"] == 410
        assert delivery["next_attempt_at"] is None

        state = api.get(f"/v1/webhook-endpoints/{endpoint['id']}").json()
        assert state["enabled"] is False
        assert state["disabled_reason"] == "gone"

        emit_committed(runtime, api.company_id, "invoice.issued", INVOICE)
        deliver(runtime, now=utcnow() + timedelta(days=1))
        assert len(receiver.requests) == 1
        assert len(deliveries(api, endpoint["id"])) == 1  # a disabled endpoint gets no events

        replay = f"/v1/webhook-endpoints/{endpoint['id']}/deliveries/{delivery['id']}/replay"
        r = api.post(replay)
        assert r.status_code == 409
        assert r.json()["error"]["code"] == "webhook_endpoint_disabled"

        r = api.patch(f"/v1/webhook-endpoints/{endpoint['id']}", {"enabled": True})
        assert r.json()["enabled"] is True and r.json()["disabled_reason"] is None
        assert api.post(replay).status_code == 201
        deliver(runtime)
        assert len(receiver.requests) == 2


def test_a_replay_sends_the_event_again_as_a_new_delivery(
    api: Api, runtime: Runtime, receiver: Receiver, new_endpoint: EndpointFactory
) -> None:
    endpoint = new_endpoint(receiver.url)
    emit_committed(runtime, api.company_id, "invoice.issued", INVOICE)
    deliver(runtime)
    (original,) = deliveries(api, endpoint["id"])

    r = api.post(f"/v1/webhook-endpoints/{endpoint['id']}/deliveries/{original['id']}/replay")
    assert r.status_code == 201, r.text
    replayed = r.json()
    assert replayed["id"] != original["id"]
    assert replayed["replay_of"] == original["id"]
    assert replayed["event_id"] == original["event_id"]
    assert replayed["status"] == "pending" and replayed["attempts"] == 0

    deliver(runtime)
    assert receiver.ids() == [original["event_id"], original["event_id"]]
    log = {d["id"]: d for d in deliveries(api, endpoint["id"])}
    assert log[replayed["id"]]["status"] == "succeeded"
    assert log[original["id"]]["attempts"] == 1

    missing = f"/v1/webhook-endpoints/{endpoint['id']}/deliveries/{endpoint['id']}/replay"
    assert api.post(missing).json()["error"]["code"] == "webhook_delivery_not_found"


def test_deliveries_are_listed_newest_first_by_cursor_and_status(
    api: Api, runtime: Runtime, new_endpoint: EndpointFactory
) -> None:
    with running_receiver(statuses=[500]) as receiver:
        endpoint = new_endpoint(receiver.url)
        for _ in range(3):
            emit_committed(runtime, api.company_id, "invoice.issued", INVOICE)
        deliver(runtime)
    base = f"/v1/webhook-endpoints/{endpoint['id']}/deliveries"
    first = api.get(base, params={"limit": 2}).json()
    assert len(first["data"]) == 2 and first["has_more"] is True
    rest = api.get(base, params={"limit": 2, "starting_after": first["data"][-1]["id"]}).json()
    assert len(rest["data"]) == 1 and rest["has_more"] is False
    ids = [d["id"] for d in first["data"] + rest["data"]]
    assert ids == sorted(ids, reverse=True)
    pending = api.get(base, params={"status": "pending"}).json()["data"]
    succeeded = api.get(base, params={"status": "succeeded"}).json()["data"]
    assert len(pending) == 1 and pending[0]["response_status"] == 500
    assert len(succeeded) == 2
    assert api.get(base, params={"status": "lost"}).status_code == 422


def test_an_endpoint_failing_for_three_days_is_disabled(
    api: Api, runtime: Runtime, new_endpoint: EndpointFactory
) -> None:
    with running_receiver(statuses=[503] * 50) as receiver:
        endpoint = new_endpoint(receiver.url)
        emit_committed(runtime, api.company_id, "invoice.issued", INVOICE)
        deliver(runtime)
        (delivery,) = deliveries(api, endpoint["id"])
        first_attempt = at(delivery["last_attempt_at"])
        while delivery["status"] == "pending":
            deliver(runtime, now=at(delivery["next_attempt_at"]))
            (delivery,) = deliveries(api, endpoint["id"])
    assert delivery["status"] == "failed"
    assert delivery["attempts"] == len(receiver.requests) == 10
    span = at(delivery["last_attempt_at"]) - first_attempt
    assert timedelta(days=2.5) < span < timedelta(days=3.5)
    state = api.get(f"/v1/webhook-endpoints/{endpoint['id']}").json()
    assert state["enabled"] is False
    assert state["disabled_reason"] == "failing"


def test_a_private_address_is_refused_at_delivery_time_too(
    api: Api,
    runtime: Runtime,
    receiver: Receiver,
    new_endpoint: EndpointFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    endpoint = new_endpoint(receiver.url)
    emit_committed(runtime, api.company_id, "invoice.issued", INVOICE)
    monkeypatch.setattr(runtime.settings, "webhooks_allow_private", False)
    deliver(runtime)
    assert receiver.requests == []
    (delivery,) = deliveries(api, endpoint["id"])
    assert delivery["status"] == "pending" and delivery["attempts"] == 1
    assert delivery["response_status"] is None
    assert "https" in delivery["error"]


def test_after_a_rotation_both_secrets_verify_for_a_day(
    api: Api, runtime: Runtime, receiver: Receiver, new_endpoint: EndpointFactory
) -> None:
    endpoint = new_endpoint(receiver.url)
    rotated = api.post(f"/v1/webhook-endpoints/{endpoint['id']}/rotate-secret").json()["secret"]
    emit_committed(runtime, api.company_id, "invoice.issued", INVOICE)
    deliver(runtime)
    emit_committed(runtime, api.company_id, "invoice.issued", INVOICE)
    deliver(runtime, now=utcnow() + timedelta(days=2))
    soon, later = receiver.requests
    assert signature_valid(rotated, soon) and signature_valid(endpoint["secret"], soon)
    assert signature_valid(rotated, later)


def test_two_workers_at_once_deliver_each_event_exactly_once(
    api: Api, runtime: Runtime, new_endpoint: EndpointFactory
) -> None:
    with running_receiver(latency=0.02) as receiver:
        new_endpoint(receiver.url)
        for n in range(20):
            emit_committed(runtime, api.company_id, "invoice.issued", INVOICE | {"n": n})
        # Two databases (engines, pools, locks) as two worker processes would have.
        workers = [create_database(runtime.settings) for _ in range(2)]
        start = threading.Barrier(2)
        counts: list[int] = []

        def work(db: Any) -> None:
            start.wait()
            total = 0
            while sent := deliver_due(db, runtime.settings, limit=3):
                total += sent
            counts.append(total)

        threads = [threading.Thread(target=work, args=(db,)) for db in workers]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        for db in workers:
            db.dispose()

    ids = receiver.ids()
    assert len(ids) == 20
    assert len(set(ids)) == 20
    assert all(count > 0 for count in counts)  # both really worked

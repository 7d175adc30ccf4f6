"""GET /v1/events: every event a company's changes emitted, kept 30 days whether or not a
webhook endpoint listens, and the worker's purge of older ones."""

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select, update

from talonario.kit.clock import utcnow
from talonario.models import WebhookDelivery, WebhookEvent
from talonario.runtime import Runtime
from talonario.webhooks.feed import purge_expired_events
from talonario.worker import JOBS
from tests.conftest import Api
from tests.fixtures.factories import invoice_body
from tests.fixtures.remission import remit_until_answered
from tests.webhooks.conftest import EndpointFactory, feed


def issue(api: Api, **overrides: Any) -> dict[str, Any]:
    r = api.post("/v1/invoices", invoice_body(issue=True, **overrides))
    assert r.status_code == 201, r.text
    return r.json()  # type: ignore[no-any-return]


def types(api: Api, **params: Any) -> list[str]:
    return [e["type"] for e in feed(api, **params)]


def backdate(runtime: Runtime, event_id: str, days: int) -> None:
    with runtime.db.write_session() as session:
        session.execute(
            update(WebhookEvent)
            .where(WebhookEvent.id == event_id)
            .values(created_at=utcnow() - timedelta(days=days))
        )
        session.commit()


def rows_of(runtime: Runtime, event_id: str) -> tuple[int, int]:
    """(events, deliveries) stored for the event."""
    with runtime.db.read_session() as session:
        kept = session.scalar(select(func.count()).where(WebhookEvent.id == event_id))
        sent = session.scalar(select(func.count()).where(WebhookDelivery.event_id == event_id))
    return kept or 0, sent or 0


def test_a_company_without_endpoints_gets_every_event_newest_first(api: Api) -> None:
    assert api.get("/v1/webhook-endpoints").json()["data"] == []
    paid = issue(api)
    api.post(f"/v1/invoices/{paid['id']}/payments", {"amount": "386.73"})
    voided = issue(api)
    api.post(f"/v1/invoices/{voided['id']}/void", {"reason": "Duplicada"})

    listed = feed(api)
    assert [(e["type"], e["data"]["id"]) for e in listed] == [
        ("invoice.voided", voided["id"]),
        ("invoice.issued", voided["id"]),
        ("invoice.paid", paid["id"]),
        ("invoice.issued", paid["id"]),
    ]
    issued = listed[-1]
    assert issued["object"] == "event"
    # The invoice as it was when issued, as the webhook carries it.
    assert issued["data"]["number"] == paid["number"]
    assert issued["data"]["status"] == "issued" and listed[2]["data"]["status"] == "paid"
    one = api.get(f"/v1/events/{issued['id']}")
    assert one.status_code == 200 and one.json() == issued


def test_amounts_come_back_as_exact_decimals(api: Api) -> None:
    invoice = issue(api)
    event = api.get("/v1/events", params={"type": "invoice.issued"})
    # Read as text: a float would have lost the trailing zero of 326.00 and 0.00.
    assert '"subtotal":326.00' in event.text and '"total":386.73' in event.text
    assert '"withholding_total":0.00' in event.text
    assert event.json()["data"][0]["data"]["id"] == invoice["id"]


def test_type_filters_take_types_and_families(api: Api) -> None:
    invoice = issue(api)
    api.post(f"/v1/invoices/{invoice['id']}/payments", {"amount": "386.73"})
    other = issue(api)
    api.post(f"/v1/invoices/{other['id']}/void", {"reason": "Duplicada"})

    assert types(api, type="invoice.paid") == ["invoice.paid"]
    assert types(api, type=["invoice.paid", "invoice.voided"]) == ["invoice.voided", "invoice.paid"]
    assert types(api, type="invoice.*") == [
        "invoice.voided",
        "invoice.issued",
        "invoice.paid",
        "invoice.issued",
    ]
    assert types(api, type="verifactu.*") == []


@pytest.mark.parametrize(
    "value", ["invoice.created", "invoice", "*", "invoices.*", "invoice.paid.*"]
)
def test_an_unknown_type_is_refused_naming_type(api: Api, value: str) -> None:
    r = api.get("/v1/events", params={"type": value})
    assert r.status_code == 422, r.text
    assert (r.json()["error"]["param"], r.json()["error"]["code"]) == ("type", "unknown_event_type")


def test_the_cursor_pages_through_every_event_once(api: Api) -> None:
    for _ in range(5):
        issue(api)
    everything = [e["id"] for e in feed(api)]
    assert len(everything) == 5 and everything == sorted(everything, reverse=True)
    seen: list[str] = []
    after = None
    while True:
        params: dict[str, Any] = {"limit": 2} | ({"starting_after": after} if after else {})
        page = api.get("/v1/events", params=params).json()
        seen += [e["id"] for e in page["data"]]
        if not page["has_more"]:
            break
        after = page["data"][-1]["id"]
    assert seen == everything


def test_another_company_s_events_are_invisible(api: Api, other_api: Api) -> None:
    issue(api)
    (event,) = feed(api)
    assert feed(other_api) == []
    r = other_api.get(f"/v1/events/{event['id']}")
    assert r.status_code == 404 and r.json()["error"]["code"] == "event_not_found"


def test_one_invoice_s_events_by_id_or_external_id_with_its_record_s(
    api: Api, runtime: Runtime, app_client: Any
) -> None:
    invoice = issue(api, external_id="order-77")
    issue(api)
    api.post(f"/v1/invoices/{invoice['id']}/payments", {"amount": "386.73"})
    remit_until_answered(runtime, app_client, api.company_id)

    mine = ["verifactu.record.accepted", "invoice.paid", "invoice.issued"]
    assert types(api, invoice=invoice["id"]) == mine
    assert types(api, invoice="order-77") == mine
    accepted = feed(api, invoice="order-77", type="verifactu.record.*")[0]
    assert accepted["data"]["invoice"] == invoice["id"] and accepted["data"]["status"] == "accepted"
    assert types(api, invoice="no-such-invoice") == []
    assert len(feed(api, type="verifactu.record.accepted")) == 2


def test_created_at_bounds_narrow_the_list(api: Api) -> None:
    issue(api)
    now = utcnow()
    assert len(feed(api, **{"created_at[gte]": (now - timedelta(minutes=5)).isoformat()})) == 1
    assert feed(api, **{"created_at[gte]": (now + timedelta(minutes=5)).isoformat()}) == []
    assert feed(api, **{"created_at[lte]": (now - timedelta(minutes=5)).isoformat()}) == []
    tomorrow = (now + timedelta(days=1)).date().isoformat()  # a date: midnight UTC
    assert len(feed(api, **{"created_at[lte]": tomorrow})) == 1
    r = api.get("/v1/events", params={"created_at[gte]": "yesterday"})
    assert r.status_code == 422 and r.json()["error"]["param"] == "created_at[gte]"
    r = api.get("/v1/events", params={"created_at[lte]": "0001-01-01T00:00:00+05:00"})
    assert r.status_code == 422 and r.json()["error"]["param"] == "created_at[lte]"


def test_the_feed_needs_the_events_read_scope(api: Api) -> None:
    issue(api)
    invoices_only = api.post("/v1/api-keys", {"scopes": ["invoices:read"]}).json()["secret"]
    r = api.client.get("/v1/events", headers={"Authorization": f"Bearer {invoices_only}"})
    assert r.status_code == 403 and "events:read" in r.json()["error"]["message"]
    reader = api.post("/v1/api-keys", {"scopes": ["events:read"]}).json()["secret"]
    r = api.client.get("/v1/events", headers={"Authorization": f"Bearer {reader}"})
    assert r.status_code == 200 and len(r.json()["data"]) == 1
    assert api.post("/v1/api-keys", {"scopes": ["events:write"]}).status_code == 422


def test_events_older_than_30_days_vanish_and_the_worker_purges_them_with_deliveries(
    api: Api, runtime: Runtime, allow_private: None, new_endpoint: EndpointFactory
) -> None:
    new_endpoint("http://127.0.0.1:9/hooks", ["invoice.issued"])
    old, recent = issue(api), issue(api)
    old_event, recent_event = reversed(feed(api))
    assert old_event["data"]["id"] == old["id"] and recent_event["data"]["id"] == recent["id"]
    with runtime.db.write_session() as session:  # its delivery went out long ago
        session.execute(
            update(WebhookDelivery)
            .where(WebhookDelivery.event_id == old_event["id"])
            .values(status="succeeded")
        )
        session.commit()
    backdate(runtime, old_event["id"], days=31)
    assert rows_of(runtime, old_event["id"]) == (1, 1)

    # Hidden at once, before any purge.
    assert [e["id"] for e in feed(api)] == [recent_event["id"]]
    assert api.get(f"/v1/events/{old_event['id']}").status_code == 404

    assert ("events feed retention", purge_expired_events) in JOBS
    while purge_expired_events(runtime.db, runtime.settings):
        pass
    assert rows_of(runtime, old_event["id"]) == (0, 0)
    assert rows_of(runtime, recent_event["id"]) == (1, 1)


def test_an_event_still_waiting_for_a_delivery_is_not_purged(
    api: Api, runtime: Runtime, allow_private: None, new_endpoint: EndpointFactory
) -> None:
    new_endpoint("http://127.0.0.1:9/hooks", ["invoice.issued"])
    issue(api)
    (event,) = feed(api)
    backdate(runtime, event["id"], days=45)
    assert feed(api) == []  # out of the feed all the same

    while purge_expired_events(runtime.db, runtime.settings):
        pass
    assert rows_of(runtime, event["id"]) == (1, 1)  # its receiver may yet get it

    with runtime.db.write_session() as session:
        session.execute(
            update(WebhookDelivery)
            .where(WebhookDelivery.event_id == event["id"])
            .values(status="failed")
        )
        session.commit()
    while purge_expired_events(runtime.db, runtime.settings):
        pass
    assert rows_of(runtime, event["id"]) == (0, 0)

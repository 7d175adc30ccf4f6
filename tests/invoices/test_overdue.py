"""An unpaid invoice past its due date answers `overdue` on every read, the list filters by it,
and the worker announces it with `invoice.overdue` once, even with two workers at once."""

import csv
import io
from datetime import timedelta

import pytest

from talonario.runtime import Runtime
from tests.conftest import Api
from tests.fixtures.factories import invoice_body
from tests.invoices.dunning import (
    announce,
    at_once,
    days_ago,
    events_of,
    issue_due,
    listed,
    quiet_after,
    status_of,
    subscribe,
    today,
)

pytestmark = pytest.mark.usefixtures(quiet_after.__name__)


def test_an_unpaid_invoice_past_its_due_date_answers_overdue(api: Api) -> None:
    late = issue_due(api, days_ago(1))
    on_time = issue_due(api, today())  # due today: not late until tomorrow
    undated = issue_due(api, None)
    assert late["status"] == "overdue"  # already in the answer of the POST that issued it
    got = api.get(f"/v1/invoices/{late['id']}").json()
    assert got["status"] == "overdue" and got["pending_amount"] == 386.73
    assert status_of(api, on_time) == "issued"
    assert status_of(api, undated) == "issued"
    assert listed(api, status="overdue") == [late["id"]]
    assert listed(api, status="issued") == [undated["id"], on_time["id"]]
    page = api.get("/v1/invoices").json()["data"]
    assert {i["id"]: i["status"] for i in page}[late["id"]] == "overdue"


def test_a_payment_keeps_it_overdue_until_it_settles_it(api: Api) -> None:
    invoice = issue_due(api, days_ago(10))
    api.post(f"/v1/invoices/{invoice['id']}/payments", {"amount": "86.73"})
    partly = api.get(f"/v1/invoices/{invoice['id']}").json()
    assert partly["status"] == "overdue" and partly["pending_amount"] == 300.0
    assert listed(api, status="overdue") == [invoice["id"]]
    assert listed(api, status="partially_paid") == []
    api.post(f"/v1/invoices/{invoice['id']}/payments", {"amount": "300.00"})
    assert status_of(api, invoice) == "paid"
    assert listed(api, status="overdue") == [] and listed(api, status="paid") == [invoice["id"]]


def test_partially_paid_and_not_yet_due_is_partially_paid(api: Api) -> None:
    invoice = issue_due(api, today())
    api.post(f"/v1/invoices/{invoice['id']}/payments", {"amount": "6.73"})
    assert status_of(api, invoice) == "partially_paid"
    assert listed(api, status="partially_paid") == [invoice["id"]]
    assert listed(api, status="overdue") == []


def test_drafts_voided_and_invoices_owing_nothing_are_never_overdue(api: Api) -> None:
    past = days_ago(30).isoformat()
    draft = api.post("/v1/invoices", invoice_body(due_on=past)).json()
    voided = issue_due(api, days_ago(30))
    api.post(f"/v1/invoices/{voided['id']}/void", {"reason": "Duplicada"})
    free = issue_due(
        api,
        days_ago(30),
        lines=[{"description": "Muestra", "unit_price": "0.00", "tax": {"rate": 21}}],
    )
    credit = api.post(
        f"/v1/invoices/{issue_due(api, None)['id']}/rectify",
        {"type": "R1", "method": "differences", "reason": "Abono", "issue": True, "due_on": past},
    ).json()
    assert credit["total"] < 0 and free["total"] == 0
    assert [status_of(api, i) for i in (draft, voided, free, credit)] == [
        "draft",
        "voided",
        "issued",
        "issued",
    ]
    assert listed(api, status="overdue") == []
    assert set(listed(api, status="issued")) >= {free["id"], credit["id"]}


def test_a_replaced_simplified_invoice_is_not_overdue_its_f3_is(api: Api) -> None:
    ticket = issue_due(api, days_ago(5), type="F2", client=None)
    f3 = issue_due(api, days_ago(5), type="F3", substitutes=[ticket["id"]])
    assert status_of(api, ticket) == "issued"
    assert status_of(api, f3) == "overdue"
    assert listed(api, status="overdue") == [f3["id"]]


def test_the_worker_announces_invoice_overdue_once(api: Api, runtime: Runtime) -> None:
    subscribe(runtime, api.company_id, ["invoice.overdue"])
    late = issue_due(api, days_ago(3))
    paid = issue_due(api, days_ago(3))
    api.post(f"/v1/invoices/{paid['id']}/payments", {"amount": "386.73"})
    tomorrow = issue_due(api, today())
    announce(runtime)
    announce(runtime)
    (event,) = events_of(runtime, api.company_id, "invoice.overdue")
    assert event["type"] == "invoice.overdue"
    assert event["data"]["id"] == late["id"] and event["data"]["status"] == "overdue"
    assert event["data"]["pending_amount"] == 386.73
    # The day after, the one due today is late too; the first is not announced again.
    announce(runtime, today() + timedelta(days=1))
    events = events_of(runtime, api.company_id, "invoice.overdue")
    assert sorted(e["data"]["id"] for e in events) == sorted([late["id"], tomorrow["id"]])


def test_an_invoice_back_to_unpaid_is_overdue_again_but_announced_once(
    api: Api, runtime: Runtime
) -> None:
    subscribe(runtime, api.company_id, ["invoice.overdue"])
    invoice = issue_due(api, days_ago(3))
    announce(runtime)
    payment = api.post(f"/v1/invoices/{invoice['id']}/payments", {"amount": "386.73"}).json()
    assert status_of(api, invoice) == "paid"
    api.delete(f"/v1/invoices/{invoice['id']}/payments/{payment['id']}")
    assert status_of(api, invoice) == "overdue"
    announce(runtime)
    assert len(events_of(runtime, api.company_id, "invoice.overdue")) == 1


def test_two_workers_announce_each_invoice_exactly_once(api: Api, runtime: Runtime) -> None:
    subscribe(runtime, api.company_id, ["invoice.overdue"])
    invoices = [issue_due(api, days_ago(2 + i % 5)) for i in range(30)]
    at_once(lambda: announce(runtime))
    announced = [e["data"]["id"] for e in events_of(runtime, api.company_id, "invoice.overdue")]
    assert sorted(announced) == sorted(i["id"] for i in invoices)


def test_exports_and_the_public_page_say_overdue(api: Api) -> None:
    late = issue_due(api, days_ago(4))
    on_time = issue_due(api, today())
    r = api.get("/v1/reports/invoices.csv", params={"status": "overdue"})
    assert r.status_code == 200, r.text
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [(row["id"], row["status"]) for row in rows] == [(late["id"], "overdue")]
    everything = csv.DictReader(io.StringIO(api.get("/v1/reports/invoices.csv").text))
    assert {row["id"]: row["status"] for row in everything}[on_time["id"]] == "issued"
    link = api.post(f"/v1/invoices/{late['id']}/public-link", {}).json()["public_link"]["url"]
    page = api.client.get("/p/" + link.rstrip("/").rsplit("/", 1)[-1])
    assert page.status_code == 200 and "Vencida" in page.text

"""/v1/recurring-invoices: CRUD, lists and filters, next dates, pause and resume, ends by count
and end_on, month ends, drafts and email, and another company's key."""

from datetime import date, timedelta

from talonario.kit.clock import today_in
from talonario.recurring import service
from talonario.recurring.schedule import add_months
from talonario.runtime import Runtime
from tests.conftest import Api
from tests.fixtures.factories import client_body
from tests.recurring.helpers import invoices_of, run_job, template_body

URL = "/v1/recurring-invoices"


def _today() -> date:
    return today_in("Europe/Madrid")


def _create(api: Api, start_on: date, **fields: object) -> dict:
    r = api.post(URL, template_body(start_on, **fields))
    assert r.status_code == 201, r.text
    return r.json()


def _runs(api: Api, ref: str) -> list[dict]:
    r = api.get(f"{URL}/{ref}/invoices", params={"limit": 100})
    assert r.status_code == 200, r.text
    return r.json()["data"]


def test_create_get_list_update_and_delete(api: Api) -> None:
    start = _today() + timedelta(days=10)
    made = _create(api, start, external_id="cuota-1", metadata={"plan": "pro"}, due_days=15)
    assert made["object"] == "recurring_invoice" and made["status"] == "active"
    assert made["next_dates"] == [add_months(start, n).isoformat() for n in range(5)]
    assert made["lines"][0]["unit_price"] == "100.00" and made["invoices_made"] == 0
    assert api.get(f"{URL}/cuota-1").json()["id"] == made["id"]

    client = api.post("/v1/clients", client_body(external_id="cli-1")).json()
    other = _create(api, start, client="cli-1", interval="days", every=7)
    assert other["client"] == client["id"]
    assert [d for d in other["next_dates"][:2]] == [
        start.isoformat(),
        (start + timedelta(days=7)).isoformat(),
    ]
    listed = api.get(URL, params={"client": "cli-1"}).json()
    assert [t["id"] for t in listed["data"]] == [other["id"]]
    assert {t["id"] for t in api.get(URL, params={"status": "active"}).json()["data"]} == {
        made["id"],
        other["id"],
    }
    page = api.get(URL, params={"limit": 1}).json()
    assert page["has_more"] and page["data"][0]["id"] == other["id"]
    after = api.get(URL, params={"limit": 1, "starting_after": other["id"]}).json()
    assert [t["id"] for t in after["data"]] == [made["id"]]

    r = api.patch(f"{URL}/{made['id']}", {"interval": "quarterly", "count": 2, "notes": "Cuota"})
    assert r.status_code == 200, r.text
    changed = r.json()
    assert changed["next_dates"] == [start.isoformat(), add_months(start, 3).isoformat()]
    assert changed["notes"] == "Cuota" and changed["metadata"] == {"plan": "pro"}
    assert api.delete(f"{URL}/{made['id']}").status_code == 204
    assert api.get(f"{URL}/{made['id']}").status_code == 404


def test_invalid_templates_are_refused_naming_the_field(api: Api) -> None:
    start = _today()
    r = api.post(URL, template_body(start, send=True, issue=False))
    assert r.status_code == 422
    r = api.post(
        URL,
        template_body(start, lines=[{"description": "X", "unit_price": "1", "tax": {"rate": 7}}]),
    )
    assert r.status_code == 422 and r.json()["error"]["param"].startswith("lines.0")
    r = api.post(URL, template_body(start, client="nobody"))
    assert r.status_code == 404 and r.json()["error"]["param"] == "client"
    r = api.post(URL, template_body(start, send=True, client={"name": "Sin Email SL"}))
    assert r.status_code == 422
    r = api.post(URL, template_body(start, end_on=(start - timedelta(days=1)).isoformat()))
    assert r.status_code == 422
    _create(api, start + timedelta(days=1), external_id="dup")
    assert api.post(URL, template_body(start, external_id="dup")).status_code == 409


def test_another_company_s_key_finds_nothing(api: Api, other_api: Api) -> None:
    made = _create(api, _today() + timedelta(days=3), external_id="mine")
    for ref in (made["id"], "mine"):
        assert other_api.get(f"{URL}/{ref}").status_code == 404
        assert other_api.patch(f"{URL}/{ref}", {"notes": "x"}).status_code == 404
        assert other_api.post(f"{URL}/{ref}/pause").status_code == 404
        assert other_api.get(f"{URL}/{ref}/invoices").status_code == 404
        assert other_api.delete(f"{URL}/{ref}").status_code == 404
    assert other_api.get(URL).json()["data"] == []


def test_monthly_from_the_31st_bills_month_ends_each_dated_the_day_made(
    api: Api, runtime: Runtime
) -> None:
    made = _create(api, date(2025, 1, 31))
    assert run_job(runtime, date(2025, 5, 1)) >= 4
    runs = _runs(api, made["id"])
    assert [r["scheduled_on"] for r in runs] == [
        "2025-01-31",
        "2025-02-28",
        "2025-03-31",
        "2025-04-30",
    ]
    assert {r["invoice"]["issued_on"] for r in runs} == {"2025-05-01"}
    assert [r["invoice"]["operation_date"] for r in runs] == [r["scheduled_on"] for r in runs]
    assert runs[0]["invoice"]["metadata"]["recurring_invoice"] == made["id"]
    template = api.get(f"{URL}/{made['id']}").json()
    assert template["next_dates"][:2] == ["2025-05-31", "2025-06-30"]
    assert template["invoices_made"] == 4
    r = api.patch(f"{URL}/{made['id']}", {"start_on": "2025-02-01"})
    assert r.status_code == 409 and r.json()["error"]["code"] == "recurring_invoice_started"
    assert api.delete(f"{URL}/{made['id']}").status_code == 409


def test_it_ends_by_count_and_by_end_on(api: Api, runtime: Runtime) -> None:
    by_count = _create(api, date(2025, 3, 10), count=3)
    by_end = _create(api, date(2025, 3, 10), interval="days", every=10, end_on="2025-03-30")
    run_job(runtime, date(2025, 9, 1))
    for template, n in ((by_count, 3), (by_end, 3)):
        got = api.get(f"{URL}/{template['id']}").json()
        assert got["status"] == "finished" and got["invoices_made"] == n, got
        assert got["next_dates"] == [] and got["finished_at"] is not None
    assert [r["scheduled_on"] for r in _runs(api, by_end["id"])] == [
        "2025-03-10",
        "2025-03-20",
        "2025-03-30",
    ]
    assert len(invoices_of(runtime, api.company_id)) == 6
    finished = api.get(URL, params={"status": "finished"}).json()["data"]
    assert len(finished) == 2
    assert api.post(f"{URL}/{by_count['id']}/pause").status_code == 409


def test_a_paused_template_makes_nothing_and_resuming_skips_the_gap(
    api: Api, runtime: Runtime
) -> None:
    made = _create(api, date(2025, 1, 10))
    run_job(runtime, date(2025, 2, 15))  # January and February
    with runtime.db.write_session() as session:
        service.pause(session, api.company_id, made["id"], date(2025, 3, 5))
        session.commit()
    run_job(runtime, date(2025, 5, 20))
    assert len(invoices_of(runtime, api.company_id)) == 2
    paused = api.get(f"{URL}/{made['id']}").json()
    assert paused["status"] == "paused" and paused["paused_on"] == "2025-03-05"
    with runtime.db.write_session() as session:
        service.resume(session, api.company_id, made["id"], date(2025, 5, 20))
        session.commit()
    run_job(runtime, date(2025, 6, 10))
    # March, April and May fell in the pause: June is the next one made.
    assert [r["scheduled_on"] for r in _runs(api, made["id"])] == [
        "2025-01-10",
        "2025-02-10",
        "2025-06-10",
    ]


def test_pause_and_resume_over_the_api(api: Api, runtime: Runtime) -> None:
    today = _today()
    made = _create(api, today)
    r = api.post(f"{URL}/{made['id']}/pause")
    assert r.status_code == 200 and r.json()["status"] == "paused"
    assert r.json()["next_dates"][0] == today.isoformat()  # due on the pause's day: still made
    run_job(runtime, today)
    assert invoices_of(runtime, api.company_id) == []
    r = api.post(f"{URL}/{made['id']}/resume")
    assert r.status_code == 200 and r.json()["status"] == "active"
    run_job(runtime, today)
    assert len(invoices_of(runtime, api.company_id)) == 1


def test_drafts_and_emails(api: Api, runtime: Runtime) -> None:
    client = api.post("/v1/clients", client_body(email="cliente@example.com")).json()
    drafts = _create(api, date(2025, 4, 1), issue=False, count=1)
    sent = _create(api, date(2025, 4, 1), client=client["id"], send=True, count=1)
    run_job(runtime, date(2025, 4, 2))
    (draft,) = _runs(api, drafts["id"])
    assert draft["invoice"]["status"] == "draft" and draft["invoice"]["number"] is None
    (issued,) = _runs(api, sent["id"])
    assert issued["invoice"]["status"] == "issued"
    assert issued["invoice"]["email"]["to"] == ["cliente@example.com"]


def test_the_worker_pauses_a_template_its_invoice_rules_refuse(api: Api, runtime: Runtime) -> None:
    client = api.post("/v1/clients", client_body()).json()
    made = _create(api, date(2025, 4, 1), client=client["id"])
    assert api.delete(f"/v1/clients/{client['id']}").status_code == 204
    run_job(runtime, date(2025, 4, 2))
    got = api.get(f"{URL}/{made['id']}").json()
    assert got["status"] == "paused" and "client" in got["last_error"]
    assert invoices_of(runtime, api.company_id) == []

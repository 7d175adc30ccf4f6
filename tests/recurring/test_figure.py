"""The issue's figure: a monthly template started a year ago, two workers and a day of
downtime in the middle: exactly 12 invoices, gapless, none doubled."""

from datetime import date, timedelta
from itertools import pairwise

from talonario.kit.clock import today_in
from talonario.recurring.schedule import Schedule, add_months
from talonario.runtime import Runtime
from tests.conftest import Api
from tests.recurring.helpers import invoices_of, run_two_workers, template_body


def _year_ago(today: date) -> tuple[date, list[date]]:
    """A start 12 months and a few days back, and its occurrences due by today: exactly 12,
    whatever today is (the 13th falls 3 days after today)."""
    start = add_months(today, -12) + timedelta(days=3)
    days = [Schedule("monthly", 1, start).on(n) for n in range(13)]
    due = [d for d in days if d <= today]
    assert len(due) == 12 and days[12] > today
    return start, due


def _runs(api: Api, template_id: str) -> list[dict]:
    r = api.get(f"/v1/recurring-invoices/{template_id}/invoices", params={"limit": 100})
    assert r.status_code == 200, r.text
    return r.json()["data"]


def _assert_gapless(numbered: list[tuple[int, int]]) -> None:
    """(year, sequence) in occurrence order: 1, 2, 3... with no gap, starting again at 1 only
    where the year changes (in a series that restarts each year)."""
    assert numbered[0][1] == 1
    for (year, seq), (next_year, next_seq) in pairwise(numbered):
        assert next_seq == seq + 1 or (next_year > year and next_seq == 1)


def test_a_year_of_two_workers_with_a_day_down_makes_exactly_12_gapless_invoices(
    api: Api, runtime: Runtime
) -> None:
    today = today_in("Europe/Madrid")
    start, due = _year_ago(today)
    r = api.post("/v1/recurring-invoices", template_body(start))
    assert r.status_code == 201, r.text
    template_id = r.json()["id"]
    down = due[6]  # the workers are down the day occurrence 6 is due
    day = start
    while day <= today:
        if day != down:
            run_two_workers(runtime, day)
        day += timedelta(days=1)
    run_two_workers(runtime, today)  # and both once more: nothing left to make

    invoices = invoices_of(runtime, api.company_id)
    assert len(invoices) == 12
    assert len({i.number for i in invoices}) == 12
    runs = _runs(api, template_id)
    assert [r["occurrence"] for r in runs] == list(range(12))
    assert [date.fromisoformat(r["scheduled_on"]) for r in runs] == due
    assert len({r["invoice"]["id"] for r in runs}) == 12
    by_id = {i.id: i for i in invoices}
    made = [by_id[r["invoice"]["id"]] for r in runs]
    # Each dated the day it was made: on its day, but the one missed the day after.
    assert [i.issued_on for i in made] == [d + timedelta(days=d == down) for d in due]
    assert [i.operation_date for i in made] == [down if d == down else None for d in due]
    _assert_gapless([(i.issued_year or 0, i.sequence or 0) for i in made])
    template = api.get(f"/v1/recurring-invoices/{template_id}").json()
    assert template["invoices_made"] == 12 and template["status"] == "active"
    assert template["next_dates"][0] == Schedule("monthly", 1, start).on(12).isoformat()


def test_a_year_missed_is_caught_up_at_once_in_order_dated_the_catch_up_day(
    api: Api, runtime: Runtime
) -> None:
    today = today_in("Europe/Madrid")
    start, due = _year_ago(today)
    template_id = api.post("/v1/recurring-invoices", template_body(start)).json()["id"]
    run_two_workers(runtime, today)
    run_two_workers(runtime, today)

    runs = _runs(api, template_id)
    assert [r["occurrence"] for r in runs] == list(range(12))
    assert [r["invoice"]["issued_on"] for r in runs] == [today.isoformat()] * 12
    assert [r["invoice"]["operation_date"] for r in runs] == [
        d.isoformat() if d < today else None for d in due
    ]
    numbers = [r["invoice"]["number"] for r in runs]
    assert len(invoices_of(runtime, api.company_id)) == 12 and len(set(numbers)) == 12
    made = {i.id: i for i in invoices_of(runtime, api.company_id)}
    _assert_gapless([(today.year, made[r["invoice"]["id"]].sequence or 0) for r in runs])

"""Automatic payment reminders: each step of each unpaid invoice once, only the latest step
after a gap, skipped visibly without an address, and exactly once under two workers."""

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from talonario.models import EmailOutbox, InvoiceReminder
from talonario.runtime import Runtime
from tests.conftest import Api
from tests.fixtures.factories import invoice_body
from tests.invoices.dunning import (
    announce,
    at_once,
    days_ago,
    enable_reminders,
    events_of,
    issue_due,
    quiet_after,
    remind,
    reminders_of,
    status_of,
    subscribe,
)

pytestmark = pytest.mark.usefixtures(quiet_after.__name__)


def _steps(api: Api, invoice: dict) -> list[int]:
    return sorted(r["step"] for r in reminders_of(api, invoice))


def _day(due: dict, offset: int) -> date:
    return date.fromisoformat(due["due_on"]) + timedelta(days=offset)


def test_time_travel_overdue_once_and_one_reminder_per_step(api: Api, runtime: Runtime) -> None:
    """Day by day from a week before the due date to three weeks after it, as the worker would
    pass each day: one invoice.overdue, and each step of [-3, 1, 7, 15] on its very day."""
    subscribe(runtime, api.company_id, ["invoice.overdue"])
    enable_reminders(api, [15, -3, 1, 7])
    invoice = issue_due(api, days_ago(25))
    sent_on: dict[int, date] = {}
    for offset in range(-7, 22):
        on = _day(invoice, offset)
        announce(runtime, on)
        remind(runtime, on)
        for step in _steps(api, invoice):
            sent_on.setdefault(step, on)
        overdue = events_of(runtime, api.company_id, "invoice.overdue")
        assert len(overdue) == (1 if offset >= 1 else 0), on
    assert sent_on == {step: _day(invoice, step) for step in (-3, 1, 7, 15)}
    assert status_of(api, invoice) == "overdue"
    reminders = reminders_of(api, invoice)
    assert {(r["trigger"], r["status"]) for r in reminders} == {("schedule", "pending")}
    assert all(r["email"]["to"] == ["pagos@cliente.es"] for r in reminders)


def test_reminders_switched_on_late_send_only_the_latest_step(api: Api, runtime: Runtime) -> None:
    invoice = issue_due(api, days_ago(20))
    remind(runtime, days_ago(0))
    assert reminders_of(api, invoice) == []  # off by default
    enable_reminders(api, [1, 7, 15])
    remind(runtime, days_ago(0))
    remind(runtime, days_ago(0))
    remind(runtime, days_ago(-1))
    assert _steps(api, invoice) == [15]


def test_after_downtime_only_the_latest_missed_step_is_sent(api: Api, runtime: Runtime) -> None:
    enable_reminders(api, [1, 7, 15, 30])
    invoice = issue_due(api, days_ago(40))
    remind(runtime, _day(invoice, 1))
    remind(runtime, _day(invoice, 16))  # the worker was down from day 2 to day 15
    assert _steps(api, invoice) == [1, 15]
    remind(runtime, _day(invoice, 30))
    assert _steps(api, invoice) == [1, 15, 30]


def test_settled_invoices_get_no_further_reminders(api: Api, runtime: Runtime) -> None:
    enable_reminders(api, [1, 7])
    paid = issue_due(api, days_ago(20))
    voided = issue_due(api, days_ago(20))
    api.post(f"/v1/invoices/{voided['id']}/void", {"reason": "Duplicada"})
    draft = api.post("/v1/invoices", invoice_body(due_on=days_ago(20).isoformat())).json()
    remind(runtime, _day(paid, 1))
    assert _steps(api, paid) == [1] and _steps(api, voided) == [] and _steps(api, draft) == []
    api.post(f"/v1/invoices/{paid['id']}/payments", {"amount": "386.73"})
    remind(runtime, _day(paid, 7))
    assert _steps(api, paid) == [1]


def test_a_step_without_a_client_email_is_kept_as_skipped(api: Api, runtime: Runtime) -> None:
    enable_reminders(api, [1, 7])
    invoice = issue_due(api, days_ago(10), client={"name": "Sin Correo SL", "nif": "B65410011"})
    remind(runtime, _day(invoice, 1))
    remind(runtime, _day(invoice, 2))
    (skipped,) = reminders_of(api, invoice)
    assert (skipped["status"], skipped["skip_reason"], skipped["email"]) == (
        "skipped",
        "no_email",
        None,
    )
    assert skipped["step"] == 1 and skipped["trigger"] == "schedule"
    remind(runtime, _day(invoice, 7))
    assert _steps(api, invoice) == [1, 7]


def test_two_workers_write_each_step_of_each_invoice_once(api: Api, runtime: Runtime) -> None:
    enable_reminders(api, [1, 7])
    invoices = [issue_due(api, days_ago(10 + i % 3)) for i in range(25)]
    on = days_ago(0)
    at_once(lambda: remind(runtime, on))
    at_once(lambda: remind(runtime, on))
    for invoice in invoices:
        assert _steps(api, invoice) == [7], invoice["id"]
    with runtime.db.read_session() as s:
        emails = s.scalar(
            select(func.count()).where(
                EmailOutbox.company_id == api.company_id, EmailOutbox.kind == "reminder"
            )
        )
    assert emails == len(invoices)


def test_a_step_is_unique_per_invoice_in_the_database(api: Api, runtime: Runtime) -> None:
    """The last line of defence, should the job's own checks ever miss a race."""
    invoice = issue_due(api, days_ago(10))
    with runtime.db.write_session() as s, pytest.raises(IntegrityError):
        for _ in range(2):
            s.add(
                InvoiceReminder(
                    company_id=api.company_id,
                    invoice_id=invoice["id"],
                    trigger="schedule",
                    step=7,
                    skip_reason="no_email",
                )
            )
            s.flush()

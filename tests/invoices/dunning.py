"""What the overdue and reminder tests share: invoices due on a given day, the worker's two
jobs run until they have nothing left, a webhook subscription read back from the outbox, and
two workers started at once."""

import json
import threading
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import Any

import pytest

from talonario.invoices.overdue import announce_overdue
from talonario.kit.clock import today_in
from talonario.models import Company, EmailOutbox, WebhookEndpoint, WebhookEvent
from talonario.reminders.jobs import send_scheduled
from talonario.runtime import Runtime
from tests.conftest import Api
from tests.fixtures.factories import invoice_body

CLIENT = {"name": "Cliente Moroso SL", "nif": "B65410011", "email": "pagos@cliente.es"}


@pytest.fixture
def quiet_after(api: Api, runtime: Runtime) -> Iterator[None]:
    """After the test, its company sends nothing more: its reminders off and its emails still
    waiting given up, so that no later test's worker pass delivers them (every test company's
    invoice numbers look alike)."""
    yield
    with runtime.db.write_session() as s:
        company = s.get(Company, api.company_id)
        assert company is not None
        company.reminders_enabled = False
        waiting = s.query(EmailOutbox).filter_by(company_id=api.company_id, status="pending")
        waiting.update({"status": "failed", "last_error": "the test is over"})
        s.commit()


def today() -> date:
    return today_in("Europe/Madrid")


def days_ago(n: int) -> date:
    return today() - timedelta(days=n)


def issue_due(api: Api, due_on: date | None, **overrides: Any) -> dict[str, Any]:
    """An issued invoice of 386.73 to a client with an email, due on `due_on`."""
    body = invoice_body(**({"issue": True, "client": CLIENT} | overrides))
    if due_on is not None:
        body["due_on"] = due_on.isoformat()
    r = api.post("/v1/invoices", body)
    assert r.status_code == 201, r.text
    return r.json()  # type: ignore[no-any-return]


def status_of(api: Api, invoice: dict[str, Any]) -> str:
    return api.get(f"/v1/invoices/{invoice['id']}").json()["status"]  # type: ignore[no-any-return]


def listed(api: Api, **params: str) -> list[str]:
    r = api.get("/v1/invoices", params={"limit": "100", **params})
    assert r.status_code == 200, r.text
    return [i["id"] for i in r.json()["data"]]


def subscribe(runtime: Runtime, company_id: str, events: list[str]) -> None:
    """A webhook endpoint for `events`, stored directly: the API would resolve its host."""
    with runtime.db.write_session() as s:
        endpoint = WebhookEndpoint(
            company_id=company_id,
            url="https://hooks.ejemplo.es/t",
            events=events,
            secret="whsec_test",
            enabled=True,
        )
        s.add(endpoint)
        s.commit()


def events_of(runtime: Runtime, company_id: str, event_type: str) -> list[dict[str, Any]]:
    """The company's events of `event_type` in the webhook outbox, as their receivers get
    them."""
    with runtime.db.read_session() as s:
        rows = s.query(WebhookEvent).filter_by(company_id=company_id, type=event_type).all()
        return [json.loads(row.body) for row in rows]


def drain(job: Callable[[], int]) -> int:
    """Run a worker job until it has nothing left (other tests' rows may be due too)."""
    done = 0
    for _ in range(100):
        did = job()
        if did == 0:
            return done
        done += did
    raise AssertionError("the job never ran out of work")


def announce(runtime: Runtime, on: date | None = None) -> int:
    return drain(lambda: announce_overdue(runtime.db, runtime.settings, today=on))


def remind(runtime: Runtime, on: date) -> int:
    return drain(lambda: send_scheduled(runtime.db, runtime.settings, today=on))


def at_once(job: Callable[[], object], workers: int = 2) -> None:
    """`job` in `workers` threads started together (two worker processes' passes)."""
    start = threading.Barrier(workers)
    errors: list[BaseException] = []

    def run() -> None:
        try:
            start.wait()
            job()
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []


def enable_reminders(api: Api, days: list[int]) -> dict[str, Any]:
    r = api.patch("/v1/company", {"reminders": {"enabled": True, "days": days}})
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


def reminders_of(api: Api, invoice: dict[str, Any]) -> list[dict[str, Any]]:
    r = api.get(f"/v1/invoices/{invoice['id']}/reminders", params={"limit": "100"})
    assert r.status_code == 200, r.text
    return r.json()["data"]  # type: ignore[no-any-return]

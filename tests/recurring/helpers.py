"""What the recurring tests share: a template body, the worker's job on a given day, and a
company's invoices read straight from the database."""

import threading
from datetime import date
from typing import Any

from talonario.invoices.repository import InvoiceRepository, ListFilters
from talonario.models import Invoice
from talonario.recurring.jobs import issue_due
from talonario.runtime import Runtime
from tests.fixtures.factories import invoice_body


def template_body(start_on: date, **overrides: Any) -> dict[str, Any]:
    invoice = invoice_body()
    body = {
        "client": invoice["client"],
        "lines": invoice["lines"][:1],
        "interval": "monthly",
        "start_on": start_on.isoformat(),
        "issue": True,
    }
    return body | overrides


def run_job(runtime: Runtime, today: date) -> int:
    return issue_due(runtime.db, runtime.settings, today=today)


def run_two_workers(runtime: Runtime, today: date) -> None:
    """Two workers' passes at once over the same database, both on `today`."""
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            start.wait()
            run_job(runtime, today)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def invoices_of(runtime: Runtime, company_id: str) -> list[Invoice]:
    """The company's invoices, oldest first."""
    with runtime.db.read_session() as session:
        items, _ = InvoiceRepository(session, company_id).listed(ListFilters(), 100, None)
        return list(reversed(items))

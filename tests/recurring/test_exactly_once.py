"""The last lines of defence: a pass that dies half way makes nothing, and the run's UNIQUE
refuses an occurrence made twice even when the template's own state says otherwise."""

from datetime import date

import pytest

from talonario.invoices import service as invoices
from talonario.kit.clock import today_in
from talonario.recurring.repository import RecurringInvoiceRepository
from talonario.runtime import Runtime
from talonario.worker import run_once
from tests.conftest import Api
from tests.recurring.helpers import invoices_of, run_job, template_body

URL = "/v1/recurring-invoices"


def test_a_pass_that_dies_mid_occurrence_makes_it_later_once(
    api: Api, runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = api.post(URL, template_body(date(2025, 6, 1), count=2)).json()
    real = invoices.save_new

    def dies(*args: object, **kwargs: object) -> object:
        real(*args, **kwargs)  # type: ignore[arg-type]
        raise RuntimeError("killed after the invoice, before the commit")

    monkeypatch.setattr(invoices, "save_new", dies)
    with pytest.raises(RuntimeError):
        run_job(runtime, date(2025, 7, 2))
    assert invoices_of(runtime, api.company_id) == []
    monkeypatch.setattr(invoices, "save_new", real)
    run_job(runtime, date(2025, 7, 2))
    run_job(runtime, date(2025, 7, 2))
    assert len(invoices_of(runtime, api.company_id)) == 2
    got = api.get(f"{URL}/{made['id']}").json()
    assert got["status"] == "finished" and got["invoices_made"] == 2


def test_the_run_s_unique_refuses_an_occurrence_made_twice(api: Api, runtime: Runtime) -> None:
    made = api.post(URL, template_body(date(2025, 6, 1))).json()
    run_job(runtime, date(2025, 6, 1))
    with runtime.db.write_session() as session:  # a template put back by a bug, or by hand
        template = RecurringInvoiceRepository(session, api.company_id).get(made["id"])
        assert template is not None
        template.next_index, template.next_on, template.made = 0, date(2025, 6, 1), 0
        session.commit()
    run_job(runtime, date(2025, 6, 2))
    (invoice,) = invoices_of(runtime, api.company_id)
    assert invoice.issued_on == date(2025, 6, 1)


def test_the_worker_s_own_pass_makes_today_s_occurrence(api: Api, runtime: Runtime) -> None:
    today = today_in("Europe/Madrid")
    made = api.post(URL, template_body(today)).json()
    run_once(runtime.db, runtime.settings)  # every job of worker.JOBS, on the real clock
    (invoice,) = invoices_of(runtime, api.company_id)
    assert invoice.issued_on == today and invoice.operation_date is None
    assert api.get(f"{URL}/{made['id']}").json()["invoices_made"] == 1

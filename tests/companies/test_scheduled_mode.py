"""Leaving VERI*FACTU from 1 January (Orden HAC/1177/2024 art. 17): scheduled with
`effective_on`, announced to AEAT in the submissions meanwhile (FechaFinVeriFactu), made on the
day by the first record or by the worker, with its event 01."""

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from talonario.aeat_sandbox.models import SandboxSubmission
from talonario.aeat_sandbox.store import store_of
from talonario.models import Company, VerifactuEvent, VerifactuRemission
from talonario.records import mode, remission
from talonario.runtime import Runtime
from tests.companies.test_certificate import TestCa, representative, upload
from tests.conftest import Api
from tests.fixtures.factories import invoice_body

THIS_YEAR = datetime.now(UTC).year
NEXT_JANUARY = date(THIS_YEAR + 1, 1, 1)
# 00:30 UTC on 1 January is 01:30 in Madrid: the day has come there.
ON_THE_DAY = datetime(THIS_YEAR + 1, 1, 1, 0, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def ca() -> TestCa:
    return TestCa()


def with_certificate(api: Api, ca: TestCa) -> None:
    nif = api.get("/v1/company").json()["nif"]
    assert upload(api, ca.issue(representative(nif))).status_code == 200


def patch_mode(api: Api, **verifactu: Any) -> Any:
    return api.patch("/v1/company", {"verifactu": verifactu})


def schedule(api: Api, ca: TestCa) -> dict[str, Any]:
    """A company that has operated as VERI*FACTU this year, leaving it next 1 January."""
    with_certificate(api, ca)
    assert api.post("/v1/invoices", invoice_body(issue=True)).status_code == 201
    r = patch_mode(api, mode="no_verifactu", effective_on=NEXT_JANUARY.isoformat())
    assert r.status_code == 200, r.text
    return r.json()["verifactu"]  # type: ignore[no-any-return]


def sent_end_dates(runtime: Runtime, nif: str) -> list[str | None]:
    """FechaFinVeriFactu of each submission the sandbox received from `nif`, in order."""
    with store_of(runtime.db).read_session() as session:
        requests = session.scalars(
            select(SandboxSubmission.request_xml)
            .where(SandboxSubmission.nif == nif)
            .order_by(SandboxSubmission.received_at)
        ).all()
    found = []
    for xml in requests:
        start = xml.find("<sf:FechaFinVeriFactu>")
        found.append(None if start < 0 else xml[start + 22 : start + 32])
    return found


def event_notes(runtime: Runtime, company_id: str) -> list[tuple[str, str | None]]:
    with runtime.db.read_session() as session:
        rows = session.execute(
            select(VerifactuEvent.event_type, VerifactuEvent.summary)
            .where(VerifactuEvent.company_id == company_id)
            .order_by(VerifactuEvent.sequence)
        )
        return [(kind, note) for kind, note in rows]


def test_a_verifactu_company_schedules_leaving_it_on_1_january(api: Api, ca: TestCa) -> None:
    shown = schedule(api, ca)
    assert shown["mode"] == "verifactu"  # art. 17: VERI*FACTU until 31 December
    assert shown["next_mode"] == "no_verifactu"
    assert shown["next_mode_on"] == NEXT_JANUARY.isoformat()
    assert shown["next_mode_reported_at"] is None
    # Issuing goes on as VERI*FACTU meanwhile: the record is due for AEAT, unsigned.
    r = api.post("/v1/invoices", invoice_body(issue=True))
    assert r.json()["verifactu"]["status"] == "pending"
    # The same schedule again changes nothing; `mode: verifactu` drops it.
    again = patch_mode(api, mode="no_verifactu", effective_on=NEXT_JANUARY.isoformat())
    assert again.json()["verifactu"]["next_mode_on"] == NEXT_JANUARY.isoformat()
    dropped = patch_mode(api, mode="verifactu").json()["verifactu"]
    assert (dropped["mode"], dropped["next_mode"], dropped["next_mode_on"]) == (
        "verifactu",
        None,
        None,
    )


@pytest.mark.parametrize(
    ("body", "param"),
    [
        ({"mode": "no_verifactu", "effective_on": f"{THIS_YEAR + 1}-02-01"}, "effective_on"),
        ({"mode": "no_verifactu", "effective_on": f"{THIS_YEAR + 2}-01-01"}, "effective_on"),
        ({"mode": "no_verifactu", "effective_on": f"{THIS_YEAR - 1}-01-01"}, "effective_on"),
        ({"mode": "verifactu", "effective_on": NEXT_JANUARY.isoformat()}, "effective_on"),
        ({"effective_on": NEXT_JANUARY.isoformat()}, "mode"),
        ({"mode": "no_verifactu", "effective_on": "tomorrow"}, "effective_on"),
    ],
)
def test_a_schedule_other_than_next_1_january_is_422_naming_the_field(
    api: Api, ca: TestCa, body: dict[str, Any], param: str
) -> None:
    with_certificate(api, ca)
    r = patch_mode(api, **body)
    assert r.status_code == 422, r.text
    assert r.json()["error"]["param"] == f"verifactu.{param}"
    assert api.get("/v1/company").json()["verifactu"]["next_mode"] is None


def test_a_schedule_needs_the_certificate_that_will_sign_its_event(api: Api) -> None:
    r = patch_mode(api, mode="no_verifactu", effective_on=NEXT_JANUARY.isoformat())
    assert r.status_code == 422, r.text
    assert r.json()["error"]["code"] == "certificate_required"


def test_the_refusal_of_leaving_now_says_how_to_schedule_it(api: Api) -> None:
    assert api.post("/v1/invoices", invoice_body(issue=True)).status_code == 201
    refused = patch_mode(api, mode="no_verifactu")
    assert refused.json()["error"]["code"] == "verifactu_until_year_end"
    assert f"effective_on = {THIS_YEAR + 1}-01-01" in refused.json()["error"]["message"]


def test_submissions_announce_the_renounce_until_aeat_has_answered_one(
    api: Api, ca: TestCa, runtime: Runtime
) -> None:
    schedule(api, ca)
    nif = api.get("/v1/company").json()["nif"]
    first = remission.remit(runtime.db, runtime.settings, api.company_id)
    assert first is not None and first.aeat_status == "Correcto", first
    reported = api.get("/v1/company").json()["verifactu"]["next_mode_reported_at"]
    assert reported is not None

    assert api.post("/v1/invoices", invoice_body(issue=True)).status_code == 201
    with runtime.db.write_session() as session:  # AEAT's wait before the next submission
        session.execute(
            VerifactuRemission.__table__.update()
            .where(VerifactuRemission.company_id == api.company_id)
            .values(next_allowed_at=None, aeat_wait_until=None)
        )
        session.commit()
    second = remission.remit(runtime.db, runtime.settings, api.company_id)
    assert second is not None and second.aeat_status == "Correcto", second
    assert sent_end_dates(runtime, nif) == [f"31-12-{THIS_YEAR}", None]


def test_on_the_day_the_first_record_switches_the_company_and_is_signed_and_kept(
    api: Api, ca: TestCa, runtime: Runtime
) -> None:
    schedule(api, ca)
    with runtime.db.write_session() as session:
        company = session.get(Company, api.company_id)
        assert company is not None
        # The day before, nothing changes.
        eve = ON_THE_DAY - timedelta(days=1)
        assert mode.current_mode(session, runtime.settings, company, eve) == "verifactu"
        session.rollback()
    with runtime.db.write_session() as session:
        company = session.get(Company, api.company_id)
        assert company is not None
        assert mode.current_mode(session, runtime.settings, company, ON_THE_DAY) == "no_verifactu"
        session.commit()
    shown = api.get("/v1/company").json()["verifactu"]
    assert shown["mode"] == "no_verifactu" and shown["next_mode"] is None
    assert shown["mode_since"].startswith(f"{THIS_YEAR + 1}-01-01T00:30")
    notes = event_notes(runtime, api.company_id)
    assert [kind for kind, _ in notes] == ["01"]
    assert f"scheduled for {NEXT_JANUARY.isoformat()}" in (notes[0][1] or "")
    # The next invoice is a NO VERI*FACTU record: signed and kept.
    r = api.post("/v1/invoices", invoice_body(issue=True))
    assert r.status_code == 201, r.text
    assert r.json()["verifactu"]["status"] == "kept"


def test_the_worker_makes_the_switch_due_even_when_nothing_is_issued(
    api: Api, ca: TestCa, runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    schedule(api, ca)
    assert mode.switch_due(runtime.db, runtime.settings) == 0  # not yet
    monkeypatch.setattr(mode, "utcnow", lambda: ON_THE_DAY)
    assert mode.switch_due(runtime.db, runtime.settings) >= 1
    assert mode.switch_due(runtime.db, runtime.settings) == 0  # made once
    assert api.get("/v1/company").json()["verifactu"]["mode"] == "no_verifactu"
    assert [kind for kind, _ in event_notes(runtime, api.company_id)] == ["01"]


def test_a_mode_read_before_a_switch_is_not_the_one_records_are_made_in(
    api: Api, ca: TestCa, runtime: Runtime
) -> None:
    """A company loaded before the switch (a request's read phase) still gets its records made
    in the mode stored when they are chained."""
    with_certificate(api, ca)
    with runtime.db.read_session() as session:
        stale = session.get(Company, api.company_id)
        assert stale is not None
        session.expunge(stale)
    assert patch_mode(api, mode="no_verifactu").status_code == 200
    assert stale.verifactu_mode == "verifactu"
    with runtime.db.write_session() as session:
        assert mode.current_mode(session, runtime.settings, stale) == "no_verifactu"
        session.rollback()
    assert stale.verifactu_mode == "verifactu"  # a read phase's copy is left as it was

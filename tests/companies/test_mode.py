"""A company's VERI*FACTU mode: shown, switched with PATCH, and kept VERI*FACTU until 31
December once it has operated as VERI*FACTU that year (Orden HAC/1177/2024 art. 17)."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from talonario.companies import mode
from talonario.models import Company, VerifactuEvent
from talonario.runtime import Runtime
from tests.companies.test_certificate import TestCa, representative, upload
from tests.conftest import Api
from tests.fixtures.factories import invoice_body


@pytest.fixture(scope="module")
def ca() -> TestCa:
    return TestCa()


def with_certificate(api: Api, ca: TestCa) -> None:
    nif = api.get("/v1/company").json()["nif"]
    assert upload(api, ca.issue(representative(nif))).status_code == 200


def events(runtime: Runtime, company_id: str) -> list[tuple[str, str | None]]:
    with runtime.db.read_session() as session:
        rows = session.scalars(
            select(VerifactuEvent)
            .where(VerifactuEvent.company_id == company_id)
            .order_by(VerifactuEvent.sequence)
        )
        return [(row.event_type, row.previous_huella) for row in rows]


def set_mode(api: Api, value: str) -> object:
    return api.patch("/v1/company", {"verifactu": {"mode": value}})


def test_a_new_company_is_verifactu_and_may_start_as_no_verifactu(
    api: Api, ca: TestCa, runtime: Runtime
) -> None:
    company = api.get("/v1/company").json()
    assert company["verifactu"]["mode"] == "verifactu"
    assert company["verifactu"]["mode_since"] is None

    with_certificate(api, ca)
    r = set_mode(api, "no_verifactu")
    assert r.status_code == 200, r.text
    assert r.json()["verifactu"]["mode"] == "no_verifactu"
    assert r.json()["verifactu"]["mode_since"] is not None
    assert r.json()["verifactu"]["environment"] == "sandbox"  # untouched
    assert api.get("/v1/company").json()["verifactu"]["mode"] == "no_verifactu"

    back = set_mode(api, "verifactu")  # starting VERI*FACTU is free at any moment
    assert back.status_code == 200, back.text
    assert back.json()["verifactu"]["mode"] == "verifactu"
    # Each switch is a signed event of the company's event chain: 01 start, 02 end.
    logged = events(runtime, api.company_id)
    assert [kind for kind, _ in logged] == ["01", "02"]
    assert logged[0][1] is None and logged[1][1] is not None


def test_a_switch_needs_a_certificate_to_sign_its_event(api: Api, runtime: Runtime) -> None:
    r = set_mode(api, "no_verifactu")
    assert r.status_code == 422, r.text
    assert r.json()["error"]["code"] == "certificate_required"
    assert api.get("/v1/company").json()["verifactu"]["mode"] == "verifactu"
    assert events(runtime, api.company_id) == []


def test_leaving_verifactu_after_operating_as_it_this_year_is_422_citing_article_17(
    api: Api,
) -> None:
    r = api.post("/v1/invoices", invoice_body(issue=True))
    assert r.status_code == 201, r.text

    refused = set_mode(api, "no_verifactu")
    assert refused.status_code == 422, refused.text
    error = refused.json()["error"]
    assert error["code"] == "verifactu_until_year_end"
    assert error["param"] == "verifactu.mode"
    assert "art. 17" in error["message"] and "Orden HAC/1177/2024" in error["message"]
    year = datetime.now(UTC).year
    assert f"31-12-{year}" in error["message"]
    assert api.get("/v1/company").json()["verifactu"]["mode"] == "verifactu"


def test_the_same_mode_again_changes_nothing(api: Api) -> None:
    r = set_mode(api, "verifactu")
    assert r.status_code == 200
    assert r.json()["verifactu"]["mode_since"] is None


def test_an_unknown_mode_or_null_is_422(api: Api) -> None:
    assert set_mode(api, "hybrid").status_code == 422
    assert api.patch("/v1/company", {"verifactu": {"mode": None}}).status_code == 422


def test_last_years_verifactu_records_do_not_hold_the_company_this_year(
    api: Api, runtime: Runtime, ca: TestCa
) -> None:
    with_certificate(api, ca)
    assert api.post("/v1/invoices", invoice_body(issue=True)).status_code == 201
    next_year = datetime(datetime.now(UTC).year + 1, 1, 1, 0, 30, tzinfo=UTC)
    with runtime.db.write_session() as session:
        company = session.get(Company, api.company_id)
        assert company is not None
        with pytest.raises(mode.VerifactuUntilYearEnd):
            mode.change_mode(
                session, runtime.settings, company, "no_verifactu", now=datetime.now(UTC)
            )
        # 00:30 UTC on 1 January is 01:30 in Madrid: the new year has begun there.
        switched = mode.change_mode(
            session, runtime.settings, company, "no_verifactu", now=next_year
        )
        assert switched is True
        assert company.verifactu_mode == "no_verifactu"
        session.rollback()

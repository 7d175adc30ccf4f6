"""A company's VERI*FACTU mode: shown, switched with PATCH, and kept VERI*FACTU until 31
December once it has operated as VERI*FACTU that year (Orden HAC/1177/2024 art. 17)."""

from datetime import UTC, datetime

import pytest

from talonario.companies import mode
from talonario.models import Company
from talonario.runtime import Runtime
from tests.conftest import Api
from tests.fixtures.factories import invoice_body


def set_mode(api: Api, value: str) -> object:
    return api.patch("/v1/company", {"verifactu": {"mode": value}})


def test_a_new_company_is_verifactu_and_may_start_as_no_verifactu(api: Api) -> None:
    company = api.get("/v1/company").json()
    assert company["verifactu"]["mode"] == "verifactu"
    assert company["verifactu"]["mode_since"] is None

    r = set_mode(api, "no_verifactu")
    assert r.status_code == 200, r.text
    assert r.json()["verifactu"]["mode"] == "no_verifactu"
    assert r.json()["verifactu"]["mode_since"] is not None
    assert r.json()["verifactu"]["environment"] == "sandbox"  # untouched
    assert api.get("/v1/company").json()["verifactu"]["mode"] == "no_verifactu"

    back = set_mode(api, "verifactu")  # starting VERI*FACTU is free at any moment
    assert back.status_code == 200, back.text
    assert back.json()["verifactu"]["mode"] == "verifactu"


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
    api: Api, runtime: Runtime
) -> None:
    assert api.post("/v1/invoices", invoice_body(issue=True)).status_code == 201
    next_year = datetime(datetime.now(UTC).year + 1, 1, 1, 0, 30, tzinfo=UTC)
    with runtime.db.write_session() as session:
        company = session.get(Company, api.company_id)
        assert company is not None
        with pytest.raises(mode.VerifactuUntilYearEnd):
            mode.change_mode(session, company, "no_verifactu", now=datetime.now(UTC))
        # 00:30 UTC on 1 January is 01:30 in Madrid: the new year has begun there.
        assert mode.change_mode(session, company, "no_verifactu", now=next_year) is True
        assert company.verifactu_mode == "no_verifactu"
        session.rollback()

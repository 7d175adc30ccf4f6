"""GET /v1/tax-ids/check through a real server: the census and VIES answers a user sees, the
day they are kept, and what a register's failure looks like."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

from talonario.config import Settings
from talonario.kit.clock import utcnow
from talonario.main import create_app
from talonario.models import TaxIdCheck
from talonario.runtime import Runtime
from tests.conftest import Api, make_settings
from tests.fixtures.factories import create_company
from tests.fixtures.servers import Server
from tests.taxids.conftest import Company

pytestmark = pytest.mark.xdist_group("servers")


@contextmanager
def serving(settings: Settings) -> Iterator[TestClient]:
    """The API of a server with these settings, in process."""
    runtime = Runtime.from_settings(settings)
    try:
        with TestClient(create_app(settings, runtime)) as client:
            yield client
    finally:
        runtime.close()


def test_a_nif_in_the_census_is_identified_under_the_name_asked(company: Company) -> None:
    r = company.check(nif="b65410011", name="Cliente  Ejemplo SL")

    assert r.status_code == 200, r.text
    answer = r.json()
    assert answer | {"checked_at": None} == {
        "object": "tax_id_check",
        "nif": "B65410011",
        "country": None,
        "id": None,
        "name": "Cliente  Ejemplo SL",
        "result": "identified",
        "aeat_name": "CLIENTE EJEMPLO SL",
        "source": "aeat_census",
        "checked_at": None,
        "cached": False,
    }
    assert datetime.fromisoformat(answer["checked_at"]).tzinfo is not None


@pytest.mark.parametrize(
    ("nif", "result", "aeat_name"),
    [
        ("00000001R", "not_identified", None),
        ("00000002W", "not_identified_similar", "ESPAÑOL ESPAÑOL JUAN"),
        ("00000003A", "identified_deregistered", "GARCIA PEREZ ANA"),
        ("00000004G", "identified_revoked", "GARCIA PEREZ ANA"),
    ],
)
def test_the_sandbox_s_magic_nifs_answer_as_documented(
    company: Company, nif: str, result: str, aeat_name: str | None
) -> None:
    r = company.check(nif=nif, name="Garcia Perez Ana")
    assert r.status_code == 200, r.text
    assert (r.json()["result"], r.json()["aeat_name"]) == (result, aeat_name)


def test_the_similar_nif_is_identified_under_the_census_name(company: Company) -> None:
    r = company.check(nif="00000002W", name="Español Español Juan")
    assert r.json()["result"] == "identified", r.text


def test_aeat_not_processing_the_question_is_a_503_and_is_not_kept(company: Company) -> None:
    for _ in range(2):  # asked again: nothing was kept, AEAT is asked again
        r = company.check(nif="00000005M", name="Garcia Perez Ana")
        assert r.status_code == 503, r.text
        error = r.json()["error"]
        assert error["code"] == "census_unavailable" and "NO PROCESADO" in error["message"]


def test_the_same_question_within_a_day_is_answered_without_asking_again(
    company: Company,
) -> None:
    first = company.check(nif="B65410011", name="Cliente Ejemplo SL").json()
    company.switch("census_unavailable", count=5)  # the census stops answering this company

    again = company.check(nif="B65410011", name="  cliente ejemplo   sl ")
    assert again.status_code == 200, again.text
    assert again.json()["cached"] is True
    assert again.json()["checked_at"] == first["checked_at"]
    assert again.json()["result"] == "identified"
    assert again.json()["name"] == "  cliente ejemplo   sl "  # the name as asked this time

    # Another question (another name) is not that answer: the census is asked, and fails.
    other_name = company.check(nif="B65410011", name="Otro Nombre SL")
    assert other_name.status_code == 503, other_name.text
    assert other_name.json()["error"]["code"] == "census_unavailable"
    new = company.check(nif="A58818501")
    assert new.status_code == 503 and new.json()["error"]["type"] == "api_error"


def test_after_a_day_the_question_is_asked_again(company: Company, runtime: Runtime) -> None:
    first = company.check(nif="G28000008", name="Asociación de Pruebas").json()
    with runtime.db.write_session() as session:  # the answer is now 25 hours old
        session.execute(
            update(TaxIdCheck)
            .where(TaxIdCheck.tax_id == "G28000008")
            .values(checked_at=utcnow() - timedelta(hours=25))
        )
        session.commit()

    again = company.check(nif="G28000008", name="Asociación de Pruebas").json()
    assert again["cached"] is False
    assert datetime.fromisoformat(again["checked_at"]) > datetime.fromisoformat(first["checked_at"])
    assert company.check(nif="G28000008", name="Asociación de Pruebas").json()["cached"] is True


def test_a_failed_check_keeps_nothing_so_the_next_one_asks_again(company: Company) -> None:
    company.switch("census_unavailable")
    failed = company.check(nif="A58818501", name="Empresa Prueba SA")
    assert failed.status_code == 503, failed.text

    answered = company.check(nif="A58818501", name="Empresa Prueba SA")
    assert answered.status_code == 200, answered.text
    assert answered.json()["cached"] is False


def test_a_company_s_fault_switch_fails_only_its_own_checks(
    company: Company, other: Company
) -> None:
    company.switch("census_unavailable", count=3)
    assert other.check(nif="A58818501").status_code == 200
    assert company.check(nif="A58818501").status_code == 503


def test_the_operator_s_switch_fails_every_company_s_check(
    company: Company, other: Company, operator: httpx.Client
) -> None:
    r = operator.post("/control/faults", json={"kind": "census_unavailable", "count": 2})
    assert r.status_code == 201, r.text
    assert company.check(nif="A58818501").status_code == 503
    assert other.check(nif="A58818501").status_code == 503
    assert other.check(nif="A58818501").status_code == 200  # the switch was for two requests


def test_answers_are_kept_per_company(company: Company, other: Company) -> None:
    assert company.check(nif="Q2826000H").json()["cached"] is False
    assert other.check(nif="Q2826000H").json()["cached"] is False
    assert other.check(nif="Q2826000H").json()["cached"] is True


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ({"nif": "B65410012"}, "nif"),  # wrong check digit
        ({"nif": "B6541"}, "nif"),  # too short
        ({"nif": "B65410011", "id": "DE100000032"}, "id"),  # both kinds at once
        ({"name": "Alguien"}, "nif"),  # nothing to check
        ({"country": "DE", "id": "100000033"}, "id"),  # wrong check digit
        ({"id": "ESB65410011"}, "id"),  # a Spanish VAT number is a NIF
        ({"country": "FR", "id": "DE100000032"}, "id"),  # FR + a German number
        ({"country": "US", "id": "123456789"}, "country"),  # no EU VAT country
        ({"country": "AT", "id": "DE100000032"}, "id"),
    ],
)
def test_bad_questions_are_a_422_naming_the_field(
    company: Company, query: dict[str, str], param: str
) -> None:
    r = company.check(**query)
    assert r.status_code == 422, r.text
    assert r.json()["error"]["param"] == param


def test_an_eu_vat_number_is_checked_with_vies(company: Company) -> None:
    r = company.check(country="de", id="100 000 032", name="Kunde GmbH")

    assert r.status_code == 200, r.text
    answer = r.json()
    assert answer["source"] == "vies" and answer["result"] == "identified"
    assert (answer["country"], answer["id"], answer["nif"]) == ("DE", "DE100000032", None)
    assert answer["name"] == "Kunde GmbH" and answer["aeat_name"] == "EMPRESA DE PRUEBAS VIES"
    # The same number with its prefix and no country is the same question.
    assert company.check(id="DE100000032", name="KUNDE GMBH").json()["cached"] is True


@pytest.mark.parametrize(
    ("query", "result", "aeat_name"),
    [
        ({"id": "DE100000008"}, "not_identified", None),
        ({"id": "DE100000024"}, "identified", None),  # its member state shares no name
        ({"country": "GR", "id": "094259216"}, "identified", "EMPRESA DE PRUEBAS VIES"),
        ({"country": "EL", "id": "094259216"}, "identified", "EMPRESA DE PRUEBAS VIES"),
        ({"country": "XI", "id": "123456782"}, "identified", "EMPRESA DE PRUEBAS VIES"),
    ],
)
def test_vies_answers(
    company: Company, query: dict[str, str], result: str, aeat_name: str | None
) -> None:
    r = company.check(**query)
    assert r.status_code == 200, r.text
    assert (r.json()["result"], r.json()["aeat_name"]) == (result, aeat_name)
    if query.get("country") in ("GR", "EL"):
        assert (r.json()["country"], r.json()["id"]) == ("EL", "EL094259216")


def test_vies_failing_is_a_503_vies_unavailable(company: Company) -> None:
    unavailable = company.check(id="DE100000016")  # its member state does not answer
    assert unavailable.status_code == 503, unavailable.text
    assert unavailable.json()["error"]["code"] == "vies_unavailable"

    company.switch("vies_unavailable")
    switched = company.check(id="DE100000032")
    assert switched.status_code == 503 and "MS_UNAVAILABLE" in switched.json()["error"]["message"]
    assert company.check(id="DE100000032").json()["cached"] is False


def test_checking_needs_the_clients_read_scope(company: Company) -> None:
    made = company.http.post("/v1/api-keys", json={"scopes": ["invoices:read"]})
    assert made.status_code == 201, made.text
    headers = {"Authorization": f"Bearer {made.json()['secret']}"}
    r = company.http.get("/v1/tax-ids/check", params={"nif": "B65410011"}, headers=headers)
    assert r.status_code == 403 and r.json()["error"]["code"] == "insufficient_scope"


def test_a_server_without_the_sandbox_refuses_a_sandbox_company_s_check(
    database_url: str, runtime: Runtime
) -> None:
    _, key = create_company(runtime.db)
    with serving(make_settings(database_url, sandbox="off")) as client:
        r = client.get(
            "/v1/tax-ids/check",
            params={"nif": "B65410011"},
            headers={"Authorization": f"Bearer {key}"},
        )
    assert r.status_code == 409, r.text
    error = r.json()["error"]
    assert error["code"] == "tax_id_check_refused"
    assert (
        "TALONARIO_SANDBOX" in error["message"] and "TALONARIO_AEAT_SANDBOX_URL" in error["message"]
    )


def test_with_aeat_sandbox_url_the_check_goes_to_that_sandbox_over_http(
    database_url: str, runtime: Runtime, server: Server
) -> None:
    """A server without the sandbox asks the one at TALONARIO_AEAT_SANDBOX_URL (here, the real
    server's), naming its company there: that company's switches hit it."""
    settings = make_settings(
        database_url,
        sandbox="off",
        aeat_sandbox_url=server.url + "/aeat-sandbox/VerifactuSOAP",
    )
    _, key = create_company(runtime.db)
    headers = {"Authorization": f"Bearer {key}"}
    with serving(settings) as client:
        r = client.get("/v1/tax-ids/check", params={"nif": "00000003A"}, headers=headers)
        assert r.status_code == 200, r.text
        assert r.json()["result"] == "identified_deregistered"
        switched = httpx.post(
            server.url + "/aeat-sandbox/control/faults",
            json={"kind": "census_unavailable"},
            headers=headers,
        )
        assert switched.status_code == 201, switched.text
        r = client.get("/v1/tax-ids/check", params={"nif": "00000004G"}, headers=headers)
    assert r.status_code == 503 and r.json()["error"]["code"] == "census_unavailable"


def test_a_preproduction_company_without_a_certificate_cannot_ask_the_census(api: Api) -> None:
    r = api.patch("/v1/company", {"verifactu": {"environment": "preproduction"}})
    assert r.status_code == 200, r.text
    r = api.get("/v1/tax-ids/check", params={"nif": "B65410011"})
    assert r.status_code == 409, r.text
    assert r.json()["error"]["code"] == "tax_id_check_refused"
    assert "certificate" in r.json()["error"]["message"]

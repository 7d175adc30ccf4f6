"""Clients through the HTTP API: tax ids as AEAT wants them, lists, changes, tenancy."""

from typing import Any

import pytest
from sqlalchemy import func, select

from talonario.models import Client
from talonario.runtime import Runtime
from tests.conftest import Api
from tests.fixtures.factories import invoice_body


def count_clients(runtime: Runtime, company_id: str) -> int:
    with runtime.db.read_session() as s:
        return s.scalar(select(func.count()).where(Client.company_id == company_id)) or 0


def create_client(api: Api, **fields: Any) -> dict[str, Any]:
    body = {"name": "Cliente SL"} | fields
    r = api.post("/v1/clients", body)
    assert r.status_code == 201, r.text
    return r.json()  # type: ignore[no-any-return]


def assert_refused(r: Any, param_prefix: str) -> None:
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert error["type"] == "invalid_request_error"
    assert error["param"] is not None and error["param"].startswith(param_prefix), error


# --- identification ------------------------------------------------------------------------------


def test_spanish_nif_is_stored_in_upper_case(api: Api) -> None:
    client = create_client(api, name="Acme SL", nif=" b12345674 ", email="a@acme.es")
    assert client["object"] == "client"
    assert client["nif"] == "B12345674"
    assert client["foreign_id"] is None
    again = api.get(f"/v1/clients/{client['id']}")
    assert again.status_code == 200
    assert again.json()["nif"] == "B12345674"
    assert again.json()["name"] == "Acme SL"


def test_nif_with_a_bad_check_character_is_refused_and_nothing_is_written(
    api: Api, runtime: Runtime
) -> None:
    r = api.post("/v1/clients", {"name": "Mal SL", "nif": "B12345675"})
    assert_refused(r, "nif")
    assert r.json()["error"]["param"] == "nif"
    assert api.get("/v1/clients").json()["data"] == []
    assert count_clients(runtime, api.company_id) == 0


def test_eu_vat_number_is_accepted_with_its_country(api: Api) -> None:
    client = create_client(
        api, name="GmbH", foreign_id={"id_type": "02", "id": "de136695976", "country": "DE"}
    )
    assert client["nif"] is None
    assert client["foreign_id"] == {"country": "DE", "id_type": "02", "id": "DE136695976"}


def test_eu_vat_number_without_country_is_accepted(api: Api) -> None:
    client = create_client(api, name="SARL", foreign_id={"id_type": "02", "id": "FR40303265045"})
    assert client["foreign_id"]["id"] == "FR40303265045"


def test_eu_vat_number_with_a_bad_checksum_is_refused(api: Api, runtime: Runtime) -> None:
    r = api.post(
        "/v1/clients", {"name": "GmbH", "foreign_id": {"id_type": "02", "id": "DE136695977"}}
    )
    assert_refused(r, "foreign_id")
    assert count_clients(runtime, api.company_id) == 0


def test_eu_vat_number_whose_prefix_differs_from_the_country_is_refused(
    api: Api, runtime: Runtime
) -> None:
    r = api.post(
        "/v1/clients",
        {
            "name": "GmbH",
            "foreign_id": {"id_type": "02", "id": "DE136695976", "country": "FR"},
        },
    )
    assert_refused(r, "foreign_id")
    assert count_clients(runtime, api.company_id) == 0


@pytest.mark.parametrize("id_type", ["03", "04", "05", "06"])
def test_foreign_document_without_country_is_refused(
    api: Api, runtime: Runtime, id_type: str
) -> None:
    r = api.post("/v1/clients", {"name": "John", "foreign_id": {"id_type": id_type, "id": "X99"}})
    assert_refused(r, "foreign_id")
    assert count_clients(runtime, api.company_id) == 0


def test_passport_with_a_country_is_accepted(api: Api) -> None:
    client = create_client(
        api, name="John Smith", foreign_id={"id_type": "03", "id": "P1234567", "country": "us"}
    )
    assert client["foreign_id"] == {"country": "US", "id_type": "03", "id": "P1234567"}


@pytest.mark.parametrize(
    "foreign_id",
    [
        {"id_type": "04", "id": "X99", "country": "ES"},
        {"id_type": "05", "id": "X99", "country": "ES"},
        {"id_type": "06", "id": "X99", "country": "ES"},
        # A Spanish VAT number is a NIF: as IDOtro, country ES only takes 03 or 07 (AEAT 1126).
        {"id_type": "02", "id": "ESB12345674", "country": "ES"},
        {"id_type": "02", "id": "ESB12345674"},
    ],
    ids=["04", "05", "06", "02-explicit-ES", "02-ES-prefix"],
)
def test_spain_as_foreign_country_only_with_passport_or_not_registered(
    api: Api, runtime: Runtime, foreign_id: dict[str, str]
) -> None:
    r = api.post("/v1/clients", {"name": "Vecino", "foreign_id": foreign_id})
    assert_refused(r, "foreign_id")
    assert count_clients(runtime, api.company_id) == 0


def test_spain_as_foreign_country_with_passport_or_not_registered_is_accepted(api: Api) -> None:
    passport = create_client(
        api, name="Pasaporte", foreign_id={"id_type": "03", "id": "PAB123", "country": "ES"}
    )
    assert passport["foreign_id"]["country"] == "ES"
    no_censado = create_client(
        api, name="No censado", foreign_id={"id_type": "07", "id": "12345678z", "country": "ES"}
    )
    assert no_censado["foreign_id"] == {"country": "ES", "id_type": "07", "id": "12345678Z"}


def test_both_nif_and_foreign_id_is_refused(api: Api, runtime: Runtime) -> None:
    r = api.post(
        "/v1/clients",
        {
            "name": "Doble",
            "nif": "B12345674",
            "foreign_id": {"id_type": "02", "id": "DE136695976"},
        },
    )
    assert r.status_code == 422, r.text
    assert r.json()["error"]["type"] == "invalid_request_error"
    assert count_clients(runtime, api.company_id) == 0


def test_patch_adding_a_foreign_id_to_a_client_with_nif_replaces_it(api: Api) -> None:
    client = create_client(api, nif="B12345674")
    r = api.patch(
        f"/v1/clients/{client['id']}", {"foreign_id": {"id_type": "02", "id": "DE136695976"}}
    )
    assert r.status_code == 200, r.text
    assert r.json()["nif"] is None
    assert r.json()["foreign_id"]["id"] == "DE136695976"


def test_patch_with_both_nif_and_foreign_id_is_refused(api: Api) -> None:
    client = create_client(api, nif="B12345674")
    r = api.patch(
        f"/v1/clients/{client['id']}",
        {"nif": "A58818501", "foreign_id": {"id_type": "02", "id": "DE136695976"}},
    )
    assert r.status_code == 422, r.text
    assert api.get(f"/v1/clients/{client['id']}").json()["nif"] == "B12345674"


# --- lists ---------------------------------------------------------------------------------------


def test_list_filters_by_nif_in_any_case(api: Api) -> None:
    wanted = create_client(api, name="A", nif="B12345674")
    create_client(api, name="B", nif="A58818501")
    create_client(api, name="C")
    r = api.get("/v1/clients", params={"nif": "b12345674"})
    assert r.status_code == 200
    assert [c["id"] for c in r.json()["data"]] == [wanted["id"]]


def test_list_filters_by_external_id(api: Api) -> None:
    create_client(api, name="A", external_id="erp-1")
    wanted = create_client(api, name="B", external_id="erp-2")
    r = api.get("/v1/clients", params={"external_id": "erp-2"})
    assert r.json()["object"] == "list"
    assert [c["id"] for c in r.json()["data"]] == [wanted["id"]]
    assert api.get("/v1/clients", params={"external_id": "erp-3"}).json()["data"] == []


def test_list_pages_newest_first_with_a_cursor(api: Api) -> None:
    ids = [create_client(api, name=f"C{i}")["id"] for i in range(5)]
    newest_first = ids[::-1]

    first = api.get("/v1/clients", params={"limit": 2}).json()
    assert [c["id"] for c in first["data"]] == newest_first[:2]
    assert first["has_more"] is True

    second = api.get(
        "/v1/clients", params={"limit": 2, "starting_after": first["data"][-1]["id"]}
    ).json()
    assert [c["id"] for c in second["data"]] == newest_first[2:4]
    assert second["has_more"] is True

    last = api.get(
        "/v1/clients", params={"limit": 2, "starting_after": second["data"][-1]["id"]}
    ).json()
    assert [c["id"] for c in last["data"]] == newest_first[4:]
    assert last["has_more"] is False


def test_list_limit_above_100_is_refused(api: Api) -> None:
    r = api.get("/v1/clients", params={"limit": 101})
    assert r.status_code == 422
    assert r.json()["error"]["param"] == "limit"


# --- changes -------------------------------------------------------------------------------------


def test_patch_changes_only_the_given_fields(api: Api) -> None:
    client = create_client(api, name="Viejo SL", nif="B12345674", email="old@x.es")
    r = api.patch(
        f"/v1/clients/{client['id']}",
        {"name": "Nuevo SL", "address": {"city": "Madrid", "postal_code": "28001"}},
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["name"] == "Nuevo SL"
    assert body["nif"] == "B12345674"
    assert body["email"] == "old@x.es"
    assert body["address"]["city"] == "Madrid"
    assert body["address"]["country"] == "ES"
    assert api.get(f"/v1/clients/{client['id']}").json()["name"] == "Nuevo SL"


def test_patch_with_a_bad_nif_is_refused_and_keeps_the_client(api: Api) -> None:
    client = create_client(api, nif="B12345674")
    r = api.patch(f"/v1/clients/{client['id']}", {"nif": "12345678A"})
    assert_refused(r, "nif")
    assert api.get(f"/v1/clients/{client['id']}").json()["nif"] == "B12345674"


def test_duplicate_external_id_is_a_conflict(api: Api, runtime: Runtime) -> None:
    create_client(api, name="A", external_id="erp-7")
    r = api.post("/v1/clients", {"name": "B", "external_id": "erp-7"})
    assert r.status_code == 409, r.text
    assert r.json()["error"]["type"] == "conflict_error"
    assert r.json()["error"]["param"] == "external_id"
    assert count_clients(runtime, api.company_id) == 1


def test_patch_to_another_clients_external_id_is_a_conflict(api: Api) -> None:
    create_client(api, name="A", external_id="erp-1")
    other = create_client(api, name="B", external_id="erp-2")
    r = api.patch(f"/v1/clients/{other['id']}", {"external_id": "erp-1"})
    assert r.status_code == 409
    assert r.json()["error"]["type"] == "conflict_error"
    assert api.get(f"/v1/clients/{other['id']}").json()["external_id"] == "erp-2"


def test_two_companies_may_use_the_same_external_id(api: Api, other_api: Api) -> None:
    create_client(api, external_id="shared-1")
    create_client(other_api, external_id="shared-1")


def test_unused_client_can_be_deleted(api: Api) -> None:
    client = create_client(api)
    r = api.delete(f"/v1/clients/{client['id']}")
    assert r.status_code == 204
    assert api.get(f"/v1/clients/{client['id']}").status_code == 404


def test_client_used_by_an_invoice_cannot_be_deleted(api: Api) -> None:
    client = create_client(api, name="Usado SL", nif="B65410011")
    r = api.post("/v1/invoices", invoice_body(client=client["id"]))
    assert r.status_code == 201, r.text
    r = api.delete(f"/v1/clients/{client['id']}")
    assert r.status_code == 409
    assert r.json()["error"]["type"] == "conflict_error"
    assert api.get(f"/v1/clients/{client['id']}").status_code == 200


# --- tenancy -------------------------------------------------------------------------------------


def test_another_companys_client_is_not_found(api: Api, other_api: Api) -> None:
    client = create_client(other_api, name="Ajeno", nif="B12345674")
    path = f"/v1/clients/{client['id']}"
    for r in (api.get(path), api.patch(path, {"name": "Mío"}), api.delete(path)):
        assert r.status_code == 404, r.text
        assert r.json()["error"]["type"] == "not_found_error"
    assert api.get("/v1/clients").json()["data"] == []
    assert other_api.get(path).json()["name"] == "Ajeno"


def test_invoice_for_another_companys_client_is_not_found(api: Api, other_api: Api) -> None:
    client = create_client(other_api, name="Ajeno", nif="B12345674")
    r = api.post("/v1/invoices", invoice_body(client=client["id"]))
    assert r.status_code == 404, r.text
    assert r.json()["error"]["param"] == "client"

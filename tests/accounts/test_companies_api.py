"""An integrator's account: companies created, keyed and used through the API alone."""

from typing import Any

from fastapi.testclient import TestClient

from talonario.runtime import Runtime
from tests.conftest import Api
from tests.fixtures.factories import COMPANY_ADDRESS, create_account, invoice_body

NIFS = ["B12345674", "A58818501", "B65410011"]


def account_api(app_client: TestClient, runtime: Runtime) -> Api:
    account_id, key = create_account(runtime.db)
    return Api(app_client, account_id, key)


def company_body(n: int, **fields: Any) -> dict[str, Any]:
    return {
        "legal_name": f"Cliente {n} SL",
        "nif": NIFS[n % 3],
        "address": COMPANY_ADDRESS,
        "external_id": f"erp-{n}",
    } | fields


def test_an_account_key_creates_companies_keys_them_and_issues_for_each(
    app_client: TestClient, runtime: Runtime
) -> None:
    account = account_api(app_client, runtime)
    companies = []
    for n in range(3):
        r = account.post("/v1/companies", company_body(n))
        assert r.status_code == 201, r.text
        companies.append(r.json())
    assert {c["account"] for c in companies} == {account.company_id}
    listed = account.get("/v1/companies").json()
    assert [c["id"] for c in listed["data"]] == [c["id"] for c in reversed(companies)]

    for n, company in enumerate(companies):
        r = account.post(f"/v1/companies/{company['external_id']}/api-keys", {"name": "till"})
        assert r.status_code == 201, r.text
        minted = r.json()["secret"]
        assert minted.startswith("tal_") and not minted.startswith("tal_acct_")
        own = Api(app_client, company["id"], minted)
        # Through the company's own key, then through the account key naming the company by
        # id and by external_id.
        for api, headers in (
            (own, {}),
            (account, {"Talonario-Company": company["id"]}),
            (account, {"Talonario-Company": company["external_id"]}),
        ):
            r = api.post("/v1/invoices", invoice_body(issue=True), headers=headers)
            assert r.status_code == 201, r.text
            assert r.json()["issuer"]["nif"] == NIFS[n % 3]
        chain = own.get("/v1/verifactu/chain/verify").json()
        assert chain["valid"] is True and chain["records"] == 3, chain
        numbers = [i["number"] for i in own.get("/v1/invoices").json()["data"]]
        assert sorted(numbers) == [f"F{numbers[0][1:5]}-0000{k}" for k in (1, 2, 3)]

    # A company key never sees another company, whichever way it asks.
    first_key = account.post(f"/v1/companies/{companies[0]['id']}/api-keys", {}).json()["secret"]
    first = Api(app_client, companies[0]["id"], first_key)
    other = companies[1]
    acting_for_other = {"Talonario-Company": other["id"]}
    other_invoice = account.get("/v1/invoices", headers=acting_for_other).json()["data"][0]
    for path, headers in (
        (f"/v1/companies/{other['id']}", {}),
        (f"/v1/companies/{other['external_id']}/usage", {}),
        ("/v1/invoices", {"Talonario-Company": other["id"]}),
        ("/v1/company", {"Talonario-Company": other["external_id"]}),
        (f"/v1/invoices/{other_invoice['id']}", {}),
    ):
        r = first.get(path, headers=headers)
        assert r.status_code == 404, (path, r.text)
    assert [c["id"] for c in first.get("/v1/companies").json()["data"]] == [companies[0]["id"]]
    r = first.post("/v1/companies", company_body(7))
    assert r.status_code == 403 and r.json()["error"]["code"] == "account_key_required"


def test_another_accounts_key_sees_none_of_its_companies(
    app_client: TestClient, runtime: Runtime
) -> None:
    mine, theirs = account_api(app_client, runtime), account_api(app_client, runtime)
    company = mine.post("/v1/companies", company_body(0)).json()
    for ref in (company["id"], company["external_id"]):
        assert theirs.get(f"/v1/companies/{ref}").status_code == 404
        r = theirs.get("/v1/invoices", headers={"Talonario-Company": ref})
        assert r.status_code == 404, r.text
        assert r.json()["error"]["param"] == "Talonario-Company"
    assert theirs.get("/v1/companies").json()["data"] == []


def test_an_account_key_must_name_the_company_it_issues_for(
    app_client: TestClient, runtime: Runtime
) -> None:
    account = account_api(app_client, runtime)
    r = account.post("/v1/invoices", invoice_body(issue=True))
    assert r.status_code == 400, r.text
    assert r.json()["error"]["code"] == "company_required"
    assert r.json()["error"]["param"] == "Talonario-Company"


def test_a_taken_external_id_is_409_and_patch_moves_it(
    app_client: TestClient, runtime: Runtime
) -> None:
    account = account_api(app_client, runtime)
    a = account.post("/v1/companies", company_body(0)).json()
    r = account.post("/v1/companies", company_body(1, external_id="erp-0"))
    assert r.status_code == 409 and r.json()["error"]["param"] == "external_id"
    r = account.patch("/v1/companies/erp-0", {"external_id": "erp-renamed", "trade_name": "A"})
    assert r.status_code == 200, r.text
    assert r.json()["external_id"] == "erp-renamed"
    assert account.get("/v1/companies/erp-renamed").json()["id"] == a["id"]
    assert account.get("/v1/companies/erp-0").status_code == 404
    assert account.get("/v1/companies?external_id=erp-renamed").json()["data"][0]["id"] == a["id"]


def test_a_minted_key_holds_no_scope_its_minter_lacks(
    app_client: TestClient, runtime: Runtime
) -> None:
    account = account_api(app_client, runtime)
    company = account.post("/v1/companies", company_body(0)).json()
    narrow = account.post(
        f"/v1/companies/{company['id']}/api-keys",
        {"scopes": ["invoices:read", "keys:write", "companies:read"]},
    ).json()["secret"]
    as_narrow = Api(app_client, company["id"], narrow)
    r = as_narrow.post(f"/v1/companies/{company['id']}/api-keys", {"scopes": ["invoices:write"]})
    assert r.status_code == 403 and r.json()["error"]["code"] == "insufficient_scope"
    r = as_narrow.post(f"/v1/companies/{company['id']}/api-keys", {"scopes": ["invoices:read"]})
    assert r.status_code == 201, r.text
    keys = account.get(f"/v1/companies/{company['id']}/api-keys").json()["data"]
    assert len(keys) == 2 and all("secret" not in k for k in keys)


def test_creating_a_company_again_under_its_idempotency_key_replays_it(
    app_client: TestClient, runtime: Runtime
) -> None:
    account = account_api(app_client, runtime)
    headers = {"Idempotency-Key": "company-once"}
    first = account.post("/v1/companies", company_body(0), headers=headers)
    again = account.post("/v1/companies", company_body(0), headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert again.json()["id"] == first.json()["id"]
    assert len(account.get("/v1/companies").json()["data"]) == 1


def test_usage_counts_a_months_invoices_and_records(
    app_client: TestClient, runtime: Runtime
) -> None:
    account = account_api(app_client, runtime)
    company = account.post("/v1/companies", company_body(0)).json()
    acting = {"Talonario-Company": company["id"]}
    for _ in range(2):
        r = account.post("/v1/invoices", invoice_body(issue=True), headers=acting)
        assert r.status_code == 201, r.text
    account.post("/v1/invoices", invoice_body(), headers=acting)  # a draft counts for nothing
    usage = account.get(f"/v1/companies/{company['id']}/usage").json()
    assert usage["object"] == "usage" and usage["company"] == company["id"]
    assert (usage["invoices_issued"], usage["records_generated"]) == (2, 2)
    assert usage["records_remitted"] == 0  # no worker runs here
    empty = account.get(f"/v1/companies/{company['id']}/usage?month=2020-01").json()
    assert (empty["month"], empty["invoices_issued"], empty["records_generated"]) == (
        "2020-01",
        0,
        0,
    )
    for month in ("2026-13", "0000-01", "9999-12"):
        r = account.get(f"/v1/companies/{company['id']}/usage?month={month}")
        assert r.status_code == 422 and r.json()["error"]["param"] == "month", month


def test_a_company_key_lists_its_own_company_however_many_the_account_has(
    app_client: TestClient, runtime: Runtime
) -> None:
    account = account_api(app_client, runtime)
    oldest = account.post("/v1/companies", company_body(0)).json()
    for n in range(1, 4):
        account.post("/v1/companies", company_body(n))
    key = account.post(f"/v1/companies/{oldest['id']}/api-keys", {}).json()["secret"]
    own = Api(app_client, oldest["id"], key)
    # Newest first, a page of 2 of the account's companies would not hold the oldest.
    listed = own.get("/v1/companies?limit=2").json()
    assert [c["id"] for c in listed["data"]] == [oldest["id"]] and listed["has_more"] is False

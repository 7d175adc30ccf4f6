"""A company's SIF installations over HTTP: managed under /v1/companies/{id}/installations,
chosen when issuing, each a chain of its own that records, lists and verify keep apart."""

from typing import Any

from talonario.models import VerifactuRecordDocument
from talonario.runtime import Runtime
from tests.conftest import Api
from tests.fixtures.factories import invoice_body
from tests.installations.helpers import encadenamiento


def installations(api: Api) -> str:
    return f"/v1/companies/{api.company_id}/installations"


def add(api: Api, number: str, name: str = "Tienda") -> dict[str, Any]:
    r = api.post(installations(api), {"installation_number": number, "name": name})
    assert r.status_code == 201, r.text
    return r.json()  # type: ignore[no-any-return]


def issue(api: Api, installation: str | None = None, **fields: Any) -> dict[str, Any]:
    extra = {} if installation is None else {"installation": installation}
    r = api.post("/v1/invoices", invoice_body(issue=True, **extra, **fields))
    assert r.status_code == 201, r.text
    return r.json()  # type: ignore[no-any-return]


def records(api: Api, **params: Any) -> list[dict[str, Any]]:
    r = api.get("/v1/verifactu/records", params=params | {"limit": 100})
    assert r.status_code == 200, r.text
    return r.json()["data"]  # type: ignore[no-any-return]


def xml_of(api: Api, record: dict[str, Any]) -> bytes:
    return api.get(record["xml_url"]).content  # type: ignore[no-any-return]


def test_installations_are_created_listed_read_and_renamed(api: Api) -> None:
    shop = add(api, "TIENDA-CENTRO", "Tienda del centro")
    till = add(api, "CAJA-2", "Caja 2")
    assert shop["object"] == "installation" and shop["company"] == api.company_id
    assert (shop["installation_number"], shop["name"], shop["last_record"]) == (
        "TIENDA-CENTRO",
        "Tienda del centro",
        None,
    )
    listed = api.get(installations(api)).json()
    assert [i["id"] for i in listed["data"]] == [till["id"], shop["id"]]  # newest first
    first = api.get(installations(api), params={"limit": 1}).json()
    assert first["has_more"] is True
    rest = api.get(installations(api), params={"starting_after": first["data"][0]["id"]})
    assert [i["id"] for i in rest.json()["data"]] == [shop["id"]]
    assert api.get(f"{installations(api)}/{shop['id']}").json() == shop
    assert api.get(f"{installations(api)}/CAJA-2").json()["id"] == till["id"]
    renamed = api.patch(f"{installations(api)}/{shop['id']}", {"name": "Centro"})
    assert renamed.status_code == 200, renamed.text
    assert renamed.json()["name"] == "Centro"
    assert renamed.json()["installation_number"] == "TIENDA-CENTRO"


def test_an_installation_number_is_unique_and_never_the_company_id(api: Api) -> None:
    shop = add(api, "TIENDA-1")
    for number in ("TIENDA-1", api.company_id, shop["id"]):
        r = api.post(installations(api), {"installation_number": number, "name": "Otra"})
        assert r.status_code == 409, r.text
        error = r.json()["error"]
        assert error["code"] == "installation_number_taken"
        assert error["param"] == "installation_number"
    r = api.post(installations(api), {"installation_number": "", "name": "Vacía"})
    assert r.status_code == 422
    r = api.post(installations(api), {"installation_number": "X" * 101, "name": "Larga"})
    assert r.status_code == 422


def test_the_number_changes_only_while_the_chain_is_empty(api: Api) -> None:
    shop = add(api, "TIENDA-1")
    path = f"{installations(api)}/{shop['id']}"
    r = api.patch(path, {"installation_number": "TIENDA-UNO"})
    assert r.status_code == 200 and r.json()["installation_number"] == "TIENDA-UNO"
    issue(api, "TIENDA-UNO")
    r = api.patch(path, {"installation_number": "TIENDA-1"})
    assert r.status_code == 409
    assert r.json()["error"]["code"] == "installation_has_records"
    assert api.get(path).json()["installation_number"] == "TIENDA-UNO"


def test_another_company_s_installations_are_not_found(api: Api, other_api: Api) -> None:
    shop = add(api, "TIENDA-1")
    assert other_api.get(installations(api)).status_code == 404
    assert other_api.get(f"{installations(api)}/{shop['id']}").status_code == 404
    mine = f"{installations(other_api)}/{shop['id']}"
    assert other_api.get(mine).status_code == 404
    r = other_api.post("/v1/invoices", invoice_body(issue=True, installation=shop["id"]))
    assert r.status_code == 422 and r.json()["error"]["param"] == "installation"


def test_an_unknown_installation_is_a_422_naming_it_and_nothing_is_issued(api: Api) -> None:
    r = api.post("/v1/invoices", invoice_body(issue=True, installation="NO-EXISTE"))
    assert r.status_code == 422, r.text
    assert r.json()["error"]["param"] == "installation"
    draft = api.post("/v1/invoices", invoice_body()).json()
    r = api.post(f"/v1/invoices/{draft['id']}/issue", {"installation": "NO-EXISTE"})
    assert r.status_code == 422 and r.json()["error"]["param"] == "installation"
    # A draft takes its installation when issued, not before.
    add(api, "TIENDA-1")
    r = api.post("/v1/invoices", invoice_body(installation="TIENDA-1"))
    assert r.status_code == 422 and r.json()["error"]["param"] == "installation"
    assert records(api) == []
    assert api.get(f"/v1/invoices/{draft['id']}").json()["status"] == "draft"


def test_interleaved_installations_each_chain_their_own_records(api: Api) -> None:
    shop = add(api, "TIENDA-1")
    till = add(api, "CAJA-2")
    # The default installation, by omission and by its number (the company id), and the
    # others by id and by number, interleaved.
    order = [None, shop["id"], "CAJA-2", "TIENDA-1", api.company_id, till["id"], None]
    issued = [issue(api, where) for where in order]
    chain = records(api)
    assert [r["sequence"] for r in chain] == list(range(1, 8))
    assert [r["invoice"] for r in chain] == [i["id"] for i in issued]
    expected = [None, shop["id"], till["id"], shop["id"], None, till["id"], None]
    assert [r["installation"] for r in chain] == expected
    numbers = {None: api.company_id, shop["id"]: "TIENDA-1", till["id"]: "CAJA-2"}
    last: dict[str | None, str] = {}
    for record in chain:
        where = record["installation"]
        number, link = encadenamiento(xml_of(api, record))
        assert number == numbers[where]
        # Its chain's first record says PrimerRegistro=S; the others name that chain's last.
        assert link == last.get(where, "S")
        assert record["previous_huella"] == last.get(where)
        last[where] = record["huella"]
    only_shop = records(api, installation="TIENDA-1")
    assert [r["sequence"] for r in only_shop] == [2, 4]
    assert [r["sequence"] for r in records(api, installation=api.company_id)] == [1, 5, 7]
    assert [r["sequence"] for r in records(api, installation=till["id"])] == [3, 6]
    r = api.get("/v1/verifactu/records", params={"installation": "NO-EXISTE"})
    assert r.status_code == 422 and r.json()["error"]["param"] == "installation"
    page = api.get("/v1/verifactu/records", params={"installation": "TIENDA-1", "limit": 1})
    assert page.json()["has_more"] is True
    after = page.json()["data"][0]["id"]
    rest = records(api, installation="TIENDA-1", starting_after=after)
    assert [r["sequence"] for r in rest] == [4]
    xml = api.get("/v1/verifactu/records", params={"installation": "CAJA-2", "format": "xml"})
    assert xml.status_code == 200 and xml.content.count(b"<sum:RegistroFactura>") == 2
    assert xml.headers["Talonario-Has-More"] == "false"
    shop_now = api.get(f"{installations(api)}/{shop['id']}").json()
    assert shop_now["last_record"] == only_shop[-1]["id"]

    report = api.get("/v1/verifactu/chain/verify").json()
    assert (report["valid"], report["records"], report["first_break"]) == (True, 7, None)
    per = {c["installation"]: c for c in report["installations"]}
    assert [c["installation"] for c in report["installations"]] == [None, shop["id"], till["id"]]
    assert {k: (c["installation_number"], c["valid"], c["records"]) for k, c in per.items()} == {
        None: (api.company_id, True, 3),
        shop["id"]: ("TIENDA-1", True, 2),
        till["id"]: ("CAJA-2", True, 2),
    }


def test_void_and_correct_chain_in_the_installation_of_the_alta(api: Api) -> None:
    shop = add(api, "TIENDA-1")
    sold = issue(api, "TIENDA-1")
    issue(api)  # the default chain moves on meanwhile
    r = api.post(f"/v1/invoices/{sold['id']}/void", {"reason": "Duplicada"})
    assert r.status_code == 200, r.text
    kept = api.get(f"/v1/invoices/{sold['id']}/verifactu").json()["data"]
    assert [(r["kind"], r["installation"]) for r in kept] == [
        ("alta", shop["id"]),
        ("anulacion", shop["id"]),
    ]
    number, link = encadenamiento(xml_of(api, kept[1]))
    assert (number, link) == ("TIENDA-1", kept[0]["huella"])
    # A rectifying invoice is a new invoice: it goes where it is told.
    other = issue(api, "TIENDA-1")
    r = api.post(
        f"/v1/invoices/{other['id']}/rectify",
        {"type": "R1", "method": "differences", "reason": "Error", "issue": True,
         "installation": shop["id"]},
    )  # fmt: skip
    assert r.status_code == 201, r.text
    rectified = api.get(f"/v1/invoices/{r.json()['id']}/verifactu").json()["data"]
    assert rectified[0]["installation"] == shop["id"]
    report = api.get("/v1/verifactu/chain/verify").json()
    assert report["valid"] is True, report
    per = {c["installation"]: c["records"] for c in report["installations"]}
    assert per == {None: 1, shop["id"]: 4}


def test_a_draft_is_issued_in_the_installation_its_issue_names(api: Api) -> None:
    add(api, "CAJA-1")
    draft = api.post("/v1/invoices", invoice_body()).json()
    r = api.post(f"/v1/invoices/{draft['id']}/issue", {"installation": "CAJA-1"})
    assert r.status_code == 200, r.text
    record = records(api)[0]
    assert encadenamiento(xml_of(api, record)) == ("CAJA-1", "S")
    plain = api.post("/v1/invoices", invoice_body()).json()
    assert api.post(f"/v1/invoices/{plain['id']}/issue").status_code == 200
    assert encadenamiento(xml_of(api, records(api)[1])) == (api.company_id, "S")


def test_tampering_with_one_installation_s_record_breaks_that_chain_only(
    api: Api, runtime: Runtime
) -> None:
    shop = add(api, "TIENDA-1")
    for where in (None, "TIENDA-1", None, "TIENDA-1", None, "TIENDA-1"):
        issue(api, where)
    target = records(api, installation="TIENDA-1")[1]  # the shop's second record, sequence 4
    with runtime.db.write_session() as s:
        row = s.get(VerifactuRecordDocument, target["id"])
        assert row is not None
        row.xml = row.xml.replace("<sf:ImporteTotal>386.73<", "<sf:ImporteTotal>386.74<")
        s.commit()
    report = api.get("/v1/verifactu/chain/verify").json()
    assert report["valid"] is False
    assert report["records"] == 4
    assert report["first_break"]["record"] == target["id"]
    assert "content" in report["first_break"]["reason"]
    per = {c["installation"]: c for c in report["installations"]}
    assert (per[None]["valid"], per[None]["records"], per[None]["first_break"]) == (True, 3, None)
    assert (per[shop["id"]]["valid"], per[shop["id"]]["records"]) == (False, 2)
    assert per[shop["id"]]["first_break"] == report["first_break"]


def test_an_installation_without_records_verifies_empty(api: Api) -> None:
    shop = add(api, "TIENDA-1")
    report = api.get("/v1/verifactu/chain/verify").json()
    assert (report["valid"], report["records"]) == (True, 0)
    assert report["installations"] == [
        {
            "installation": None,
            "installation_number": api.company_id,
            "valid": True,
            "records": 0,
            "first_break": None,
        },
        {
            "installation": shop["id"],
            "installation_number": "TIENDA-1",
            "valid": True,
            "records": 0,
            "first_break": None,
        },
    ]


def test_installations_need_the_company_scopes(api: Api) -> None:
    r = api.post("/v1/api-keys", {"name": "facturas", "scopes": ["invoices:write"]})
    assert r.status_code == 201, r.text
    narrow = Api(api.client, api.company_id, r.json()["secret"])
    shop = {"installation_number": "T", "name": "T"}
    assert narrow.get(installations(api)).status_code == 403
    assert narrow.post(installations(api), shop).status_code == 403
    r = api.post("/v1/api-keys", {"name": "lectura", "scopes": ["company:read"]})
    reader = Api(api.client, api.company_id, r.json()["secret"])
    assert reader.get(installations(api)).status_code == 200
    assert reader.post(installations(api), shop).status_code == 403

"""/v1/quotes: drafts written like invoices, numbered apart from them, listed with filters,
moved between states (409s naming the state), and each company's own."""

from datetime import date, timedelta
from decimal import Decimal

from tests.conftest import Api
from tests.quotes.helpers import create, move, quote_body


def test_a_quote_totals_its_lines_as_an_invoice_would(api: Api) -> None:
    quote = create(api, external_id="q-1", metadata={"crm": "42"}, notes="Plazo: 2 semanas")
    assert quote["object"] == "quote" and quote["kind"] == "quote"
    assert quote["status"] == "draft" and quote["invoice"] is None
    year = date.fromisoformat(quote["issued_on"]).year
    assert quote["number"] == f"P-{year}-0001"
    # 3 x 100.00 - 10% = 270.00; 10.50; 2 x 22.75 = 45.50. IVA 21% of 280.50 = 58.905 -> 58.91;
    # 4% of 45.50 = 1.82.
    assert [Decimal(str(x["subtotal"])) for x in quote["lines"]] == [
        Decimal("270.00"),
        Decimal("10.50"),
        Decimal("45.50"),
    ]
    assert Decimal(str(quote["subtotal"])) == Decimal("326.00")
    assert Decimal(str(quote["taxes_total"])) == Decimal("60.73")
    assert Decimal(str(quote["total"])) == Decimal("386.73")
    rows = {Decimal(str(r["rate"])): Decimal(str(r["tax_amount"])) for r in quote["tax_breakdown"]}
    assert rows == {Decimal("21"): Decimal("58.91"), Decimal("4"): Decimal("1.82")}
    issued = date.fromisoformat(quote["issued_on"])
    assert date.fromisoformat(quote["valid_until"]) == issued + timedelta(days=30)
    assert quote["metadata"] == {"crm": "42"} and quote["notes"] == "Plazo: 2 semanas"
    assert api.get("/v1/quotes/q-1").json()["id"] == quote["id"]
    assert api.get(f"/v1/quotes/{quote['id']}").json() == quote
    # No invoice exists, and the invoices' numbering was not touched.
    assert api.get("/v1/invoices").json()["data"] == []


def test_proformas_and_quotes_are_numbered_apart_and_withholding_is_subtracted(api: Api) -> None:
    first = create(api)
    proforma = create(api, kind="proforma", withholding={"rate": 15})
    second = create(api)
    year = date.fromisoformat(first["issued_on"]).year
    assert [first["number"], proforma["number"], second["number"]] == [
        f"P-{year}-0001",
        f"PF-{year}-0001",
        f"P-{year}-0002",
    ]
    # 15% of 326.00 = 48.90 withheld: 386.73 - 48.90 = 337.83.
    assert Decimal(str(proforma["withholding_total"])) == Decimal("48.90")
    assert Decimal(str(proforma["total"])) == Decimal("337.83")
    r = api.post("/v1/quotes", quote_body(external_id=first["id"][:8], kind="invoice"))
    assert r.status_code == 422 and r.json()["error"]["param"] == "kind"


def test_a_draft_changes_and_is_deleted_but_a_sent_one_does_not(api: Api) -> None:
    quote = create(api, external_id="q-patch")
    line = {"description": "Diseño", "quantity": 2, "unit_price": "50.00", "tax": {"rate": 21}}
    r = api.patch(f"/v1/quotes/{quote['id']}", {"lines": [line], "notes": "v2"})
    assert r.status_code == 200, r.text
    changed = r.json()
    # 2 x 50.00 = 100.00 + 21.00 IVA.
    assert Decimal(str(changed["subtotal"])) == Decimal("100.00")
    assert Decimal(str(changed["total"])) == Decimal("121.00")
    assert changed["notes"] == "v2" and changed["number"] == quote["number"]
    other = create(api, external_id="q-other")
    r = api.patch(f"/v1/quotes/{other['id']}", {"external_id": "q-patch"})
    assert r.status_code == 409 and r.json()["error"]["code"] == "external_id_taken"
    move(api, quote, "send")
    r = api.patch(f"/v1/quotes/{quote['id']}", {"notes": "v3"})
    assert r.status_code == 409 and "is sent" in r.json()["error"]["message"]
    r = api.delete(f"/v1/quotes/{quote['id']}")
    assert r.status_code == 409 and r.json()["error"]["code"] == "quote_not_draft"
    assert api.delete(f"/v1/quotes/{other['id']}").status_code == 204
    assert api.get(f"/v1/quotes/{other['id']}").status_code == 404


def test_states_move_only_along_their_transitions(api: Api) -> None:
    quote = create(api)
    r = api.post(f"/v1/quotes/{quote['id']}/accept")
    assert r.status_code == 409
    assert r.json()["error"]["code"] == "quote_state_conflict"
    assert "is draft" in r.json()["error"]["message"]
    sent = move(api, quote, "send")
    assert sent["status"] == "sent" and sent["sent_at"] is not None
    assert api.post(f"/v1/quotes/{quote['id']}/send").status_code == 409
    accepted = move(api, quote, "accept")
    assert accepted["status"] == "accepted" and accepted["accepted_at"] is not None
    r = api.post(f"/v1/quotes/{quote['id']}/reject")
    assert r.status_code == 409 and "is accepted" in r.json()["error"]["message"]
    other = create(api)
    move(api, other, "send")
    assert move(api, other, "reject")["status"] == "rejected"
    assert api.post(f"/v1/quotes/{other['id']}/invoice", {}).status_code == 409


def test_a_sent_quote_past_its_date_is_expired(api: Api) -> None:
    past = date.today() - timedelta(days=40)
    quote = create(api, issued_on=past.isoformat(), valid_until=(past + timedelta(10)).isoformat())
    assert quote["status"] == "draft"  # a draft does not expire: it can still be edited
    assert move(api, quote, "send")["status"] == "expired"
    r = api.post(f"/v1/quotes/{quote['id']}/accept")
    assert r.status_code == 409 and "is expired" in r.json()["error"]["message"]
    live = create(api)
    move(api, live, "send")
    expired = api.get("/v1/quotes", params={"status": "expired"}).json()["data"]
    assert [q["id"] for q in expired] == [quote["id"]]
    sent = api.get("/v1/quotes", params={"status": "sent"}).json()["data"]
    assert [q["id"] for q in sent] == [live["id"]]


def test_list_filters_and_cursor(api: Api) -> None:
    client = api.post("/v1/clients", {"name": "Cliente Uno SL", "external_id": "c-1"}).json()
    a = create(api, client=client["id"], valid_until="2030-01-31")
    b = create(api, kind="proforma", external_id="pf-b", valid_until="2030-03-31")
    c = create(api, valid_until="2030-06-30")

    def ids(**params: object) -> list[str]:
        r = api.get("/v1/quotes", params=params)
        assert r.status_code == 200, r.text
        return [q["id"] for q in r.json()["data"]]

    assert ids() == [c["id"], b["id"], a["id"]]
    assert ids(kind="proforma") == [b["id"]]
    assert ids(client="c-1") == [a["id"]]
    assert ids(external_id="pf-b") == [b["id"]]
    assert ids(**{"valid_until[gte]": "2030-02-01", "valid_until[lte]": "2030-04-01"}) == [b["id"]]
    today = a["issued_on"]
    assert ids(**{"issued_on[gte]": today, "issued_on[lte]": today}) == [c["id"], b["id"], a["id"]]
    assert ids(**{"issued_on[lte]": "2020-01-01"}) == []
    assert ids(status="draft", limit=2) == [c["id"], b["id"]]
    page = api.get("/v1/quotes", params={"limit": 2}).json()
    assert page["has_more"] is True
    rest = api.get("/v1/quotes", params={"limit": 2, "starting_after": b["id"]}).json()
    assert [q["id"] for q in rest["data"]] == [a["id"]] and rest["has_more"] is False
    assert api.get("/v1/quotes", params={"colour": "red"}).status_code == 400


def test_another_companys_quote_is_not_found(api: Api, other_api: Api) -> None:
    quote = create(api, external_id="mine")
    for path in ("", "/pdf"):
        assert other_api.get(f"/v1/quotes/{quote['id']}{path}").status_code == 404
    assert other_api.get("/v1/quotes/mine").status_code == 404
    assert other_api.post(f"/v1/quotes/{quote['id']}/send").status_code == 404
    assert other_api.post(f"/v1/quotes/{quote['id']}/invoice", {}).status_code == 404
    assert other_api.patch(f"/v1/quotes/{quote['id']}", {"notes": "x"}).status_code == 404
    assert other_api.delete(f"/v1/quotes/{quote['id']}").status_code == 404
    assert other_api.get("/v1/quotes").json()["data"] == []


def test_a_key_needs_the_quotes_scope(api: Api) -> None:
    r = api.post("/v1/api-keys", {"scopes": ["invoices:write"]})
    assert r.status_code == 201, r.text
    narrow = {"Authorization": f"Bearer {r.json()['secret']}"}
    r = api.client.get("/v1/quotes", headers=narrow)
    assert r.status_code == 403 and "quotes:read" in r.json()["error"]["message"]

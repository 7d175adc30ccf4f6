"""Invoices through the HTTP API: the figures a user checks, drafts, issuing, immutability."""

from decimal import Decimal
from typing import Any

from sqlalchemy import func, select

from talonario.models import Invoice
from talonario.runtime import Runtime
from tests.conftest import Api
from tests.fixtures.factories import client_body, invoice_body


def count_invoices(runtime: Runtime, company_id: str) -> int:
    with runtime.db.read_session() as s:
        return s.scalar(select(func.count()).where(Invoice.company_id == company_id)) or 0


def exact(response: Any, field: str) -> str:
    """The number exactly as written in the JSON text (no float parsing)."""
    import json

    return str(json.loads(response.text, parse_float=Decimal)[field])


def test_issued_invoice_shows_the_figures_of_its_lines(api: Api) -> None:
    r = api.post("/v1/invoices", invoice_body(issue=True))
    assert r.status_code == 201, r.text
    assert exact(r, "subtotal") == "326.00"
    assert exact(r, "taxes_total") == "60.73"
    assert exact(r, "total") == "386.73"
    assert '"total":386.73' in r.text
    rows = r.json()["tax_breakdown"]
    assert [(row["rate"], row["base"], row["tax_amount"]) for row in rows] == [
        (21, 280.50, 58.91),
        (4, 45.50, 1.82),
    ]
    assert r.json()["status"] == "issued"
    assert r.json()["number"].startswith("F")


def test_withholding_is_subtracted_from_what_the_client_pays(api: Api) -> None:
    body = invoice_body(
        lines=[
            {"description": "Honorarios", "quantity": 1, "unit_price": 1000, "tax": {"rate": 21}}
        ],
        withholding={"rate": 15},
    )
    r = api.post("/v1/invoices", body)
    assert r.status_code == 201, r.text
    assert exact(r, "withholding_total") == "150.00"
    assert exact(r, "total") == "1060.00"
    assert r.json()["withholding"] == {"rate": 15, "amount": 150.0}


def test_equivalence_surcharge_is_added_to_the_total(api: Api) -> None:
    body = invoice_body(
        lines=[
            {
                "description": "Género",
                "quantity": 1,
                "unit_price": 100,
                "tax": {"rate": 21, "surcharge_rate": 5.2},
            }
        ]
    )
    r = api.post("/v1/invoices", body)
    assert r.status_code == 201, r.text
    assert exact(r, "surcharge_total") == "5.20"
    assert exact(r, "total") == "126.20"


def test_surcharge_outside_the_legal_pairs_is_refused(api: Api, runtime: Runtime) -> None:
    body = invoice_body(
        lines=[
            {
                "description": "x",
                "quantity": 1,
                "unit_price": 100,
                "tax": {"rate": 21, "surcharge_rate": 1.4},
            }
        ]
    )
    r = api.post("/v1/invoices", body)
    assert r.status_code == 422
    assert r.json()["error"]["param"] == "lines.0.tax.surcharge_rate"
    assert count_invoices(runtime, api.company_id) == 0


def test_non_numeric_quantity_is_refused_and_nothing_is_written(api: Api, runtime: Runtime) -> None:
    body = invoice_body(issue=True)
    body["lines"][0]["quantity"] = "three"
    r = api.post("/v1/invoices", body)
    assert r.status_code == 422
    assert r.json()["error"]["type"] == "invalid_request_error"
    assert r.json()["error"]["param"] == "lines.0.quantity"
    assert count_invoices(runtime, api.company_id) == 0


def test_bad_recipient_nif_is_refused_and_nothing_is_written(api: Api, runtime: Runtime) -> None:
    r = api.post("/v1/invoices", invoice_body(client={"name": "X", "nif": "12345678A"}, issue=True))
    assert r.status_code == 422
    assert r.json()["error"]["param"] == "client.nif"
    assert count_invoices(runtime, api.company_id) == 0
    with runtime.db.read_session() as s:
        numbers = s.scalar(
            select(func.count()).where(
                Invoice.number.is_not(None), Invoice.company_id == api.company_id
            )
        )
    assert numbers == 0


def test_amounts_as_strings_or_numbers_stay_exact(api: Api) -> None:
    import json

    body = invoice_body(
        lines=[
            {
                "description": "x",
                "quantity": "0.333333",
                "unit_price": "PRICE",
                "tax": {"rate": 21},
            }
        ]
    )
    # Written by hand: json.dumps would pass the price through a Python float.
    text = json.dumps(body).replace('"PRICE"', "123456789012.345678")
    r = api.post("/v1/invoices", content=text, headers={"Content-Type": "application/json"})
    assert r.status_code == 201, r.text
    line = r.json()["lines"][0]
    # 0.333333 × 123456789012.345678 = 41152221893.0…, rounded half-up to cents.
    assert exact(r, "subtotal") == str(
        (Decimal("0.333333") * Decimal("123456789012.345678")).quantize(
            Decimal("0.01"), rounding="ROUND_HALF_UP"
        )
    )
    assert line["quantity"] == 0.333333


def test_draft_can_change_then_issue_freezes_it(api: Api) -> None:
    draft = api.post("/v1/invoices", invoice_body()).json()
    assert draft["status"] == "draft" and draft["number"] is None
    assert draft["is_number_assigned"] is False
    r = api.patch(
        f"/v1/invoices/{draft['id']}",
        {
            "notes": "Pago a 30 días",
            "lines": [
                {"description": "Único", "quantity": 1, "unit_price": 50, "tax": {"rate": 10}}
            ],
        },
    )
    assert r.status_code == 200, r.text
    assert r.json()["total"] == 55.0
    issued = api.post(f"/v1/invoices/{draft['id']}/issue")
    assert issued.status_code == 200, issued.text
    assert issued.json()["is_number_assigned"] is True
    assert api.patch(f"/v1/invoices/{draft['id']}", {"notes": "x"}).status_code == 409
    assert api.delete(f"/v1/invoices/{draft['id']}").json()["error"]["type"] == "conflict_error"
    assert api.post(f"/v1/invoices/{draft['id']}/issue").status_code == 409
    assert api.get(f"/v1/invoices/{draft['id']}").json()["notes"] == "Pago a 30 días"


def test_drafts_can_be_deleted(api: Api) -> None:
    draft = api.post("/v1/invoices", invoice_body()).json()
    assert api.delete(f"/v1/invoices/{draft['id']}").status_code == 204
    assert api.get(f"/v1/invoices/{draft['id']}").status_code == 404


def test_numbers_are_consecutive_per_series(api: Api) -> None:
    numbers = [
        api.post("/v1/invoices", invoice_body(issue=True)).json()["number"] for _ in range(3)
    ]
    year = numbers[0][1:5]
    assert numbers == [f"F{year}-00001", f"F{year}-00002", f"F{year}-00003"]
    simplified = api.post("/v1/invoices", invoice_body(type="F2", client=None, issue=True)).json()
    assert simplified["number"] == f"S{year}-00001"
    assert simplified["series"]["code"] == "S"


def test_complete_invoice_needs_an_identified_recipient(api: Api) -> None:
    r = api.post("/v1/invoices", invoice_body(client=None, issue=True))
    assert r.status_code == 422
    assert r.json()["error"]["param"] == "client"


def test_client_snapshot_is_frozen_at_issue(api: Api) -> None:
    client = api.post("/v1/clients", client_body(name="Antes SL")).json()
    inv = api.post("/v1/invoices", invoice_body(client=client["id"], issue=True)).json()
    api.patch(f"/v1/clients/{client['id']}", {"name": "Después SL"})
    again = api.get(f"/v1/invoices/{inv['id']}").json()
    assert again["client"]["name"] == "Antes SL"
    assert again["client"]["id"] == client["id"]
    assert again["issuer"]["nif"]


def test_invoice_found_by_external_id(api: Api) -> None:
    inv = api.post("/v1/invoices", invoice_body(external_id="erp-42")).json()
    r = api.get("/v1/invoices/erp-42")
    assert r.status_code == 200 and r.json()["id"] == inv["id"]
    dup = api.post("/v1/invoices", invoice_body(external_id="erp-42"))
    assert dup.status_code == 409


def test_list_filters_and_cursor_pagination(api: Api) -> None:
    ids = [api.post("/v1/invoices", invoice_body(issue=True)).json()["id"] for _ in range(3)]
    draft = api.post("/v1/invoices", invoice_body(tags=["x"])).json()["id"]
    first = api.get("/v1/invoices", params={"status": "issued", "limit": 2}).json()
    assert first["has_more"] is True
    assert [i["id"] for i in first["data"]] == ids[::-1][:2]
    second = api.get(
        "/v1/invoices",
        params={"status": "issued", "limit": 2, "starting_after": first["data"][-1]["id"]},
    ).json()
    assert [i["id"] for i in second["data"]] == [ids[0]] and second["has_more"] is False
    drafts = api.get("/v1/invoices", params={"status": "draft"}).json()["data"]
    assert [d["id"] for d in drafts] == [draft]
    issued_on = api.get(f"/v1/invoices/{ids[0]}").json()["issued_on"]
    ranged = api.get(
        "/v1/invoices", params={"issued_on[gte]": issued_on, "issued_on[lte]": issued_on}
    )
    assert len(ranged.json()["data"]) == 3
    assert api.get("/v1/invoices", params={"series": "S"}).json()["data"] == []
    assert api.get("/v1/invoices", params={"limit": 101}).status_code == 422


def test_another_companys_invoice_is_not_found(api: Api, other_api: Api) -> None:
    inv = api.post("/v1/invoices", invoice_body()).json()
    r = other_api.get(f"/v1/invoices/{inv['id']}")
    assert r.status_code == 404
    assert r.json()["error"]["type"] == "not_found_error"
    assert other_api.get("/v1/invoices").json()["data"] == []


def test_metadata_tags_and_custom_fields_round_trip(api: Api) -> None:
    body = invoice_body(
        metadata={"order": "A-1"},
        tags=["web", "es"],
        custom_fields={"po": 7},
        notes="Gracias",
        due_on="2030-01-31",
        exclude_347=True,
    )
    inv = api.post("/v1/invoices", body).json()
    got = api.get(f"/v1/invoices/{inv['id']}").json()
    assert (got["metadata"], got["tags"], got["custom_fields"]) == (
        {"order": "A-1"},
        ["web", "es"],
        {"po": 7},
    )
    assert got["due_on"] == "2030-01-31" and got["exclude_347"] is True


def test_future_issue_date_is_refused(api: Api) -> None:
    r = api.post("/v1/invoices", invoice_body(issued_on="2999-01-01", issue=True))
    assert r.status_code == 422
    assert r.json()["error"]["param"] == "issued_on"


def test_lines_from_products_take_price_and_tax(api: Api) -> None:
    product = api.post(
        "/v1/products", {"name": "Pan", "unit_price": "1.20", "tax": {"rate": 4}}
    ).json()
    r = api.post("/v1/invoices", invoice_body(lines=[{"product": product["id"], "quantity": 10}]))
    assert r.status_code == 201, r.text
    line = r.json()["lines"][0]
    assert (line["description"], line["unit_price"], line["tax"]["rate"]) == ("Pan", 1.2, 4)
    assert r.json()["total"] == 12.48
    missing = api.post("/v1/invoices", invoice_body(lines=[{"product": "nope", "quantity": 1}]))
    assert missing.status_code == 422 and missing.json()["error"]["param"] == "lines.0.product"

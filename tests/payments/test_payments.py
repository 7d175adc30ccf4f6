"""Payments against issued invoices: the balance, the status it drives, and mistakes undone."""

import json
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select

from talonario.models import Payment
from talonario.runtime import Runtime
from tests.conftest import Api
from tests.fixtures.factories import invoice_body

TOTAL = Decimal("386.73")  # the total of invoice_body()


def exact(response: Any) -> Any:
    """The JSON answer with numbers exactly as written (no float parsing)."""
    return json.loads(response.text, parse_float=Decimal)


def count_payments(runtime: Runtime, company_id: str) -> int:
    with runtime.db.read_session() as s:
        return s.scalar(select(func.count()).where(Payment.company_id == company_id)) or 0


def issued_invoice(api: Api) -> str:
    r = api.post("/v1/invoices", invoice_body(issue=True))
    assert r.status_code == 201, r.text
    return r.json()["id"]  # type: ignore[no-any-return]


def pay(api: Api, invoice_id: str, amount: Any, **fields: Any) -> Any:
    return api.post(f"/v1/invoices/{invoice_id}/payments", {"amount": amount} | fields)


def balance(api: Api, invoice_id: str) -> dict[str, Any]:
    r = api.get(f"/v1/invoices/{invoice_id}")
    assert r.status_code == 200, r.text
    return exact(r)  # type: ignore[no-any-return]


def test_issued_invoice_starts_unpaid(api: Api) -> None:
    inv = balance(api, issued_invoice(api))
    assert inv["status"] == "issued"
    assert inv["paid_amount"] == Decimal("0.00")
    assert inv["pending_amount"] == TOTAL
    assert inv["payments"] == []
    assert inv["paid_at"] is None


def test_partial_payment_leaves_the_rest_pending(api: Api) -> None:
    invoice_id = issued_invoice(api)
    r = pay(api, invoice_id, "100.10", method="transfer", reference="TR-1", date="2026-01-15")
    assert r.status_code == 201, r.text
    payment = exact(r)
    assert payment["object"] == "payment"
    assert payment["invoice"] == invoice_id
    assert payment["amount"] == Decimal("100.10")
    assert (payment["method"], payment["reference"], payment["date"]) == (
        "transfer",
        "TR-1",
        "2026-01-15",
    )
    inv = balance(api, invoice_id)
    assert inv["status"] == "partially_paid"
    assert inv["paid_amount"] == Decimal("100.10")
    assert inv["pending_amount"] == Decimal("286.63")
    assert inv["paid_at"] is None


def test_amounts_are_written_with_two_decimals(api: Api) -> None:
    invoice_id = issued_invoice(api)
    created = pay(api, invoice_id, 100)
    assert created.status_code == 201
    assert '"amount":100.00' in created.text
    listed = api.get(f"/v1/invoices/{invoice_id}/payments")
    assert '"amount":100.00' in listed.text
    r = api.get(f"/v1/invoices/{invoice_id}")
    assert '"paid_amount":100.00' in r.text
    assert '"pending_amount":286.73' in r.text
    assert '"amount":100.00' in r.text


def test_payment_that_completes_the_total_marks_the_invoice_paid(api: Api) -> None:
    invoice_id = issued_invoice(api)
    assert pay(api, invoice_id, "86.73").status_code == 201
    r = pay(api, invoice_id, 300)
    assert r.status_code == 201, r.text
    inv = balance(api, invoice_id)
    assert inv["status"] == "paid"
    assert inv["paid_amount"] == TOTAL
    assert inv["pending_amount"] == Decimal("0.00")
    assert inv["paid_at"] is not None


def test_paying_more_than_pending_is_refused_and_nothing_is_written(
    api: Api, runtime: Runtime
) -> None:
    invoice_id = issued_invoice(api)
    assert pay(api, invoice_id, "300.00").status_code == 201
    r = pay(api, invoice_id, "86.74")
    assert r.status_code == 422, r.text
    assert r.json()["error"]["type"] == "invalid_request_error"
    assert r.json()["error"]["param"] == "amount"
    inv = balance(api, invoice_id)
    assert inv["status"] == "partially_paid"
    assert inv["paid_amount"] == Decimal("300.00")
    assert len(inv["payments"]) == 1
    assert count_payments(runtime, api.company_id) == 1


def test_payment_of_zero_or_with_fractions_of_a_cent_is_refused(api: Api, runtime: Runtime) -> None:
    invoice_id = issued_invoice(api)
    for amount in (0, "-5", "10.005", "diez"):
        r = pay(api, invoice_id, amount)
        assert r.status_code == 422, (amount, r.text)
        assert r.json()["error"]["param"] == "amount"
    assert count_payments(runtime, api.company_id) == 0


def test_draft_takes_no_payments(api: Api, runtime: Runtime) -> None:
    draft = api.post("/v1/invoices", invoice_body()).json()
    r = pay(api, draft["id"], 10)
    assert r.status_code == 409, r.text
    assert r.json()["error"]["type"] == "conflict_error"
    assert count_payments(runtime, api.company_id) == 0
    assert balance(api, draft["id"])["status"] == "draft"


def test_paid_invoice_takes_no_more_payments(api: Api) -> None:
    invoice_id = issued_invoice(api)
    assert pay(api, invoice_id, str(TOTAL)).status_code == 201
    r = pay(api, invoice_id, "0.01")
    assert r.status_code in (409, 422), r.text
    assert balance(api, invoice_id)["paid_amount"] == TOTAL


def test_payments_are_listed_oldest_first(api: Api) -> None:
    invoice_id = issued_invoice(api)
    first = pay(api, invoice_id, "10.00").json()
    second = pay(api, invoice_id, "20.00").json()
    r = api.get(f"/v1/invoices/{invoice_id}/payments")
    assert r.status_code == 200
    body = exact(r)
    assert body["object"] == "list"
    assert body["has_more"] is False
    assert [(p["id"], p["amount"]) for p in body["data"]] == [
        (first["id"], Decimal("10.00")),
        (second["id"], Decimal("20.00")),
    ]


def test_invoice_shows_its_payments(api: Api) -> None:
    invoice_id = issued_invoice(api)
    payment = pay(api, invoice_id, "50.00", method="card").json()
    inv = balance(api, invoice_id)
    assert [(p["id"], p["amount"], p["method"]) for p in inv["payments"]] == [
        (payment["id"], Decimal("50.00"), "card")
    ]
    listed = api.get("/v1/invoices").json()["data"]
    assert [p["id"] for p in listed[0]["payments"]] == [payment["id"]]


def test_deleting_the_completing_payment_reopens_the_balance(api: Api) -> None:
    invoice_id = issued_invoice(api)
    pay(api, invoice_id, "100.00")
    last = pay(api, invoice_id, "286.73").json()
    assert balance(api, invoice_id)["status"] == "paid"

    r = api.delete(f"/v1/invoices/{invoice_id}/payments/{last['id']}")
    assert r.status_code == 204
    inv = balance(api, invoice_id)
    assert inv["status"] == "partially_paid"
    assert inv["paid_amount"] == Decimal("100.00")
    assert inv["pending_amount"] == Decimal("286.73")
    assert inv["paid_at"] is None
    assert len(inv["payments"]) == 1


def test_deleting_the_only_payment_returns_the_invoice_to_issued(
    api: Api, runtime: Runtime
) -> None:
    invoice_id = issued_invoice(api)
    payment = pay(api, invoice_id, str(TOTAL)).json()
    assert api.delete(f"/v1/invoices/{invoice_id}/payments/{payment['id']}").status_code == 204
    inv = balance(api, invoice_id)
    assert inv["status"] == "issued"
    assert inv["paid_amount"] == Decimal("0.00")
    assert inv["pending_amount"] == TOTAL
    assert inv["paid_at"] is None
    assert count_payments(runtime, api.company_id) == 0
    assert api.get(f"/v1/invoices/{invoice_id}/payments").json()["data"] == []


def test_unknown_payment_is_not_found(api: Api) -> None:
    invoice_id = issued_invoice(api)
    other_invoice = issued_invoice(api)
    payment = pay(api, other_invoice, "1.00").json()
    r = api.delete(f"/v1/invoices/{invoice_id}/payments/{payment['id']}")
    assert r.status_code == 404
    assert r.json()["error"]["type"] == "not_found_error"
    assert balance(api, other_invoice)["paid_amount"] == Decimal("1.00")


def test_payments_by_external_id(api: Api) -> None:
    r = api.post("/v1/invoices", invoice_body(issue=True, external_id="order-77"))
    assert r.status_code == 201
    assert pay(api, "order-77", "6.73").status_code == 201
    assert len(api.get("/v1/invoices/order-77/payments").json()["data"]) == 1
    assert balance(api, r.json()["id"])["pending_amount"] == Decimal("380.00")


def test_another_companys_invoice_takes_no_payments(
    api: Api, other_api: Api, runtime: Runtime
) -> None:
    invoice_id = issued_invoice(other_api)
    payment = pay(other_api, invoice_id, "1.00").json()
    assert pay(api, invoice_id, "1.00").status_code == 404
    assert api.get(f"/v1/invoices/{invoice_id}/payments").status_code == 404
    assert api.delete(f"/v1/invoices/{invoice_id}/payments/{payment['id']}").status_code == 404
    assert count_payments(runtime, other_api.company_id) == 1

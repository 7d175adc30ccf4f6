"""POST /v1/invoices/{id}/remind queues a payment reminder of an unpaid invoice, GET
/reminders lists them, and the company's `reminders` settings are checked field by field."""

from typing import Any

import pytest

from tests.conftest import Api
from tests.fixtures.factories import invoice_body
from tests.invoices.dunning import CLIENT, days_ago, issue_due, quiet_after, reminders_of, today

pytestmark = pytest.mark.usefixtures(quiet_after.__name__)


def _remind(api: Api, invoice: dict[str, Any], body: Any = None, **kw: Any) -> Any:
    return api.post(f"/v1/invoices/{invoice['id']}/remind", body, **kw)


def test_remind_queues_a_reminder_to_the_client_and_lists_it(api: Api) -> None:
    invoice = issue_due(api, days_ago(5))
    r = _remind(api, invoice)
    assert r.status_code == 202, r.text
    reminder = r.json()
    assert reminder["object"] == "invoice_reminder" and reminder["invoice"] == invoice["id"]
    assert (reminder["trigger"], reminder["step"], reminder["status"]) == (
        "manual",
        None,
        "pending",
    )
    assert reminder["email"]["to"] == [CLIENT["email"]] and reminder["skip_reason"] is None
    assert reminders_of(api, invoice) == [reminder]
    # A reminder is not the invoice's own email: `email` and `sent_at` stay as they were.
    got = api.get(f"/v1/invoices/{invoice['id']}").json()
    assert got["email"] is None and got["sent_at"] is None


def test_remind_before_the_due_date_and_by_external_id(api: Api) -> None:
    invoice = issue_due(api, today(), external_id="pedido-10")
    r = api.post("/v1/invoices/pedido-10/remind")  # no body at all
    assert r.status_code == 202, r.text
    assert r.json()["invoice"] == invoice["id"]


def test_remind_takes_recipients_subject_and_message(api: Api) -> None:
    invoice = issue_due(api, days_ago(5))
    body = {
        "to": ["tesoreria@cliente.es", "admin@cliente.es"],
        "cc": "gestoria@asesores.es",
        "subject": "Segundo aviso",
        "message": "Le rogamos que regularice el pago.",
    }
    r = _remind(api, invoice, body)
    assert r.status_code == 202, r.text
    email = r.json()["email"]
    assert email["to"] == body["to"] and email["cc"] == ["gestoria@asesores.es"]


def test_remind_refuses_drafts_paid_and_voided_invoices_naming_their_state(api: Api) -> None:
    draft = api.post("/v1/invoices", invoice_body(client=CLIENT)).json()
    paid = issue_due(api, days_ago(5))
    api.post(f"/v1/invoices/{paid['id']}/payments", {"amount": "386.73"})
    voided = issue_due(api, days_ago(5))
    api.post(f"/v1/invoices/{voided['id']}/void", {"reason": "Duplicada"})
    free = issue_due(
        api, None, lines=[{"description": "Muestra", "unit_price": "0", "tax": {"rate": 21}}]
    )
    for invoice, state in ((draft, "draft"), (paid, "paid"), (voided, "voided"),
                           (free, "nothing pending")):  # fmt: skip
        r = _remind(api, invoice, {})
        assert r.status_code == 409, r.text
        error = r.json()["error"]
        assert error["code"] == "invoice_not_awaiting_payment"
        assert state in error["message"], error["message"]
        assert reminders_of(api, invoice) == []


def test_remind_needs_an_address_to_write_to(api: Api) -> None:
    no_email = issue_due(api, days_ago(5), client={"name": "Sin Correo SL", "nif": "B65410011"})
    r = _remind(api, no_email, {})
    assert r.status_code == 422 and r.json()["error"]["param"] == "to"
    r = _remind(api, no_email, {"to": "no es un email"})
    assert r.status_code == 422 and r.json()["error"]["param"].startswith("to")
    r = _remind(api, no_email, {"to": "a@b.es", "subject": "x\nBcc: espia@b.es"})
    assert r.status_code == 422 and r.json()["error"]["param"] == "subject"
    assert reminders_of(api, no_email) == []
    assert _remind(api, no_email, {"to": "pagos@sincorreo.es"}).status_code == 202


def test_remind_replays_an_idempotency_key(api: Api) -> None:
    invoice = issue_due(api, days_ago(5))
    key = {"Idempotency-Key": "remind-1"}
    first = _remind(api, invoice, {"subject": "Aviso"}, headers=key)
    again = _remind(api, invoice, {"subject": "Aviso"}, headers=key)
    assert first.status_code == again.status_code == 202
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert again.json()["id"] == first.json()["id"]
    other = _remind(api, invoice, {"subject": "Otro aviso"}, headers=key)
    assert other.status_code == 409 and other.json()["error"]["type"] == "idempotency_error"
    assert len(reminders_of(api, invoice)) == 1


def test_reminders_need_their_scopes_and_stay_in_their_company(api: Api, other_api: Api) -> None:
    invoice = issue_due(api, days_ago(5))
    unknown = api.post("/v1/invoices/pedido-9/remind", {})
    assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "invoice_not_found"
    assert _remind(other_api, invoice, {}).status_code == 404
    assert other_api.get(f"/v1/invoices/{invoice['id']}/reminders").status_code == 404
    reader = api.post("/v1/api-keys", {"scopes": ["invoices:read"]}).json()["secret"]
    headers = {"Authorization": f"Bearer {reader}"}
    r = api.client.post(f"/v1/invoices/{invoice['id']}/remind", json={}, headers=headers)
    assert r.status_code == 403 and r.json()["error"]["code"] == "insufficient_scope"
    listed = api.client.get(f"/v1/invoices/{invoice['id']}/reminders", headers=headers)
    assert listed.status_code == 200 and listed.json()["data"] == []


def test_reminders_list_is_a_cursor_list_newest_first(api: Api) -> None:
    invoice = issue_due(api, days_ago(5))
    made = [_remind(api, invoice, {}).json()["id"] for _ in range(3)]
    path = f"/v1/invoices/{invoice['id']}/reminders"
    first = api.get(path, params={"limit": 2}).json()
    assert [r["id"] for r in first["data"]] == made[::-1][:2] and first["has_more"] is True
    rest = api.get(path, params={"limit": 2, "starting_after": made[1]}).json()
    assert [r["id"] for r in rest["data"]] == [made[0]] and rest["has_more"] is False
    r = api.get(path, params={"step": 1})
    assert r.status_code == 400 and r.json()["error"]["param"] == "step"


def test_reminder_settings_are_checked_and_shown(api: Api) -> None:
    company = api.get("/v1/company").json()
    assert company["reminders"] == {"enabled": False, "days": [1, 7, 15]}
    r = api.patch("/v1/company", {"reminders": {"days": [15, -3, 1]}})
    assert r.status_code == 200 and r.json()["reminders"] == {"enabled": False, "days": [-3, 1, 15]}
    r = api.patch("/v1/company", {"reminders": {"enabled": True}})
    assert r.json()["reminders"] == {"enabled": True, "days": [-3, 1, 15]}
    bad = {
        "reminders.days": [{"days": [1, 1]}, {"days": []}, {"days": None},
                           {"days": list(range(11))}],
        "reminders.days.0": [{"days": [366]}, {"days": [-31]}, {"days": ["uno"]}],
        "reminders.enabled": [{"enabled": None}],
    }  # fmt: skip
    for param, bodies in bad.items():
        for body in bodies:
            r = api.patch("/v1/company", {"reminders": body})
            assert r.status_code == 422, (body, r.text)
            assert r.json()["error"]["param"] == param, (body, r.json())
    assert api.get("/v1/company").json()["reminders"] == {"enabled": True, "days": [-3, 1, 15]}

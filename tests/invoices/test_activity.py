"""GET /v1/invoices/{id}/activity: what happened to an invoice, in order, from what the
database keeps: its email over real SMTP, its payments, its record as the AEAT sandbox
answered it."""

from datetime import timedelta
from typing import Any
from uuid import uuid4

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import update

from talonario.kit.clock import utcnow
from talonario.models import WebhookEvent
from talonario.runtime import Runtime
from talonario.webhooks.feed import purge_expired_events
from tests.conftest import Api
from tests.fixtures.factories import create_company, invoice_body, unique_nif
from tests.fixtures.remission import remit_until_answered
from tests.fixtures.smtp import CREDENTIALS, Inbox, drain, settings_for
from tests.invoices.dunning import announce, days_ago, enable_reminders, issue_due, quiet_after
from tests.invoices.dunning import remind as run_reminders

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")

# This module's own address: the worker's email pass also sends other modules' invoices, whose
# numbers look alike, to the SMTP server a test starts.
ADDRESS = f"cliente-{uuid4().hex[:12]}@ejemplo.es"
CLIENT = {"name": "Cliente Ejemplo SL", "nif": "B65410011", "email": ADDRESS}


def received(inbox: Inbox, number: str, address: str) -> int:
    """How many emails about invoice `number` reached `address`."""
    return sum(to == [address] for to, _ in inbox.about(number))


def send_email(api: Api, runtime: Runtime, controller: Controller, invoice_id: str) -> None:
    assert api.post(f"/v1/invoices/{invoice_id}/send", {}).status_code == 202
    drain(runtime, settings_for(runtime, f"smtp://{CREDENTIALS}@127.0.0.1:{controller.port}"))


def activity(api: Api, ref: str) -> list[dict[str, Any]]:
    r = api.get(f"/v1/invoices/{ref}/activity")
    assert r.status_code == 200, r.text
    assert r.json()["object"] == "invoice_activity"
    return r.json()["data"]  # type: ignore[no-any-return]


def test_an_invoice_issued_emailed_paid_and_accepted_in_order(
    app_client: Any, runtime: Runtime, smtp: tuple[Inbox, Controller]
) -> None:
    # A NIF of its own: AEAT's answer to F2026-00001 of a NIF another test already sent
    # would be a duplicate's, without a CSV.
    company_id, key = create_company(runtime.db, nif=unique_nif())
    api = Api(app_client, company_id, key)
    inbox, controller = smtp
    created = api.post("/v1/invoices", invoice_body(client=CLIENT, external_id="pedido-9"))
    invoice = api.post(f"/v1/invoices/{created.json()['id']}/issue").json()
    send_email(api, runtime, controller, invoice["id"])
    assert received(inbox, invoice["number"], ADDRESS) == 1
    payments = [{"amount": "100.00", "method": "transfer"}, {"amount": "286.73", "method": "card"}]
    for payment in payments:
        assert api.post(f"/v1/invoices/{invoice['id']}/payments", payment).status_code == 201
    remit_until_answered(runtime, app_client, api.company_id)
    api.post(f"/v1/invoices/{invoice['id']}/public-link", {"enabled": True})

    entries = activity(api, "pedido-9")  # by external_id, as every invoice path
    assert [e["type"] for e in entries] == [
        "invoice.created",
        "invoice.issued",
        "record.generated",
        "email.sent",
        "payment.received",
        "payment.received",
        "invoice.paid",
        "record.submitted",
        "record.accepted",
        "public_link.created",
    ]
    _, issued, generated, sent, first, second, paid, submitted, accepted, link = entries
    assert (issued["number"], issued["issued_on"]) == (invoice["number"], invoice["issued_on"])
    assert sent["to"] == [ADDRESS] and sent["error"] is None
    assert (first["amount"], first["method"], second["amount"]) == (100.00, "transfer", 286.73)
    assert paid["paid_amount"] == 386.73
    records = api.get(f"/v1/invoices/{invoice['id']}/verifactu").json()["data"]
    assert generated["record"] == submitted["record"] == accepted["record"] == records[0]["id"]
    assert accepted["aeat"]["csv"] and accepted["kind"] == "alta"
    assert link["enabled"] is True
    # Moments as the invoice shows them.
    shown = api.get(f"/v1/invoices/{invoice['id']}").json()
    assert (sent["at"], paid["at"]) == (shown["sent_at"], shown["paid_at"])
    assert entries[0]["at"] == shown["created_at"]


def test_amounts_are_exact_decimals(api: Api) -> None:
    invoice = api.post("/v1/invoices", invoice_body(issue=True)).json()
    api.post(f"/v1/invoices/{invoice['id']}/payments", {"amount": "86.70"})
    text = api.get(f"/v1/invoices/{invoice['id']}/activity").text
    assert '"amount":86.70' in text


def test_a_refused_email_and_a_void_show_why(
    api: Api, runtime: Runtime, smtp: tuple[Inbox, Controller]
) -> None:
    inbox, controller = smtp
    inbox.refuse = "550 5.1.1 No such user"
    invoice = api.post("/v1/invoices", invoice_body(client=CLIENT, issue=True)).json()
    send_email(api, runtime, controller, invoice["id"])
    api.post(f"/v1/invoices/{invoice['id']}/void", {"reason": "Emitida por error"})

    entries = activity(api, invoice["id"])
    assert [(e["type"], e.get("kind")) for e in entries] == [
        ("invoice.created", None),
        ("invoice.issued", None),
        ("record.generated", "alta"),
        ("email.failed", "invoice"),
        ("invoice.voided", None),
        ("record.generated", "anulacion"),
    ]
    assert "550" in entries[3]["error"]
    assert entries[4]["reason"] == "Emitida por error"


@pytest.mark.usefixtures(quiet_after.__name__)
def test_an_overdue_invoice_s_reminders_sent_and_skipped(
    api: Api, runtime: Runtime, smtp: tuple[Inbox, Controller]
) -> None:
    inbox, controller = smtp
    enable_reminders(api, [1])
    invoice = issue_due(api, days_ago(10), client={"name": "Sin Correo SL", "nif": "B65410011"})
    announce(runtime)
    run_reminders(runtime, days_ago(0))  # the client has no email: step 1 is skipped
    treasury = f"tesoreria-{uuid4().hex[:12]}@cliente.es"
    remind = {"to": [treasury]}
    assert api.post(f"/v1/invoices/{invoice['id']}/remind", remind).status_code == 202
    drain(runtime, settings_for(runtime, f"smtp://{CREDENTIALS}@127.0.0.1:{controller.port}"))
    assert received(inbox, invoice["number"], treasury) == 1

    entries = activity(api, invoice["id"])
    assert [(e["type"], e.get("kind")) for e in entries] == [
        ("invoice.created", None),
        ("invoice.issued", None),
        ("record.generated", "alta"),
        ("invoice.overdue", None),
        ("reminder.skipped", None),
        ("email.sent", "reminder"),
    ]
    _, _, _, overdue, skipped, sent = entries
    assert overdue["due_on"] == invoice["due_on"]
    assert (skipped["step"], skipped["reason"]) == (1, "no_email")
    (manual, scheduled) = api.get(f"/v1/invoices/{invoice['id']}/reminders").json()["data"]
    assert skipped["reminder"] == scheduled["id"] and manual["status"] == "sent"
    assert sent["to"] == [treasury]


def test_a_draft_was_only_created(api: Api) -> None:
    draft = api.post("/v1/invoices", invoice_body()).json()
    assert [e["type"] for e in activity(api, draft["id"])] == ["invoice.created"]


def test_the_activity_outlives_the_events_feed(api: Api, runtime: Runtime) -> None:
    invoice = api.post("/v1/invoices", invoice_body(issue=True)).json()
    api.post(f"/v1/invoices/{invoice['id']}/payments", {"amount": "386.73"})
    before = activity(api, invoice["id"])
    with runtime.db.write_session() as session:
        session.execute(
            update(WebhookEvent)
            .where(WebhookEvent.company_id == api.company_id)
            .values(created_at=utcnow() - timedelta(days=40))
        )
        session.commit()
    while purge_expired_events(runtime.db, runtime.settings):
        pass
    assert api.get("/v1/events").json()["data"] == []
    assert activity(api, invoice["id"]) == before


def test_another_company_s_invoice_is_not_found(api: Api, other_api: Api) -> None:
    invoice = api.post("/v1/invoices", invoice_body(issue=True)).json()
    r = other_api.get(f"/v1/invoices/{invoice['id']}/activity")
    assert r.status_code == 404

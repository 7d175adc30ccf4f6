"""A quote by email: POST /v1/quotes/{id}/send with `email` queues it with the move, the
worker's mail pass sends it to a real SMTP server with the quote's PDF, and the quote shows the
delivery."""

import datetime as dt
from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
from aiosmtpd.controller import Controller

import talonario.worker  # noqa: F401  the worker's process: it registers the quote's email
from talonario.runtime import Runtime
from tests.conftest import Api
from tests.documents.helpers import pdf_text
from tests.fixtures.smtp import CREDENTIALS, Inbox, drain, settings_for
from tests.quotes.helpers import create, move

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")


def address(who: str = "cliente") -> str:
    """An address of this test's own: the mail pass also sends other tests' emails."""
    return f"{who}-{uuid4().hex[:12]}@ejemplo.es"


def client_with(email: str) -> dict[str, Any]:
    return {"name": "Cliente Ejemplo SL", "nif": "B65410011", "email": email}


def send(api: Api, quote: dict[str, Any], body: Any) -> Any:
    return api.post(f"/v1/quotes/{quote['id']}/send", body)


def deliver(runtime: Runtime, controller: Controller) -> None:
    drain(runtime, settings_for(runtime, f"smtp://{CREDENTIALS}@127.0.0.1:{controller.port}"))


def received_by(inbox: Inbox, to: str) -> list[Any]:
    return [msg for rcpt, msg in inbox.messages if to in rcpt]


def test_a_quote_sent_with_email_reaches_its_client_with_its_pdf(
    api: Api, runtime: Runtime, smtp: tuple[Inbox, Controller], tmp_path: Path
) -> None:
    inbox, controller = smtp
    to = address()
    quote = create(api, client=client_with(to), valid_until="2027-01-31", issued_on="2026-12-01")
    r = send(api, quote, {"email": {}})
    assert r.status_code == 200, r.text
    sent = r.json()
    assert sent["status"] == "sent"
    assert (sent["email"]["status"], sent["email"]["to"]) == ("pending", [to])

    deliver(runtime, controller)
    (msg,) = received_by(inbox, to)
    assert msg["Subject"] == f"Presupuesto {quote['number']} de Test Company SL"
    text = msg.get_body(preferencelist=("plain",)).get_content()
    assert f"Le enviamos el presupuesto {quote['number']}" in text
    assert "Válido hasta: 31/01/2027" in text and "386,73 €" in text
    assert "Encontrará el presupuesto en PDF adjunto" in text
    (attachment,) = list(msg.iter_attachments())
    assert attachment.get_filename() == f"Presupuesto-{quote['number']}.pdf"
    pdf = pdf_text(attachment.get_content(), tmp_path)
    assert "PRESUPUESTO" in pdf and quote["number"] in pdf and "386,73" in pdf

    shown = api.get(f"/v1/quotes/{quote['id']}").json()
    assert shown["email"]["status"] == "sent" and shown["email"]["attempts"] == 1
    listed = api.get("/v1/quotes").json()["data"]
    assert [q["email"]["status"] if q["email"] else None for q in listed] == ["sent"]
    # The quote.sent event carries the email as queued.
    (event,) = api.get("/v1/events", params={"type": "quote.sent"}).json()["data"]
    assert event["data"]["email"]["status"] == "pending"


def test_a_proforma_says_it_is_no_invoice(
    api: Api, runtime: Runtime, smtp: tuple[Inbox, Controller]
) -> None:
    inbox, controller = smtp
    to = address()
    proforma = create(api, kind="proforma", client=client_with(to))
    assert send(api, proforma, {"email": {}}).status_code == 200
    deliver(runtime, controller)
    (msg,) = received_by(inbox, to)
    assert msg["Subject"] == f"Factura proforma {proforma['number']} de Test Company SL"
    text = msg.get_body(preferencelist=("plain",)).get_content()
    assert "Una factura proforma no es una factura." in text
    assert "Encontrará la factura proforma en PDF adjunta" in text


def test_recipients_subject_message_and_the_public_link_are_the_caller_s(
    api: Api, runtime: Runtime, smtp: tuple[Inbox, Controller]
) -> None:
    inbox, controller = smtp
    quote = create(api)  # a client without email: `to` is enough
    link = api.post(f"/v1/quotes/{quote['id']}/public-link", {"enabled": True}).json()
    to, cc = address("compras"), address("gestoria")
    body = {"to": [to], "cc": cc, "subject": "Nuestra oferta", "message": "Como hablamos."}
    r = send(api, quote, {"email": body})
    assert r.status_code == 200, r.text
    assert (r.json()["email"]["to"], r.json()["email"]["cc"]) == ([to], [cc])
    deliver(runtime, controller)
    (msg,) = received_by(inbox, to)
    assert msg["Subject"] == "Nuestra oferta" and msg["Cc"] == cc
    text = msg.get_body(preferencelist=("plain",)).get_content()
    assert "Como hablamos." in text
    assert f"También puede consultarlo en línea: {link['public_link']['url']}" in text


def test_without_an_address_nothing_moves(api: Api) -> None:
    quote = create(api)
    r = send(api, quote, {"email": {}})
    assert r.status_code == 422, r.text
    assert (r.json()["error"]["param"], r.json()["error"]["code"]) == (
        "email.to",
        "email_recipient_required",
    )
    shown = api.get(f"/v1/quotes/{quote['id']}").json()
    assert (shown["status"], shown["email"]) == ("draft", None)
    assert api.get("/v1/events", params={"type": "quote.sent"}).json()["data"] == []


@pytest.mark.parametrize(
    ("email", "param"),
    [
        ({"to": "no-es-un-correo"}, "email.to"),
        ({"to": "a@ejemplo.es", "subject": "Oferta\r\nBcc: otro@ejemplo.es"}, "email.subject"),
        ({"to": "a@ejemplo.es", "message": ""}, "email.message"),
    ],
)
def test_bad_email_fields_are_named(api: Api, email: dict[str, Any], param: str) -> None:
    quote = create(api)
    r = send(api, quote, {"email": email})
    assert r.status_code == 422, r.text
    assert r.json()["error"]["param"] == param
    assert api.get(f"/v1/quotes/{quote['id']}").json()["status"] == "draft"


def test_a_send_without_email_only_marks_it_sent(api: Api) -> None:
    quote = create(api, client=client_with(address()))
    assert move(api, quote, "send")["email"] is None
    assert send(api, move(api, create(api), "send"), {"email": {}}).status_code == 409


def test_an_email_sent_once_stays_the_latest_through_later_moves(
    api: Api, runtime: Runtime, smtp: tuple[Inbox, Controller]
) -> None:
    _, controller = smtp
    quote = create(api, client=client_with(address()))
    send(api, quote, {"email": {}})
    deliver(runtime, controller)
    accepted = move(api, quote, "accept")
    assert accepted["status"] == "accepted" and accepted["email"]["status"] == "sent"
    assert dt.datetime.fromisoformat(accepted["email"]["sent_at"]) <= dt.datetime.fromisoformat(
        accepted["accepted_at"]
    )

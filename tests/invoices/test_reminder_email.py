"""A payment reminder as its recipient gets it, from a real SMTP server (aiosmtpd): a payment
reminder naming number, due date and pending amount, the invoice's PDF attached; and none at
all when the invoice is paid before it goes out."""

from datetime import date
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from talonario.documents import formatting as fmt
from talonario.runtime import Runtime
from tests.conftest import Api
from tests.fixtures.smtp import CREDENTIALS, Inbox, drain, settings_for
from tests.invoices.dunning import (
    CLIENT,
    days_ago,
    enable_reminders,
    events_of,
    issue_due,
    quiet_after,
    remind,
    reminders_of,
    subscribe,
)

pytestmark = [
    pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS"),
    pytest.mark.usefixtures(quiet_after.__name__),
]


def _send(runtime: Runtime, controller: Controller) -> None:
    drain(runtime, settings_for(runtime, f"smtp://{CREDENTIALS}@127.0.0.1:{controller.port}"))


def _issue(api: Api, due: date) -> tuple[dict[str, Any], str]:
    """An invoice due on `due` to an address of this test's own: the worker sends every
    company's due emails, and other tests' invoices carry the same numbers."""
    address = f"pagos-{api.company_id[-12:]}@cliente.es"
    return issue_due(api, due, client=CLIENT | {"email": address}), address


def _received(inbox: Inbox, address: str) -> list[EmailMessage]:
    return [msg for rcpt, msg in inbox.messages if rcpt == [address]]


def _text(msg: EmailMessage) -> str:
    body = msg.get_body(preferencelist=("plain",))
    assert body is not None
    return body.get_content().replace("\u00a0", " ")  # type: ignore[no-any-return]


def test_a_reminder_arrives_as_a_payment_reminder_with_the_pdf(
    api: Api, runtime: Runtime, smtp: tuple[Inbox, Controller]
) -> None:
    inbox, controller = smtp
    subscribe(runtime, api.company_id, ["invoice.sent"])
    due = days_ago(12)
    invoice, address = _issue(api, due)
    api.post(f"/v1/invoices/{invoice['id']}/payments", {"amount": "86.73"})
    assert api.post(f"/v1/invoices/{invoice['id']}/remind", {}).status_code == 202
    _send(runtime, controller)

    (msg,) = _received(inbox, address)
    assert msg["To"] == address
    assert msg["Subject"] == f"Recordatorio de pago: factura {invoice['number']} de Test Company SL"
    text = _text(msg)
    assert f"venció el {fmt.long_day(due)} y sigue pendiente de pago" in text
    assert "Pendiente de pago: 300,00 €" in text and "Pagado: 86,73 €" in text
    assert f"Vencimiento: {due:%d/%m/%Y}" in text
    assert "Si ya ha realizado el pago" in text
    html = msg.get_body(preferencelist=("html",))
    assert html is not None and "Recordatorio de pago" in html.get_content()
    (attachment,) = list(msg.iter_attachments())
    assert attachment.get_filename() == f"Factura-{invoice['number']}.pdf"
    assert attachment.get_content() == api.get(f"/v1/invoices/{invoice['id']}/pdf").content

    (reminder,) = reminders_of(api, invoice)
    assert reminder["status"] == "sent" and reminder["email"]["sent_at"] is not None
    # The invoice was not sent again: no sent_at, no invoice.sent.
    assert api.get(f"/v1/invoices/{invoice['id']}").json()["sent_at"] is None
    assert events_of(runtime, api.company_id, "invoice.sent") == []


def test_a_scheduled_reminder_before_the_due_date_says_when_it_falls_due(
    api: Api, runtime: Runtime, smtp: tuple[Inbox, Controller]
) -> None:
    inbox, controller = smtp
    enable_reminders(api, [-3])
    due = days_ago(-3)
    invoice, address = _issue(api, due)
    remind(runtime, days_ago(0))
    _send(runtime, controller)
    (msg,) = _received(inbox, address)
    assert msg["Subject"].startswith(f"Recordatorio de pago: factura {invoice['number']}")
    assert f"vence el {fmt.long_day(due)}." in _text(msg)
    assert "Pendiente de pago: 386,73 €" in _text(msg)
    assert [r["status"] for r in reminders_of(api, invoice)] == ["sent"]


def test_a_reminder_of_an_invoice_paid_before_it_went_out_is_cancelled(
    api: Api, runtime: Runtime, smtp: tuple[Inbox, Controller]
) -> None:
    inbox, controller = smtp
    invoice, address = _issue(api, days_ago(5))
    api.post(f"/v1/invoices/{invoice['id']}/remind", {})
    api.post(f"/v1/invoices/{invoice['id']}/payments", {"amount": "386.73"})
    _send(runtime, controller)
    assert _received(inbox, address) == []
    (reminder,) = reminders_of(api, invoice)
    assert reminder["status"] == "cancelled"
    assert "paid" in reminder["email"]["last_error"]

"""POST /v1/invoices/{id}/send and the worker's send_due_emails(), against a real SMTP server
(aiosmtpd) on a loopback port: the message is read back as the recipient would get it."""

import ssl
import subprocess
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from talonario.documents.mailer import MAX_ATTEMPTS, SmtpConfig
from talonario.kit.clock import utcnow
from talonario.models import WebhookEndpoint, WebhookEvent
from talonario.runtime import Runtime
from tests.conftest import Api
from tests.documents.helpers import draft, issue, require_tool
from tests.fixtures.servers import free_port
from tests.fixtures.smtp import CREDENTIALS, PASSWORD, USER, Inbox, drain, settings_for, start_smtp

# Plain-text AUTH is what the non-TLS tests mean to exercise (the TLS ones require TLS).
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")

CLIENT = {"name": "Cliente Ejemplo SL", "nif": "B65410011", "email": "cliente@ejemplo.es"}


def test_send_delivers_the_pdf_to_the_client_over_smtp(
    api: Api, runtime: Runtime, smtp: tuple[Inbox, Controller]
) -> None:
    inbox, controller = smtp
    invoice = issue(api, client=CLIENT)
    r = api.post(f"/v1/invoices/{invoice['id']}/send", {})
    assert r.status_code == 202, r.text
    queued = r.json()
    assert queued["email"]["status"] == "pending"
    assert queued["email"]["to"] == ["cliente@ejemplo.es"]
    assert queued["sent_at"] is None

    url = f"smtp://{CREDENTIALS}@127.0.0.1:{controller.port}"
    drain(runtime, settings_for(runtime, url))

    ((rcpt, msg),) = inbox.about(invoice["number"])
    assert rcpt == ["cliente@ejemplo.es"]
    assert (USER, PASSWORD) in inbox.logins  # URL-decoded credentials
    assert msg["To"] == "cliente@ejemplo.es"
    assert msg["Subject"] == f"Factura {invoice['number']} de Test Company SL"
    assert "Test Company SL" in msg["From"]
    text = msg.get_body(preferencelist=("plain",))
    html = msg.get_body(preferencelist=("html",))
    assert text is not None and html is not None
    assert invoice["number"] in text.get_content()
    assert "386,73 €" in text.get_content()
    assert "Hola, Cliente Ejemplo SL:" in text.get_content()
    assert '<html lang="es">' in html.get_content() and invoice["number"] in html.get_content()
    (attachment,) = list(msg.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename() == f"Factura-{invoice['number']}.pdf"
    assert attachment.get_content() == api.get(f"/v1/invoices/{invoice['id']}/pdf").content

    after = api.get(f"/v1/invoices/{invoice['id']}").json()
    assert after["sent_at"] is not None
    assert after["email"]["status"] == "sent"
    assert after["email"]["attempts"] == 1 and after["email"]["last_error"] is None


def test_to_cc_subject_and_message_are_overridable(
    api: Api, runtime: Runtime, smtp: tuple[Inbox, Controller]
) -> None:
    inbox, controller = smtp
    invoice = issue(api)
    share = api.post(f"/v1/invoices/{invoice['id']}/public-link", {"enabled": True}).json()
    body = {
        "to": ["pagos@cliente.es", "admin@cliente.es"],
        "cc": "gestoria@asesores.es",
        "subject": f"Su factura {invoice['number']} de noviembre",
        "message": "Gracias por su pedido.\n\nLe recordamos nuestro IBAN.",
    }
    assert api.post(f"/v1/invoices/{invoice['id']}/send", body).status_code == 202
    drain(runtime, settings_for(runtime, f"smtp://{CREDENTIALS}@127.0.0.1:{controller.port}"))
    ((rcpt, msg),) = inbox.about(invoice["number"])
    assert sorted(rcpt) == ["admin@cliente.es", "gestoria@asesores.es", "pagos@cliente.es"]
    assert msg["Subject"] == body["subject"]
    assert msg["Cc"] == "gestoria@asesores.es"
    text = msg.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
    assert "Gracias por su pedido." in text and "Le recordamos nuestro IBAN." in text
    assert share["public_link"]["url"] in text


def test_send_needs_an_issued_invoice_and_a_recipient(api: Api) -> None:
    r = api.post(f"/v1/invoices/{draft(api, client=CLIENT)['id']}/send", {})
    assert r.status_code == 409 and r.json()["error"]["code"] == "invoice_not_issued"
    no_email = issue(api)
    r = api.post(f"/v1/invoices/{no_email['id']}/send", {})
    assert r.status_code == 422 and r.json()["error"]["param"] == "to"
    r = api.post(f"/v1/invoices/{no_email['id']}/send", {"to": "no es un email"})
    assert r.status_code == 422 and r.json()["error"]["param"].startswith("to")
    r = api.post(f"/v1/invoices/{no_email['id']}/send", {"to": "a@b.es", "subject": "x\nBcc: y"})
    assert r.status_code == 422 and r.json()["error"]["param"] == "subject"


def test_a_down_server_is_visible_on_the_invoice_and_retried(api: Api, runtime: Runtime) -> None:
    port = free_port()  # nothing listens here yet
    settings = settings_for(runtime, f"smtp://{CREDENTIALS}@127.0.0.1:{port}")
    invoice = issue(api, client=CLIENT)
    api.post(f"/v1/invoices/{invoice['id']}/send", {})
    drain(runtime, settings)
    failed = api.get(f"/v1/invoices/{invoice['id']}").json()
    assert failed["sent_at"] is None
    assert failed["email"]["status"] == "retrying"
    assert failed["email"]["attempts"] == 1
    assert "refused" in failed["email"]["last_error"].lower()
    assert failed["email"]["next_attempt_at"] > failed["email"]["last_attempt_at"]
    drain(runtime, settings)  # not due yet: no second attempt
    assert api.get(f"/v1/invoices/{invoice['id']}").json()["email"]["attempts"] == 1

    inbox = Inbox()
    controller = start_smtp(inbox, port=port)
    try:
        drain(runtime, settings, now=utcnow() + timedelta(minutes=2))
    finally:
        controller.stop()
    assert len(inbox.about(invoice["number"])) == 1
    sent = api.get(f"/v1/invoices/{invoice['id']}").json()
    assert sent["email"]["status"] == "sent" and sent["email"]["attempts"] == 2
    assert sent["sent_at"] is not None and sent["email"]["last_error"] is None


def test_a_refused_recipient_fails_for_good_and_a_dead_server_after_max_attempts(
    api: Api, runtime: Runtime, smtp: tuple[Inbox, Controller]
) -> None:
    inbox, controller = smtp
    inbox.refuse = "550 5.1.1 No such user"
    refused = issue(api, client=CLIENT)
    api.post(f"/v1/invoices/{refused['id']}/send", {})
    drain(runtime, settings_for(runtime, f"smtp://{CREDENTIALS}@127.0.0.1:{controller.port}"))
    email_state = api.get(f"/v1/invoices/{refused['id']}").json()["email"]
    assert email_state["status"] == "failed" and email_state["attempts"] == 1
    assert "550" in email_state["last_error"]

    down = settings_for(runtime, f"smtp://127.0.0.1:{free_port()}")
    invoice = issue(api, client=CLIENT)
    api.post(f"/v1/invoices/{invoice['id']}/send", {})
    now = utcnow()
    for _ in range(MAX_ATTEMPTS + 2):
        drain(runtime, down, now=now)
        now += timedelta(days=1)
    email_state = api.get(f"/v1/invoices/{invoice['id']}").json()["email"]
    assert email_state["status"] == "failed" and email_state["attempts"] == MAX_ATTEMPTS


def test_sent_emits_the_invoice_sent_webhook(
    api: Api, runtime: Runtime, smtp: tuple[Inbox, Controller]
) -> None:
    _, controller = smtp
    # Stored directly: the API would check that the URL resolves, and this machine has no DNS.
    with runtime.db.write_session() as s:
        s.add(
            WebhookEndpoint(
                company_id=api.company_id,
                url="https://hooks.ejemplo.es/t",
                events=["invoice.sent"],
                secret="whsec_test",
                enabled=True,
            )
        )
        s.commit()  # fmt: skip
    invoice = issue(api, client=CLIENT)
    api.post(f"/v1/invoices/{invoice['id']}/send", {})
    drain(runtime, settings_for(runtime, f"smtp://{CREDENTIALS}@127.0.0.1:{controller.port}"))
    with runtime.db.read_session() as s:
        events = s.query(WebhookEvent).filter_by(company_id=api.company_id).all()
    sent = [e for e in events if e.type == "invoice.sent"]
    assert len(sent) == 1 and invoice["id"] in sent[0].body


def test_two_workers_never_send_the_same_email_twice(
    api: Api, runtime: Runtime, smtp: tuple[Inbox, Controller]
) -> None:
    inbox, controller = smtp
    settings = settings_for(runtime, f"smtp://{CREDENTIALS}@127.0.0.1:{controller.port}")
    invoices = [issue(api, client=CLIENT) for _ in range(6)]
    for invoice in invoices:
        api.post(f"/v1/invoices/{invoice['id']}/send", {})
    workers = [threading.Thread(target=drain, args=(runtime, settings)) for _ in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=120)
    for invoice in invoices:
        assert len(inbox.about(invoice["number"])) == 1


# --- TLS ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1, trusted by the client through ?cafile=."""
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [require_tool("openssl"), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    return cert, key


@pytest.mark.parametrize("mode", ["starttls", "smtps"])
def test_tls_modes_deliver_with_authentication(
    api: Api, runtime: Runtime, certificate: tuple[Path, Path], mode: str
) -> None:
    cert, key = certificate
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    inbox = Inbox()
    if mode == "starttls":
        # The server accepts AUTH only after STARTTLS: logging in proves the upgrade happened.
        controller = start_smtp(
            inbox, tls_context=context, require_starttls=True, auth_require_tls=True
        )
        url = f"smtp://{CREDENTIALS}@127.0.0.1:{controller.port}?starttls=true&cafile={cert}"
    else:
        controller = start_smtp(inbox, ssl_context=context, server_hostname="127.0.0.1")
        url = f"smtps://{CREDENTIALS}@127.0.0.1:{controller.port}?cafile={cert}"
    try:
        invoice = issue(api, client=CLIENT)
        api.post(f"/v1/invoices/{invoice['id']}/send", {})
        drain(runtime, settings_for(runtime, url))
    finally:
        controller.stop()
    assert len(inbox.about(invoice["number"])) == 1
    assert inbox.logins == [(USER, PASSWORD)]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("smtp://mail.ejemplo.es", ("mail.ejemplo.es", 25, False, False, None, None)),
        ("smtp://u:p@mail.ejemplo.es:587", ("mail.ejemplo.es", 587, False, True, "u", "p")),
        ("smtp://mail.ejemplo.es:587?starttls=false", ("mail.ejemplo.es", 587, False, False,
                                                        None, None)),
        ("smtp://mail.ejemplo.es:2525?starttls=true", ("mail.ejemplo.es", 2525, False, True,
                                                        None, None)),
        ("smtps://a%40b.es:p%2Fq%3Ar@mail.ejemplo.es", ("mail.ejemplo.es", 465, True, False,
                                                         "a@b.es", "p/q:r")),
    ],
)  # fmt: skip
def test_smtp_url_settings(url: str, expected: tuple[object, ...]) -> None:
    config = SmtpConfig.from_url(url)
    assert (
        config.host, config.port, config.implicit_tls, config.starttls, config.username,
        config.password,
    ) == expected  # fmt: skip

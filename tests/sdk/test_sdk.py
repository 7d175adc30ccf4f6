"""The Python SDK (sdk/python, `talonario-client`) as an integrator uses it: against a real
`talonario serve` process, over HTTP, with exact decimals from end to end."""

import time
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from uuid import uuid4

import pytest
from talonario_client import AuthenticatedClient
from talonario_client.api.events import list_events
from talonario_client.api.invoices import (
    create_invoice,
    get_invoice,
    invoice_activity,
    invoice_pdf,
    list_invoices,
)
from talonario_client.api.payments import create_payment
from talonario_client.api.quotes import create_quote, get_quote, send_quote
from talonario_client.models import (
    Address,
    ClientInline,
    ErrorOut,
    InvoiceActivityOut,
    InvoiceCreate,
    InvoiceOut,
    LineIn,
    ListOfWebhookEventOut,
    PaymentCreate,
    PaymentOut,
    QuoteCreate,
    QuoteEmailIn,
    QuoteOut,
    QuoteSendIn,
    TaxIn,
)
from talonario_client.types import UNSET

from tests.documents.helpers import pdf_text
from tests.sdk.conftest import Company, Talonario

pytestmark = pytest.mark.xdist_group("servers")

RECIPIENT = ClientInline(
    name="Cliente Ejemplo SL",
    nif="B65410011",
    address=Address(street="Avenida Diagonal 100", postal_code="08019", city="Barcelona"),
)
# The walkthrough's invoice: 326.00 + 60.73 = 386.73.
LINES = [
    LineIn(
        description="Consultoría",
        quantity=Decimal("3"),
        unit_price=Decimal("100.00"),
        discount_percent=Decimal("10"),
        tax=TaxIn(rate=Decimal("21")),
    ),
    LineIn(description="Material", unit_price=Decimal("10.50"), tax=TaxIn(rate=Decimal("21"))),
    LineIn(
        description="Libros",
        quantity=Decimal("2"),
        unit_price=Decimal("22.75"),
        tax=TaxIn(rate=Decimal("4")),
    ),
]


@pytest.fixture
def client(company: Company) -> Iterator[AuthenticatedClient]:
    with AuthenticatedClient(
        base_url=company.url, token=company.key, raise_on_unexpected_status=True
    ) as client:
        yield client


def issue(client: AuthenticatedClient, **fields: object) -> InvoiceOut:
    body = InvoiceCreate(issue=True, client=RECIPIENT, lines=LINES)
    for name, value in fields.items():
        setattr(body, name, value)
    invoice = create_invoice.sync(client=client, body=body)
    assert isinstance(invoice, InvoiceOut), invoice
    return invoice


def accepted(client: AuthenticatedClient, invoice_id: str, limit: float = 60.0) -> InvoiceOut:
    """The invoice once the server's worker has remitted its record and the sandbox answered."""
    deadline = time.monotonic() + limit
    while True:
        invoice = get_invoice.sync(invoice_id, client=client)
        assert isinstance(invoice, InvoiceOut) and invoice.verifactu is not None
        if invoice.verifactu.status not in ("pending", "submitted") or time.monotonic() > deadline:
            return invoice
        time.sleep(0.2)


def test_the_sdk_issues_pays_and_downloads_the_pdf_of_an_invoice(
    client: AuthenticatedClient, tmp_path: Path
) -> None:
    invoice = issue(client, external_id="order-1001")
    assert invoice.status == "issued" and invoice.number is not None
    assert (invoice.subtotal, invoice.taxes_total, invoice.total) == (
        Decimal("326.00"),
        Decimal("60.73"),
        Decimal("386.73"),
    )

    payment = create_payment.sync(
        "order-1001", client=client, body=PaymentCreate(amount=invoice.total, method="transfer")
    )
    assert isinstance(payment, PaymentOut) and payment.amount == Decimal("386.73")
    paid = get_invoice.sync(invoice.id, client=client)
    assert isinstance(paid, InvoiceOut)
    assert paid.status == "paid" and paid.pending_amount == Decimal("0.00")

    pdf = invoice_pdf.sync_detailed(invoice.id, client=client)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    text = pdf_text(pdf.content, tmp_path)
    assert invoice.number in text and "386,73" in text

    remitted = accepted(client, invoice.id)
    assert remitted.verifactu is not None and remitted.verifactu.status == "accepted"
    assert remitted.verifactu.csv


def test_amounts_are_decimals_that_come_back_to_the_cent(client: AuthenticatedClient) -> None:
    tenths = [
        LineIn(description="A", unit_price=Decimal("0.10"), tax=TaxIn(rate=Decimal("21"))),
        LineIn(description="B", unit_price="0.20", tax=TaxIn(rate=Decimal("21"))),
    ]
    invoice = issue(client, lines=tenths)
    # As floats these would be 0.1, 0.2 and 0.30000000000000004 (or 0.3, its places lost).
    assert [line.unit_price for line in invoice.lines] == [Decimal("0.1"), Decimal("0.2")]
    assert type(invoice.subtotal) is Decimal and str(invoice.subtotal) == "0.30"
    assert str(invoice.taxes_total) == "0.06" and str(invoice.total) == "0.36"

    paid = Decimal("0.1") + Decimal("0.2")
    payment = create_payment.sync(invoice.id, client=client, body=PaymentCreate(amount=paid))
    assert isinstance(payment, PaymentOut) and str(payment.amount) == "0.30"
    after = get_invoice.sync(invoice.id, client=client)
    assert isinstance(after, InvoiceOut)
    assert after.status == "partially_paid" and str(after.pending_amount) == "0.06"


def test_lists_filter_and_follow_the_cursor(client: AuthenticatedClient) -> None:
    made = [issue(client, external_id=f"list-{n}") for n in range(3)]
    create_payment.sync(made[1].id, client=client, body=PaymentCreate(amount=made[1].total))

    paid = list_invoices.sync(client=client, status="paid")
    assert [invoice.id for invoice in paid.data] == [made[1].id] and paid.has_more is False

    seen, after = [], UNSET
    while True:
        page = list_invoices.sync(client=client, limit=1, starting_after=after)
        seen += [invoice.id for invoice in page.data]
        if not page.has_more:
            break
        after = page.data[-1].id
    assert seen == [invoice.id for invoice in reversed(made)]  # newest first

    today = made[0].issued_on
    assert today is not None
    assert len(list_invoices.sync(client=client, issued_on_gte=today).data) == 3
    tomorrow = today + timedelta(days=1)
    assert list_invoices.sync(client=client, issued_on_gte=tomorrow).data == []


def test_a_refused_request_answers_the_error_naming_the_field(
    client: AuthenticatedClient,
) -> None:
    bad = InvoiceCreate(
        client=RECIPIENT, lines=[LineIn(description="x", unit_price="", tax=TaxIn(rate=21))]
    )
    answer = create_invoice.sync_detailed(client=client, body=bad)
    assert answer.status_code == 422 and isinstance(answer.parsed, ErrorOut)
    error = answer.parsed.error
    assert error.code == "invalid_parameter" and error.param == "lines.0.unit_price"
    assert error.request_id == answer.headers["x-request-id"]

    missing = get_invoice.sync("no-such-invoice", client=client)
    assert isinstance(missing, ErrorOut) and missing.error.type_ == "not_found_error"


def test_an_idempotency_key_sent_twice_makes_one_invoice(client: AuthenticatedClient) -> None:
    body = InvoiceCreate(issue=True, client=RECIPIENT, lines=LINES, external_id="order-2002")
    first = create_invoice.sync_detailed(client=client, body=body, idempotency_key="order-2002")
    again = create_invoice.sync_detailed(client=client, body=body, idempotency_key="order-2002")
    assert first.status_code == again.status_code == 201
    assert isinstance(first.parsed, InvoiceOut) and isinstance(again.parsed, InvoiceOut)
    assert again.parsed.id == first.parsed.id and again.parsed.number == first.parsed.number
    assert again.headers["idempotent-replayed"] == "true"
    assert len(list_invoices.sync(client=client, external_id="order-2002").data) == 1

    body.notes = "another body under the same key"
    clash = create_invoice.sync(client=client, body=body, idempotency_key="order-2002")
    assert isinstance(clash, ErrorOut) and clash.error.type_ == "idempotency_error"
    # The key travelled with those calls only, not with the client's later requests.
    other = create_invoice.sync(client=client, body=InvoiceCreate(client=RECIPIENT, lines=LINES))
    assert isinstance(other, InvoiceOut) and other.id != first.parsed.id


def test_the_events_feed_and_an_invoice_s_activity_through_the_sdk(
    client: AuthenticatedClient,
) -> None:
    invoice = issue(client)
    create_payment.sync(invoice.id, client=client, body=PaymentCreate(amount=Decimal("86.73")))
    create_payment.sync(invoice.id, client=client, body=PaymentCreate(amount=Decimal("300.00")))

    page = list_events.sync(client=client, type_=["invoice.*"], invoice=invoice.id)
    assert isinstance(page, ListOfWebhookEventOut)
    assert [e.type_ for e in page.data] == ["invoice.paid", "invoice.issued"]
    assert page.data[0].data["paid_amount"] == Decimal("386.73")  # a Decimal, not a float

    remitted = accepted(client, invoice.id)
    assert remitted.verifactu is not None and remitted.verifactu.status == "accepted"
    timeline = invoice_activity.sync(invoice.id, client=client)
    assert isinstance(timeline, InvoiceActivityOut)
    kinds = [entry.type_ for entry in timeline.data]
    assert kinds[:3] == ["invoice.created", "invoice.issued", "record.generated"]
    assert kinds.count("payment.received") == 2 and "record.accepted" in kinds
    assert kinds.index("invoice.paid") > kinds.index("payment.received")


def test_a_quote_sent_by_email_through_the_sdk_reaches_the_client(
    client: AuthenticatedClient, talonario: Talonario
) -> None:
    """The server's own worker process writes and sends the quote's email."""
    to = f"compras-{uuid4().hex[:12]}@ejemplo.es"
    recipient = ClientInline(name="Cliente Ejemplo SL", nif="B65410011", email=to)
    quote = create_quote.sync(client=client, body=QuoteCreate(client=recipient, lines=LINES))
    assert isinstance(quote, QuoteOut)
    sent = send_quote.sync(quote.id, client=client, body=QuoteSendIn(email=QuoteEmailIn()))
    assert isinstance(sent, QuoteOut) and sent.status == "sent"
    assert sent.email is not None and sent.email.to == [to]

    deadline = time.monotonic() + 60
    while not [m for rcpt, m in talonario.inbox.messages if to in rcpt]:
        assert time.monotonic() < deadline, "the worker never sent the quote"
        time.sleep(0.2)
    (msg,) = [m for rcpt, m in talonario.inbox.messages if to in rcpt]
    assert msg["Subject"] == f"Presupuesto {quote.number} de Test Company SL"
    (attachment,) = list(msg.iter_attachments())
    assert attachment.get_content().startswith(b"%PDF")
    while True:  # the worker records the delivery just after the server took the message
        shown = get_quote.sync(quote.id, client=client)
        assert isinstance(shown, QuoteOut) and shown.email is not None
        if shown.email.status == "sent":
            break
        assert time.monotonic() < deadline, shown.email
        time.sleep(0.2)

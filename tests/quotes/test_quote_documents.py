"""A quote's PDF and public link (no invoice: no QR, no VERI*FACTU), and the invoice made from
it through the invoices service."""

from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit

from fastapi.testclient import TestClient

from tests.conftest import Api
from tests.documents.helpers import pdf_text, qr_codes_on_first_page
from tests.quotes.helpers import create, move


def test_the_pdf_says_presupuesto_or_factura_proforma_and_has_no_qr(
    api: Api, tmp_path: Path
) -> None:
    quote = create(api)
    r = api.get(f"/v1/quotes/{quote['id']}/pdf")
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    assert f"Presupuesto-{quote['number']}.pdf" in r.headers["content-disposition"]
    text = pdf_text(r.content, tmp_path)
    assert "PRESUPUESTO" in text and quote["number"] in text
    assert "Válido hasta" in text and "386,73 €" in text and "Consultoría" in text
    assert "VERI*FACTU" not in text and "QR tributario" not in text
    assert "Total factura" not in text
    assert qr_codes_on_first_page(r.content, tmp_path) == []
    proforma = create(api, kind="proforma")
    r = api.get(f"/v1/quotes/{proforma['id']}/pdf")
    text = pdf_text(r.content, tmp_path, layout=False)
    assert "FACTURA PROFORMA" in text and proforma["number"] in text
    assert "No es una factura" in text and "sin validez fiscal" in text
    assert qr_codes_on_first_page(r.content, tmp_path) == []


def test_the_public_link_serves_the_pdf_without_a_key(api: Api, app_client: TestClient) -> None:
    quote = create(api)
    r = api.post(f"/v1/quotes/{quote['id']}/public-link", {"max_days": 7})
    assert r.status_code == 200, r.text
    link = r.json()["public_link"]
    assert link["max_days"] == 7
    path = urlsplit(link["url"]).path
    assert path.startswith("/q/") and len(path.removeprefix("/q/")) >= 43
    served = app_client.get(path)
    assert served.status_code == 200 and served.headers["content-type"] == "application/pdf"
    assert served.content.startswith(b"%PDF")
    assert app_client.get("/q/" + "x" * 43).status_code == 404
    again = api.post(f"/v1/quotes/{quote['id']}/public-link", {"max_days": 30}).json()
    assert again["public_link"]["url"] == link["url"]  # a live link keeps its URL
    off = api.post(f"/v1/quotes/{quote['id']}/public-link", {"enabled": False}).json()
    assert off["public_link"] is None
    assert app_client.get(path).status_code == 404


def test_an_accepted_quote_becomes_an_issued_invoice_once(api: Api) -> None:
    quote = create(api, notes="Según presupuesto")
    move(api, quote, "send")
    move(api, quote, "accept")
    r = api.post(f"/v1/quotes/{quote['id']}/invoice", {"issue": True})
    assert r.status_code == 201, r.text
    invoice = r.json()
    assert invoice["status"] == "issued" and invoice["number"]
    assert invoice["verifactu"]["record"] and invoice["verifactu"]["huella"]
    keys = ("description", "quantity", "unit_price", "discount_percent", "subtotal", "total")
    assert [{k: line[k] for k in keys} for line in invoice["lines"]] == [
        {k: line[k] for k in keys} for line in quote["lines"]
    ]
    for field in ("subtotal", "taxes_total", "total"):
        assert Decimal(str(invoice[field])) == Decimal(str(quote[field]))
    assert Decimal(str(invoice["total"])) == Decimal("386.73")
    assert invoice["client"]["nif"] == quote["client"]["nif"]
    linked = api.get(f"/v1/quotes/{quote['id']}").json()
    assert linked["invoice"] == invoice["id"] and linked["invoiced_at"] is not None
    r = api.post(f"/v1/quotes/{quote['id']}/invoice", {"issue": True})
    assert r.status_code == 409 and r.json()["error"]["code"] == "already_invoiced"
    assert len(api.get("/v1/invoices").json()["data"]) == 1


def test_a_sent_quote_becomes_a_draft_invoice_and_idempotency_replays(api: Api) -> None:
    client = api.post(
        "/v1/clients",
        {"name": "Cliente Ejemplo SL", "nif": "B65410011", "address": {"country": "ES"}},
    ).json()
    quote = create(api, client=client["id"])
    move(api, quote, "send")
    key = {"Idempotency-Key": "quote-to-invoice-1"}
    first = api.post(f"/v1/quotes/{quote['id']}/invoice", {}, headers=key)
    assert first.status_code == 201, first.text
    draft = first.json()
    assert draft["status"] == "draft" and draft["number"] is None
    assert draft["client"]["id"] == client["id"]
    replay = api.post(f"/v1/quotes/{quote['id']}/invoice", {}, headers=key)
    assert replay.status_code == 201 and replay.json()["id"] == draft["id"]
    after = api.get(f"/v1/quotes/{quote['id']}").json()
    assert after["status"] == "accepted" and after["invoice"] == draft["id"]
    assert len(api.get("/v1/invoices").json()["data"]) == 1

"""GET /v1/invoices/{id}/pdf: the document a customer and a tax inspector read."""

import re
from datetime import date
from decimal import Decimal as D
from pathlib import Path

from talonario.documents import formatting as fmt
from talonario.documents.pdf import render_invoice
from talonario.documents.view import invoice_view
from tests.conftest import Api
from tests.documents.helpers import draft, issue, pdf_text, qr_codes_on_first_page


def test_issued_invoice_pdf_shows_number_both_nifs_total_and_verifactu(
    api: Api, tmp_path: Path
) -> None:
    issuer_nif = api.get("/v1/company").json()["nif"]
    client_nif = "A08001851" if issuer_nif == "B65410011" else "B65410011"
    invoice = issue(api, client={"name": "Cliente Ejemplo SL", "nif": client_nif})
    r = api.get(f"/v1/invoices/{invoice['id']}/pdf")
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/pdf"
    assert r.content.startswith(b"%PDF-")
    assert f'filename="Factura-{invoice["number"]}.pdf"' in r.headers["content-disposition"]
    text = pdf_text(r.content, tmp_path)
    assert invoice["number"] in text
    assert f"NIF {issuer_nif}" in text
    assert f"NIF {client_nif}" in text
    assert "Cliente Ejemplo SL" in text
    assert "386,73 €" in text
    assert "VERI*FACTU" in text
    assert "QR tributario:" in text
    assert "Factura verificable en la sede electrónica" in text
    # The breakdown per rate (RD 1619/2012 art. 6.2) and the lines as Spain writes numbers.
    assert "280,50 €" in text and "58,91 €" in text
    assert "45,50 €" in text and "1,82 €" in text
    assert "Consultoría" in text and "10 %" in text
    assert invoice_body_date(invoice) in text
    assert invoice["pdf_url"] == f"/v1/invoices/{invoice['id']}/pdf"


def invoice_body_date(invoice: dict) -> str:
    return date.fromisoformat(invoice["issued_on"]).strftime("%d/%m/%Y")


def test_pdf_qr_decodes_to_exactly_the_invoice_qr_url(api: Api, tmp_path: Path) -> None:
    invoice = issue(api)
    pdf = api.get(f"/v1/invoices/{invoice['id']}/pdf").content
    assert qr_codes_on_first_page(pdf, tmp_path) == [invoice["verifactu"]["qr_url"]]


def test_draft_preview_is_marked_and_has_no_qr(api: Api, tmp_path: Path) -> None:
    invoice = draft(api)
    r = api.get(f"/v1/invoices/{invoice['id']}/pdf")
    assert r.status_code == 200
    assert r.headers["cache-control"] == "no-store"
    text = pdf_text(r.content, tmp_path)
    assert "BORRADOR — sin validez fiscal" in text
    assert "386,73 €" in text
    assert "QR tributario" not in text and "VERI*FACTU" not in text
    assert qr_codes_on_first_page(r.content, tmp_path) == []
    # A preview follows the draft: change it and the next PDF shows the change.
    api.patch(f"/v1/invoices/{invoice['id']}", {"notes": "Entrega en mano"})
    assert "Entrega en mano" in pdf_text(api.get(f"/v1/invoices/{invoice['id']}/pdf").content,
                                         tmp_path)  # fmt: skip


def test_issued_pdf_is_stored_and_served_byte_identical(api: Api) -> None:
    invoice = issue(api)
    first = api.get(f"/v1/invoices/{invoice['id']}/pdf")
    second = api.get(f"/v1/invoices/{invoice['id']}/pdf")
    assert first.content == second.content
    # A new rendering would differ (its creation time and document id), so this came from storage.
    again = render_invoice(invoice_view(api.get(f"/v1/invoices/{invoice['id']}").json()))
    assert again != first.content
    by_external = issue(api, external_id="pedido-77")
    assert (
        api.get("/v1/invoices/pedido-77/pdf").content
        == api.get(f"/v1/invoices/{by_external['id']}/pdf").content
    )


def test_pdf_of_another_company_is_not_found(api: Api, other_api: Api) -> None:
    invoice = issue(api)
    r = other_api.get(f"/v1/invoices/{invoice['id']}/pdf")
    assert r.status_code == 404
    assert r.json()["error"]["code"] == "invoice_not_found"


def test_withholding_and_surcharge_are_shown_with_the_amount_to_pay(
    api: Api, tmp_path: Path
) -> None:
    invoice = issue(
        api,
        lines=[
            {
                "description": "Asesoría fiscal",
                "quantity": 1,
                "unit_price": "1000.00",
                "tax": {"rate": 21, "surcharge_rate": "5.2"},
            },
        ],
        withholding={"rate": 15},
        due_on="2099-12-31",
        custom_fields={"payment_method": "Transferencia a ES91 2100 0418 4502 0005 1332"},
    )
    text = pdf_text(api.get(f"/v1/invoices/{invoice['id']}/pdf").content, tmp_path)
    assert "1.000,00 €" in text
    assert "210,00 €" in text  # IVA 21 %
    assert "52,00 €" in text  # recargo de equivalencia 5,2 %
    assert "Recargo de equivalencia" in text
    assert "Retención IRPF (15 %)" in text and "-150,00 €" in text
    assert "1.262,00 €" in text  # total factura (the QR's amount)
    assert "1.112,00 €" in text  # total a pagar
    assert "Forma de pago: Transferencia a ES91 2100 0418" in " ".join(text.split())
    assert "31/12/2099" in text


def test_simplified_invoice_says_so_without_recipient(api: Api, tmp_path: Path) -> None:
    invoice = issue(api, type="F2", client=None)
    pdf = api.get(f"/v1/invoices/{invoice['id']}/pdf").content
    text = " ".join(pdf_text(pdf, tmp_path, layout=False).split())
    assert "FACTURA SIMPLIFICADA" in text
    assert "art. 7 del RD 1619/2012" in text
    assert "DESTINATARIO" not in text
    assert "386,73 €" in text


def test_long_invoice_flows_onto_more_pages_with_qr_only_on_the_first(
    api: Api, tmp_path: Path
) -> None:
    lines = [
        {"description": f"Partida {i}: " + "servicio de mantenimiento " * 4, "quantity": 1,
         "unit_price": "10.00", "tax": {"rate": 21}}
        for i in range(60)
    ]  # fmt: skip
    invoice = issue(api, lines=lines)
    pdf = api.get(f"/v1/invoices/{invoice['id']}/pdf").content
    text = pdf_text(pdf, tmp_path)
    pages = int(re.search(r"Página 1 de (\d+)", text).group(1))  # type: ignore[union-attr]
    assert pages >= 2
    assert f"Página {pages} de {pages}" in text
    assert text.count("\f") == pages
    assert "Partida 59" in text
    assert text.count("QR tributario:") == 1
    assert "726,00 €" in text  # 600.00 + 21 %


def test_spanish_formatting_never_goes_through_float() -> None:
    assert fmt.money(D("1234.56")) == "1.234,56\u00a0€"
    assert fmt.money(D("-0.5")) == "-0,50\u00a0€"
    assert fmt.money(D("1234567.005")) == "1.234.567,01\u00a0€"  # half up, to the cent
    assert fmt.money(D("999")) == "999,00\u00a0€"
    assert fmt.unit_price(D("0.125")) == "0,125"
    assert fmt.unit_price(D("100")) == "100,00"
    assert fmt.quantity(D("3.000")) == "3"
    assert fmt.quantity(D("1.50")) == "1,5"
    assert fmt.percent(D("5.20")) == "5,2\u00a0%"
    assert fmt.day(date(2026, 3, 1)) == "01/03/2026"
    assert fmt.long_day(date(2026, 11, 21)) == "21 de noviembre de 2026"


def test_logo_and_metadata(tmp_path: Path) -> None:
    import io
    import subprocess

    from PIL import Image

    from tests.documents.helpers import require_tool

    buffer = io.BytesIO()
    Image.new("RGB", (200, 60), (30, 58, 95)).save(buffer, format="PNG")
    data = {
        "type": "F1", "status": "issued", "number": "A-1", "issued_on": "2026-11-21",
        "issuer": {"legal_name": "Ejemplo SL", "nif": "B12345674"},
        "client": {"name": "Cliente", "nif": "B65410011"},
        "lines": [], "tax_breakdown": [], "subtotal": "0", "taxes_total": "0", "total": "0",
        "verifactu": {"qr_url": "https://prewww2.aeat.es/wlpl/TIKE-CONT/ValidarQR?nif=B"},
    }  # fmt: skip
    pdf = render_invoice(invoice_view(data), logo=buffer.getvalue())
    path = tmp_path / "logo.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(
        [require_tool("pdfinfo"), str(path)], capture_output=True, check=True
    ).stdout.decode()
    assert "Title:           Factura A-1" in info
    assert "Author:          Ejemplo SL" in info
    assert "Subject:         Factura A-1 para Cliente" in info
    images = subprocess.run(
        [require_tool("pdfimages"), "-list", str(path)], capture_output=True, check=True
    ).stdout.decode()
    assert " 200    60 " in images  # the logo, at its own pixel size


def test_rectifying_invoice_names_what_it_rectifies_and_why(api: Api, tmp_path: Path) -> None:
    original = issue(api)
    body = {
        "type": "R1",
        "method": "substitution",
        "reason": "Precio mal aplicado",
        "lines": [{"description": "Consultoría", "quantity": 3, "unit_price": "90.00"}],
        "issue": True,
    }
    r = api.post(f"/v1/invoices/{original['id']}/rectify", body)
    assert r.status_code == 201, r.text
    credit = r.json()
    pdf = api.get(f"/v1/invoices/{credit['id']}/pdf").content
    text = " ".join(pdf_text(pdf, tmp_path, layout=False).split())
    assert "FACTURA RECTIFICATIVA" in text
    assert f"Rectifica la factura {original['number']} de" in text
    assert "Tipo R1" in text and "por sustitución" in text
    assert "base imponible 326,00 €, cuota 60,73 €" in text
    assert "Motivo: Precio mal aplicado" in text
    assert "326,70 €" in text
    assert qr_codes_on_first_page(pdf, tmp_path) == [credit["verifactu"]["qr_url"]]

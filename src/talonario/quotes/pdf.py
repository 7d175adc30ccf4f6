"""A quote or proforma as an A4 PDF, drawn by the invoice PDF's own renderer (documents/pdf.py)
with what makes it not an invoice: its title (PRESUPUESTO or FACTURA PROFORMA), its number and
dates (valid until), "Total" rather than "Total factura", no QR and no VERI*FACTU legend, and
for a proforma the statement that it is not an invoice. documents/ is used, not changed.
"""

import io
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from talonario.documents import formatting as fmt
from talonario.documents.pdf import InvoiceRenderer
from talonario.documents.pdf_drawing import (
    ACCENT,
    BODY,
    BOLD,
    LEADING,
    MARGIN,
    MUTED,
    WIDTH,
)
from talonario.documents.view import InvoiceView, invoice_view

TITLES = {"quote": "Presupuesto", "proforma": "Factura proforma"}
NOT_AN_INVOICE = (
    "Factura proforma: documento informativo sin validez fiscal. No es una factura ni da"
    " derecho a deducción; la factura se expedirá al realizarse la operación."
)


@dataclass(frozen=True, slots=True)
class QuoteView(InvoiceView):
    kind: str = "quote"
    valid_until: date | None = None

    @property
    def is_draft(self) -> bool:
        return False  # never the invoice's "BORRADOR — sin validez fiscal" marks

    @property
    def title(self) -> str:
        return TITLES[self.kind]

    @property
    def verifactu_legend(self) -> bool:
        return False

    @property
    def total_label(self) -> str:
        return "Total"


def quote_view(answer: dict[str, Any], issuer: dict[str, Any]) -> QuoteView:
    """The view of a presented quote (QuoteOut, dumped), with the company as it is now."""
    base = invoice_view(answer | {"type": "F1", "status": answer["status"]}, issuer=issuer)
    values = {f.name: getattr(base, f.name) for f in fields(base)}
    legends = list(base.legends)
    if answer["kind"] == "proforma":
        legends.insert(0, NOT_AN_INVOICE)
    else:
        until = fmt.long_day(answer["valid_until"])
        legends.insert(0, f"Presupuesto válido hasta el {until}. No es una factura.")
    values |= {"legends": tuple(legends), "qr_url": None, "due_on": None}
    return QuoteView(**values, kind=answer["kind"], valid_until=answer["valid_until"])


def render_quote(view: QuoteView, *, logo: bytes | None = None) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1, lang="es-ES")
    canvas.setTitle(f"{view.title} {view.display_number}")
    canvas.setAuthor(view.issuer.name)
    recipient = f" para {view.client.name}" if view.client else ""
    canvas.setSubject(f"{view.title} {view.display_number}{recipient}: {fmt.money(view.total)}")
    canvas.setCreator("Talonario")
    canvas.setKeywords(view.title.lower())
    QuoteRenderer(canvas, view, logo, None).draw()
    canvas.save()
    return buffer.getvalue()


class QuoteRenderer(InvoiceRenderer):
    v: QuoteView

    def _title_block(self, top: float) -> float:
        v, x = self.v, WIDTH - MARGIN
        y = top - 16
        self.text(x, y, v.title.upper(), size=15, bold=True, color=ACCENT, align="right")
        y -= 19
        facts = [("Número", v.display_number)]
        if v.issued_on:
            facts.append(("Fecha", fmt.day(v.issued_on)))
        if v.valid_until:
            facts.append(("Válido hasta", fmt.day(v.valid_until)))
        for label, value in facts:
            self.text(
                x - stringWidth(value, BOLD, BODY) - 4, y, f"{label}:", color=MUTED, align="right"
            )
            self.text(x, y, value, bold=True, align="right")
            y -= LEADING + 1
        if v.kind == "proforma":
            self.text(x, y - 2, "No es una factura", bold=True, color=MUTED, align="right")
            y -= LEADING + 2
        return y - 2 * mm

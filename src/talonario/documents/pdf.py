"""The invoice as an A4 PDF: a pure function of an InvoiceView (no database, no clock).

reportlab's canvas with the PDF core fonts (Helvetica): measured fastest of the candidates
(bench/documents.py) and the text stays extractable. The layout is computed first (rows wrapped
and split into pages), then drawn, so every page knows the page count.

The QR follows Orden HAC/1177/2024 arts. 20-21 and AEAT's QR spec §3: first thing on the first
page, top centre, 35 mm (30-40 mm allowed) with its quiet zone, "QR tributario:" above and
"VERI*FACTU" / "Factura verificable en la sede electrónica de la AEAT" below, in type no smaller
than the invoice data. It is drawn as vector squares, so it prints sharp at any resolution.
"""

import io
from dataclasses import dataclass
from decimal import Decimal

import segno
from reportlab.lib.colors import white
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from talonario.documents import formatting as fmt
from talonario.documents.pdf_drawing import (
    ACCENT,
    BAND,
    CONTENT,
    DESCRIPTION_WIDTH,
    LEADING,
    LINE_COLUMNS,
    MARGIN,
    MUTED,
    PAD,
    RULE,
    WIDTH,
    Column,
    NullCanvas,
    party_rows,
)
from talonario.documents.pdf_letterhead import Letterhead
from talonario.documents.view import RECTIFYING_CAUSES, InvoiceView


@dataclass(frozen=True, slots=True)
class Document:
    """Who the PDF says it is (its metadata)."""

    title: str
    author: str
    subject: str


def render_invoice(view: InvoiceView, *, logo: bytes | None = None) -> bytes:
    """The invoice's PDF. A draft is a preview: marked as such on every page, without QR."""
    buffer = io.BytesIO()
    doc = document_info(view)
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1, lang="es-ES")
    canvas.setTitle(doc.title)
    canvas.setAuthor(doc.author)
    canvas.setSubject(doc.subject)
    canvas.setCreator("Talonario")
    keywords = "factura, VERI*FACTU" if view.verifactu_legend else "factura"
    canvas.setKeywords(keywords if not view.is_draft else "factura, borrador")
    matrix = qr_modules(view.qr_url) if view.qr_url and not view.is_draft else None
    InvoiceRenderer(canvas, view, logo, matrix).draw()
    canvas.save()
    return buffer.getvalue()


def document_info(view: InvoiceView) -> Document:
    title = f"Borrador de {view.title.lower()}" if view.is_draft else f"{view.title} {view.number}"
    recipient = f" para {view.client.name}" if view.client else ""
    subject = f"{view.title} {view.display_number}{recipient}: {fmt.money(view.total)}"
    return Document(title=title, author=view.issuer.name, subject=subject)


def qr_modules(url: str) -> list[tuple[int, ...]]:
    """The same symbol as verifactu.qr: level M, no boost, fixed mask."""
    return [tuple(row) for row in segno.make_qr(url, error="m", boost_error=False, mask=2).matrix]


class InvoiceRenderer(Letterhead):
    """The whole invoice: the letterhead, then parties, lines, breakdown, totals and notes."""

    def draw(self) -> None:
        self.pages = self._count_pages()
        self._page_furniture()
        self._header()
        self._parties()
        self._corrective()
        self._lines_table()
        self._breakdown_and_totals()
        self._payment_and_notes()

    def _count_pages(self) -> int:
        """A dry run of the layout that only moves `y`, so the footer can say "1 de N"."""
        # The renderer's own class: a document drawn by a subclass counts its own pages.
        probe = type(self)(NullCanvas(), self.v, self.logo, self.matrix)  # type: ignore[arg-type]
        probe.pages = 0
        probe._header()
        probe._parties()
        probe._corrective()
        probe._lines_table()
        probe._breakdown_and_totals()
        probe._payment_and_notes()
        return probe.page

    def _parties(self) -> None:
        v = self.v
        gap = 6 * mm
        width = (CONTENT - gap) / 2
        boxes: list[tuple[str, list[str]]] = []
        if v.client is not None:
            rows = [v.client.name, *party_rows(v.client, width - 2 * PAD, self.wrap)]
            boxes.append(("Destinatario", rows))
        payment = [r for row in _payment_rows(v) for r in self.wrap(row, width - 4 * PAD)]
        if payment:
            boxes.append(("Pago", payment))
        if not boxes:
            return
        height = max(len(rows) for _, rows in boxes) * LEADING + 22
        self._ensure(height)
        for i, (title, rows) in enumerate(boxes):
            x = MARGIN + i * (width + gap)
            self.c.setFillColor(BAND)
            self.c.roundRect(x, self.y - height, width, height, 3, stroke=0, fill=1)
            self.text(x + PAD * 2, self.y - 12, title.upper(), size=7.5, bold=True, color=MUTED)
            y = self.y - 12
            for j, row in enumerate(rows):
                y -= LEADING
                self.text(x + PAD * 2, y, row, bold=(j == 0 and title == "Destinatario"))
        self.y -= height + 6 * mm

    def _corrective(self) -> None:
        corrective = self.v.corrective
        if corrective is None:
            return
        method = {
            "differences": "por diferencias (se indica el importe de la rectificación)",
            "substitution": "por sustitución (se indican los importes corregidos)",
        }.get(corrective.method or "", corrective.method or "")
        parts = []
        if corrective.rectified:
            parts.append("Rectifica la factura " + ", ".join(corrective.rectified) + ".")
        cause = RECTIFYING_CAUSES.get(corrective.type, "")
        parts.append(f"Tipo {corrective.type}: {cause}.")
        if method:
            parts.append(f"Rectificación {method}.")
        if corrective.original is not None:
            base, quota, surcharge = corrective.original
            money = self.v.currency
            text = (
                f"Importes de la factura rectificada: base imponible {fmt.money(base, money)},"
                f" cuota {fmt.money(quota, money)}"
            )
            if surcharge:
                text += f", recargo de equivalencia {fmt.money(surcharge, money)}"
            parts.append(text + ".")
        if corrective.reason:
            parts.append(f"Motivo: {corrective.reason}")
        rows = self.wrap(" ".join(parts), CONTENT - 2 * PAD)
        height = (len(rows) + 1) * LEADING + 8
        self._ensure(height)
        self.text(MARGIN, self.y - 10, "FACTURA RECTIFICATIVA", size=7.5, bold=True, color=MUTED)
        y = self.y - 10
        for row in rows:
            y -= LEADING
            self.text(MARGIN, y, row)
        self.y -= height + 4 * mm

    # --- tables -----------------------------------------------------------------------------

    def _lines_table(self) -> None:
        widths = [c.width or DESCRIPTION_WIDTH for c in LINE_COLUMNS]
        self._ensure(16 + LEADING * 2 + 8)
        self._table_header(LINE_COLUMNS, widths)
        for line in self.v.lines:
            description = self.wrap(line.description, DESCRIPTION_WIDTH - 2 * PAD)
            height = len(description) * LEADING + 7
            if self._ensure(height):
                self._table_header(LINE_COLUMNS, widths)
            quantity = fmt.quantity(line.quantity)
            if line.unit:
                quantity += f" {line.unit}"
            cells = [
                quantity,
                fmt.unit_price(line.unit_price),
                fmt.percent(line.discount_percent) if line.discount_percent else "",
                line.tax,
                fmt.money(line.subtotal, self.v.currency),
            ]
            y = self.y - LEADING
            for i, row in enumerate(description):
                self.text(MARGIN + PAD, y - i * LEADING, row)
            x = MARGIN + widths[0]
            for value, width in zip(cells, widths[1:], strict=True):
                self.text(x + width - PAD, y, value, align="right")
                x += width
            self.y -= height
            self.c.setStrokeColor(RULE)
            self.c.setLineWidth(0.5)
            self.c.line(MARGIN, self.y + 2, WIDTH - MARGIN, self.y + 2)
        self.y -= 5 * mm

    def _breakdown_and_totals(self) -> None:
        v = self.v
        surcharge = any(r.surcharge_amount for r in v.tax_rows)
        columns = [
            Column("Impuesto", 0, "left"),
            Column("Base imponible", 70, "right"),
            Column("Tipo", 40, "right"),
            Column("Cuota", 60, "right"),
        ]
        if surcharge:
            columns += [Column("Rec. eq.", 40, "right"), Column("Cuota rec.", 56, "right")]
        totals = _totals_rows(v)
        totals_width = 70 * mm
        table_width = CONTENT - totals_width - 6 * mm
        first = table_width - sum(c.width for c in columns)
        widths = [c.width or first for c in columns]
        height = max(16 + len(v.tax_rows) * (LEADING + 4), len(totals) * (LEADING + 3) + 14)
        self._ensure(height + 4)
        top = self.y
        self._table_header(columns, widths)
        for row in v.tax_rows:
            cells = [
                row.label,
                fmt.money(row.base, v.currency),
                fmt.percent(row.rate) if row.rate is not None else "—",
                fmt.money(row.tax_amount, v.currency) if row.tax_amount is not None else "—",
            ]
            if surcharge:
                cells += [
                    fmt.percent(row.surcharge_rate) if row.surcharge_rate is not None else "",
                    fmt.money(row.surcharge_amount, v.currency)
                    if row.surcharge_amount is not None
                    else "",
                ]
            x = MARGIN
            y = self.y - LEADING
            for value, column, width in zip(cells, columns, widths, strict=True):
                tx = x + width - PAD if column.align == "right" else x + PAD
                self.text(tx, y, value, align=column.align)
                x += width
            self.y -= LEADING + 4
        self._totals_box(totals, top, totals_width)
        self.y = min(self.y, top - height) - 6 * mm

    def _totals_box(self, rows: list[tuple[str, str, bool]], top: float, width: float) -> None:
        x = WIDTH - MARGIN - width
        y = top
        for label, value, strong in rows:
            if strong:
                self.c.setFillColor(ACCENT)
                self.c.rect(x, y - LEADING - 6, width, LEADING + 6, stroke=0, fill=1)
                self.text(x + PAD * 2, y - LEADING - 1, label, size=10, bold=True, color=white)
                self.text(
                    x + width - PAD * 2,
                    y - LEADING - 1,
                    value,
                    size=10,
                    bold=True,
                    color=white,
                    align="right",
                )
                y -= LEADING + 8
            else:
                self.text(x + PAD * 2, y - LEADING, label, color=MUTED)
                self.text(x + width - PAD * 2, y - LEADING, value, align="right")
                y -= LEADING + 3

    def _payment_and_notes(self) -> None:
        v = self.v
        blocks: list[tuple[str, list[str]]] = []
        if v.notes:
            blocks.append(("Observaciones", self.wrap(v.notes, CONTENT)))
        if v.legends:
            rows: list[str] = []
            for legend in v.legends:
                rows.extend(self.wrap(legend, CONTENT))
            blocks.append(("Menciones", rows))
        for title, rows in blocks:
            self._ensure(LEADING * 2 + 4)
            self.text(MARGIN, self.y - 8, title.upper(), size=7.5, bold=True, color=MUTED)
            self.y -= 10
            for row in rows:
                self._ensure(LEADING)
                self.y -= LEADING
                self.text(MARGIN, self.y, row)
            self.y -= 4 * mm


def _payment_rows(v: InvoiceView) -> list[str]:
    rows: list[str] = []
    if v.payment_method:
        rows.append(f"Forma de pago: {v.payment_method}")
    if v.due_on:
        rows.append(f"Vencimiento: {fmt.long_day(v.due_on)}")
    if v.withholding_total:
        rows.append(f"Importe a pagar: {fmt.money(v.total, v.currency)}")
    return rows


def _totals_rows(v: InvoiceView) -> list[tuple[str, str, bool]]:
    money = fmt.money
    rows = [("Base imponible", money(v.subtotal, v.currency), False)]
    taxes = {r.tax for r in v.tax_rows if r.tax_amount}
    rows.append(
        (f"Cuota {'/'.join(sorted(taxes)) or 'IVA'}", money(v.taxes_total, v.currency), False)
    )
    if v.surcharge_total:
        rows.append(("Recargo de equivalencia", money(v.surcharge_total, v.currency), False))
    if v.withholding_total or v.withholding_rate:
        rows.append((v.total_label, money(v.invoice_total, v.currency), True))
        rate = fmt.percent(v.withholding_rate or Decimal(0))
        rows.append((f"Retención IRPF ({rate})", money(-v.withholding_total, v.currency), False))
        rows.append(("Total a pagar", money(v.total, v.currency), True))
    else:
        rows.append((v.total_label, money(v.total, v.currency), True))
    return rows

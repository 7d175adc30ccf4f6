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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

import segno
from reportlab import rl_config
from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from talonario.documents import formatting as fmt
from talonario.documents.view import RECTIFYING_CAUSES, InvoiceView, Party
from talonario.verifactu.qr import QUIET_ZONE_MODULES, SYMBOL_MM

# Binary (zlib only) streams: ASCII85 on top makes files 25 % larger and costs time; PDFs
# have been 8-bit safe for decades.
rl_config.useA85 = 0

WIDTH, HEIGHT = A4
MARGIN = 15 * mm
CONTENT = WIDTH - 2 * MARGIN
FOOTER = 14 * mm
REGULAR, BOLD = "Helvetica", "Helvetica-Bold"
BODY = 9.0  # the invoice data; the QR texts are never smaller (AEAT QR spec §3)
SMALL = 8.0
LEADING = 11.0
INK = HexColor("#1f2937")
MUTED = HexColor("#6b7280")
RULE = HexColor("#d1d5db")
BAND = HexColor("#f3f4f6")
ACCENT = HexColor("#1e3a5f")
WATERMARK = Color(0.85, 0.1, 0.1, alpha=0.12)
DRAFT_MARK = "BORRADOR — sin validez fiscal"
QR_ABOVE = "QR tributario:"
QR_BELOW = ("VERI*FACTU", "Factura verificable en la sede electrónica de la AEAT")


@dataclass(frozen=True, slots=True)
class Column:
    title: str
    width: float
    align: str  # "left" | "right"


LINE_COLUMNS = (
    Column("Descripción", 0, "left"),  # takes the width the others leave
    Column("Cantidad", 48, "right"),
    Column("Precio unit.", 62, "right"),
    Column("Dto.", 36, "right"),
    Column("Impuesto", 82, "right"),
    Column("Importe", 72, "right"),
)
_DESCRIPTION_WIDTH = CONTENT - sum(c.width for c in LINE_COLUMNS)
PAD = 4.0


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
    canvas.setKeywords("factura, VERI*FACTU" if not view.is_draft else "factura, borrador")
    matrix = qr_modules(view.qr_url) if view.qr_url and not view.is_draft else None
    _Renderer(canvas, view, logo, matrix).draw()
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


class _Renderer:
    def __init__(
        self,
        canvas: Canvas,
        view: InvoiceView,
        logo: bytes | None,
        matrix: Sequence[Sequence[int]] | None,
    ) -> None:
        self.c = canvas
        self.v = view
        self.logo = logo
        self.matrix = matrix
        self.dry = isinstance(canvas, _NullCanvas)
        self.page = 1
        self.pages = 1
        self.y = HEIGHT - MARGIN

    # --- text helpers -------------------------------------------------------------------------

    def text(
        self,
        x: float,
        y: float,
        value: str,
        *,
        size: float = BODY,
        bold: bool = False,
        color: Color = INK,
        align: str = "left",
    ) -> None:
        c = self.c
        c.setFont(BOLD if bold else REGULAR, size)
        c.setFillColor(color)
        if align == "right":
            c.drawRightString(x, y, value)
        elif align == "center":
            c.drawCentredString(x, y, value)
        else:
            c.drawString(x, y, value)

    @staticmethod
    def wrap(value: str, width: float, size: float = BODY, bold: bool = False) -> list[str]:
        out: list[str] = []
        for paragraph in value.splitlines() or [""]:
            out.extend(simpleSplit(paragraph, BOLD if bold else REGULAR, size, width) or [""])
        return out

    # --- the document ---------------------------------------------------------------------------

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
        probe = _Renderer(_NullCanvas(), self.v, self.logo, self.matrix)  # type: ignore[arg-type]
        probe.pages = 0
        probe._header()
        probe._parties()
        probe._corrective()
        probe._lines_table()
        probe._breakdown_and_totals()
        probe._payment_and_notes()
        return probe.page

    def _new_page(self) -> None:
        self.c.showPage()
        self.page += 1
        self.y = HEIGHT - MARGIN
        self._page_furniture()

    def _ensure(self, height: float) -> bool:
        """Room for `height` more points on this page, else a new page; True if it broke."""
        if self.y - height < MARGIN + FOOTER:
            self._new_page()
            return True
        return False

    def _page_furniture(self) -> None:
        v, c = self.v, self.c
        if v.is_draft:
            c.saveState()
            c.setFillColor(WATERMARK)
            c.setFont(BOLD, 96)
            c.translate(WIDTH / 2, HEIGHT / 2)
            c.rotate(35)
            c.drawCentredString(0, -30, "BORRADOR")
            c.restoreState()
        c.setStrokeColor(RULE)
        c.setLineWidth(0.5)
        c.line(MARGIN, MARGIN + 8, WIDTH - MARGIN, MARGIN + 8)
        issuer = v.issuer
        who = f"{issuer.name} · {issuer.tax_id}" if issuer.tax_id else issuer.name
        self.text(MARGIN, MARGIN, who, size=7.5, color=MUTED)
        label = f"{v.title} {v.display_number}"
        if self.pages:
            label += f" · Página {self.page} de {self.pages}"
        self.text(WIDTH - MARGIN, MARGIN, label, size=7.5, color=MUTED, align="right")
        if self.page > 1:
            self.text(MARGIN, HEIGHT - MARGIN, label, size=SMALL, color=MUTED)
            self.y = HEIGHT - MARGIN - 16

    def _header(self) -> None:
        top = HEIGHT - MARGIN
        left = self._issuer_block(top)
        centre = self._qr_block(top)
        right = self._title_block(top)
        self.y = min(left, centre, right) - 6 * mm

    def _issuer_block(self, top: float) -> float:
        width = 62 * mm
        y = top
        if self.logo:
            y = self._logo(top, width)
        issuer = self.v.issuer
        for i, row in enumerate(self.wrap(issuer.name, width, 11, bold=True)):
            self.text(MARGIN, y - 11 - i * 13, row, size=11, bold=True, color=ACCENT)
            y -= 13
        y -= 2
        for row in _party_rows(issuer, width, self.wrap):
            y -= LEADING
            self.text(MARGIN, y, row)
        return y

    def _logo(self, top: float, width: float) -> float:
        try:
            image = ImageReader(io.BytesIO(self.logo or b""))
            w, h = image.getSize()
        except Exception:  # an unreadable logo must not cost the customer their invoice
            return top
        scale = min(width / w, 20 * mm / h)
        self.c.drawImage(image, MARGIN, top - h * scale, w * scale, h * scale, mask="auto")
        return top - h * scale - 4

    def _qr_block(self, top: float) -> float:
        cx = WIDTH / 2
        if self.matrix is None and not self.v.is_draft:
            return top  # an issued invoice without a QR URL (never expected): no mark at all
        if self.matrix is None:
            box_w, box_h = 56 * mm, 16 * mm
            self.c.setStrokeColor(HexColor("#b91c1c"))
            self.c.setLineWidth(1.2)
            self.c.rect(cx - box_w / 2, top - box_h, box_w, box_h)
            self.text(
                cx,
                top - 7 * mm,
                "BORRADOR",
                size=12,
                bold=True,
                color=HexColor("#b91c1c"),
                align="center",
            )
            self.text(
                cx,
                top - 12 * mm,
                "sin validez fiscal",
                size=BODY,
                color=HexColor("#b91c1c"),
                align="center",
            )
            return top - box_h
        self.text(cx, top - BODY, QR_ABOVE, align="center")
        matrix = self.matrix
        modules = len(matrix)
        module = float(SYMBOL_MM) * mm / modules
        quiet = QUIET_ZONE_MODULES * module
        size = modules * module
        x0 = cx - size / 2
        y_top = top - BODY - 3 - quiet  # the quiet zone: white space kept clear around it
        if not self.dry:
            self._qr_path(matrix, x0, y_top, module)
        y = y_top - size - quiet
        for line in QR_BELOW:
            for row in self.wrap(line, 58 * mm, BODY, bold=line == QR_BELOW[0]):
                y -= LEADING
                self.text(cx, y + 2, row, bold=line == QR_BELOW[0], align="center")
        return y

    def _qr_path(
        self, matrix: Sequence[Sequence[int]], x0: float, y_top: float, module: float
    ) -> None:
        c = self.c
        path = c.beginPath()
        for r, row in enumerate(matrix):
            start = None
            for col, dark in enumerate((*row, 0)):
                if dark and start is None:
                    start = col
                elif not dark and start is not None:
                    # One rectangle per run of dark modules keeps the path small.
                    path.rect(
                        x0 + start * module,
                        y_top - (r + 1) * module,
                        (col - start) * module,
                        module,
                    )
                    start = None
        c.setFillColor(Color(0, 0, 0))
        c.drawPath(path, stroke=0, fill=1)

    def _title_block(self, top: float) -> float:
        v, x = self.v, WIDTH - MARGIN
        y = top - 16
        title, width = v.title.upper(), 60 * mm
        size = 15.0
        while size > 11 and stringWidth(title, BOLD, size) > width:
            size -= 0.5  # a smaller title on one line reads better than a wrapped one
        for row in self.wrap(title, width, size, bold=True):
            self.text(x, y, row, size=size, bold=True, color=ACCENT, align="right")
            y -= size + 2
        y -= 2
        facts = [("Número", v.display_number)]
        if v.issued_on:
            facts.append(("Fecha de expedición", fmt.day(v.issued_on)))
        if v.operation_date and v.operation_date != v.issued_on:
            facts.append(("Fecha de operación", fmt.day(v.operation_date)))
        if v.due_on:
            facts.append(("Vencimiento", fmt.day(v.due_on)))
        for label, value in facts:
            self.text(
                x - stringWidth(value, BOLD, BODY) - 4, y, f"{label}:", color=MUTED, align="right"
            )
            self.text(x, y, value, bold=True, align="right")
            y -= LEADING + 1
        if v.is_draft:
            self.text(x, y - 2, DRAFT_MARK, bold=True, color=HexColor("#b91c1c"), align="right")
            y -= LEADING + 2
        return y

    def _parties(self) -> None:
        v = self.v
        gap = 6 * mm
        width = (CONTENT - gap) / 2
        boxes: list[tuple[str, list[str]]] = []
        if v.client is not None:
            rows = [v.client.name, *_party_rows(v.client, width - 2 * PAD, self.wrap)]
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

    def _table_header(self, columns: Sequence[Column], widths: Sequence[float]) -> None:
        self.c.setFillColor(ACCENT)
        self.c.rect(MARGIN, self.y - 16, sum(widths), 16, stroke=0, fill=1)
        x = MARGIN
        for column, width in zip(columns, widths, strict=True):
            tx = x + width - PAD if column.align == "right" else x + PAD
            self.text(
                tx,
                self.y - 11,
                column.title,
                size=SMALL,
                bold=True,
                color=white,
                align=column.align,
            )
            x += width
        self.y -= 16

    def _lines_table(self) -> None:
        widths = [c.width or _DESCRIPTION_WIDTH for c in LINE_COLUMNS]
        self._ensure(16 + LEADING * 2 + 8)
        self._table_header(LINE_COLUMNS, widths)
        for line in self.v.lines:
            description = self.wrap(line.description, _DESCRIPTION_WIDTH - 2 * PAD)
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


def _party_rows(who: Party, width: float, wrap: Callable[[str, float], list[str]]) -> list[str]:
    rows: list[str] = []
    if who.tax_id:
        rows.append(who.tax_id)
    for line in who.address:
        rows.extend(wrap(line, width))
    rows.extend(x for x in (who.email, who.phone) if x)
    return rows


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
        rows.append(("Total factura", money(v.invoice_total, v.currency), True))
        rate = fmt.percent(v.withholding_rate or Decimal(0))
        rows.append((f"Retención IRPF ({rate})", money(-v.withholding_total, v.currency), False))
        rows.append(("Total a pagar", money(v.total, v.currency), True))
    else:
        rows.append(("Total factura", money(v.total, v.currency), True))
    return rows


class _NullCanvas:
    """Takes every drawing call and does nothing: the layout's dry run."""

    def __getattr__(self, name: str) -> Callable[..., object]:
        return _nothing


def _nothing(*args: object, **kwargs: object) -> object:
    return _NullPath()


class _NullPath:
    def __getattr__(self, name: str) -> Callable[..., object]:
        return _nothing

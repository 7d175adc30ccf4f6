"""What every part of the invoice PDF draws with: the A4 page, fonts and colours, text and
wrapping, page breaks with the footer, and table headers (documents/pdf.py puts it together)."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab import rl_config
from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from talonario.documents.view import InvoiceView, Party

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
DESCRIPTION_WIDTH = CONTENT - sum(c.width for c in LINE_COLUMNS)
PAD = 4.0


class Drawing:
    """A canvas, the view it draws and where on the page it is (`y`, `page` of `pages`)."""

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
        self.dry = isinstance(canvas, NullCanvas)
        self.page = 1
        self.pages = 1
        self.y = HEIGHT - MARGIN

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

    # --- pages ----------------------------------------------------------------------------------

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


def party_rows(who: Party, width: float, wrap: Callable[[str, float], list[str]]) -> list[str]:
    rows: list[str] = []
    if who.tax_id:
        rows.append(who.tax_id)
    for line in who.address:
        rows.extend(wrap(line, width))
    rows.extend(x for x in (who.email, who.phone) if x)
    return rows


class NullCanvas:
    """Takes every drawing call and does nothing: the layout's dry run."""

    def __getattr__(self, name: str) -> Callable[..., object]:
        return _nothing


def _nothing(*args: object, **kwargs: object) -> object:
    return _NullPath()


class _NullPath:
    def __getattr__(self, name: str) -> Callable[..., object]:
        return _nothing

"""The top of the invoice's first page: the issuer (with its logo), the AEAT QR in the centre
(or the draft's mark), and the title with number and dates."""

import io
from collections.abc import Sequence

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from talonario.documents import formatting as fmt
from talonario.documents.pdf_drawing import (
    ACCENT,
    BODY,
    BOLD,
    DRAFT_MARK,
    HEIGHT,
    LEADING,
    MARGIN,
    MUTED,
    QR_ABOVE,
    QR_BELOW,
    WIDTH,
    Drawing,
    party_rows,
)
from talonario.verifactu.qr import QUIET_ZONE_MODULES, SYMBOL_MM


class Letterhead(Drawing):
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
        for row in party_rows(issuer, width, self.wrap):
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
        for line in QR_BELOW if self.v.verifactu_legend else ():
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

"""PDF rendering speed and memory: our reportlab renderer against the same page drawn with fpdf2.

`python -m bench.documents` renders the one-page invoice of the issue's figures (3 lines, two
VAT rates, QR) over and over in a fresh process per library, and prints PDFs per second and the
process's peak RSS. Target: at least 50 PDFs/s with peak RSS under 150 MiB on the 2-core machine.

Environment: BENCH_PDF_SECONDS (measured seconds per library, default 5).
"""

import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal as D
from typing import Any

TARGET_RATE = 50.0
TARGET_RSS_MIB = 150.0
QR_URL = (
    "https://prewww2.aeat.es/wlpl/TIKE-CONT/ValidarQR"
    "?nif=B12345674&numserie=F-2026-00001&fecha=21-11-2026&importe=386.73"
)


def sample_invoice() -> dict[str, Any]:
    """The invoice the API presents for the issue's figures: 326.00 + 60.73 = 386.73."""
    address = {"street": "Calle Mayor 1", "postal_code": "28013", "city": "Madrid"}
    return {
        "type": "F1",
        "status": "issued",
        "number": "F-2026-00001",
        "issued_on": date(2026, 11, 21),
        "operation_date": None,
        "due_on": date(2026, 12, 21),
        "issuer": {"legal_name": "Test Company SL", "nif": "B12345674", "address": address},
        "client": {"name": "Cliente Ejemplo SL", "nif": "B65410011", "address": address},
        "lines": [
            _line("Consultoría", 3, "100.00", 10, 21, "270.00"),
            _line("Material", 1, "10.50", 0, 21, "10.50"),
            _line("Libros", 2, "22.75", 0, 4, "45.50"),
        ],
        "tax_breakdown": [_row(21, "280.50", "58.91"), _row(4, "45.50", "1.82")],
        "subtotal": D("326.00"),
        "taxes_total": D("60.73"),
        "surcharge_total": D("0.00"),
        "withholding": None,
        "withholding_total": D("0.00"),
        "total": D("386.73"),
        "currency": "EUR",
        "notes": "Gracias por su confianza.",
        "verifactu": {"qr_url": QR_URL},
    }


def _line(text: str, qty: int, price: str, dto: int, rate: int, subtotal: str) -> dict[str, Any]:
    return {
        "description": text,
        "quantity": D(qty),
        "unit": None,
        "unit_price": D(price),
        "discount_percent": D(dto),
        "tax": {"type": "IVA", "rate": D(rate)},
        "subtotal": D(subtotal),
    }


def _row(rate: int, base: str, quota: str) -> dict[str, Any]:
    return {"tax_type": "IVA", "operation": "S1", "rate": D(rate), "base": D(base),
            "tax_amount": D(quota), "surcharge_rate": None, "surcharge_amount": None}  # fmt: skip


def reportlab_renderer() -> Callable[[], bytes]:
    from talonario.documents.pdf import render_invoice
    from talonario.documents.view import invoice_view

    data = sample_invoice()
    return lambda: render_invoice(invoice_view(data))


def fpdf2_renderer() -> Callable[[], bytes]:
    """The same page (header, QR as vector squares, line table, breakdown, totals) in fpdf2
    with its core fonts, the fastest way fpdf2 has. Its core fonts are Latin-1, which has no
    euro sign, so amounts say EUR there (one more reason for reportlab, whose are WinAnsi)."""
    from fpdf import FPDF

    from talonario.documents import formatting as fmt
    from talonario.documents.pdf import qr_modules
    from talonario.documents.view import invoice_view

    data = sample_invoice()

    def money(value: D) -> str:
        return fmt.money(value, "EUR").replace("€", "EUR")

    def render() -> bytes:
        v = invoice_view(data)
        pdf = FPDF(format="A4", unit="mm")
        pdf.set_title(f"Factura {v.number}")
        pdf.set_author(v.issuer.name)
        pdf.add_page()
        pdf.set_font("helvetica", "B", 11)
        pdf.text(15, 20, v.issuer.name)
        pdf.set_font("helvetica", "", 9)
        pdf.text(15, 25, v.issuer.tax_id or "")
        pdf.text(95, 15, "QR tributario:")
        matrix = qr_modules(v.qr_url or "")
        module = 35 / len(matrix)
        for r, row in enumerate(matrix):
            for c, dark in enumerate(row):
                if dark:
                    pdf.rect(87.5 + c * module, 20 + r * module, module, module, style="F")
        pdf.text(97, 60, "VERI*FACTU")
        pdf.text(75, 65, "Factura verificable en la sede electrónica de la AEAT")
        pdf.set_font("helvetica", "B", 15)
        pdf.text(160, 20, "FACTURA")
        pdf.set_font("helvetica", "", 9)
        pdf.text(150, 27, f"Número: {v.number}")
        pdf.text(150, 32, f"Fecha: {fmt.day(v.issued_on or date.today())}")
        pdf.set_xy(15, 80)
        for line in v.lines:
            pdf.cell(90, 6, line.description, border="B")
            pdf.cell(20, 6, fmt.quantity(line.quantity), border="B", align="R")
            pdf.cell(25, 6, fmt.unit_price(line.unit_price), border="B", align="R")
            pdf.cell(20, 6, line.tax, border="B", align="R")
            pdf.cell(25, 6, money(line.subtotal), border="B", align="R", new_x="LMARGIN",
                     new_y="NEXT")  # fmt: skip
        for row in v.tax_rows:
            pdf.cell(40, 6, row.label)
            pdf.cell(30, 6, money(row.base), align="R")
            pdf.cell(30, 6, money(row.tax_amount or D(0)), align="R", new_x="LMARGIN",
                     new_y="NEXT")  # fmt: skip
        pdf.set_font("helvetica", "B", 10)
        pdf.cell(100, 8, f"Total factura {money(v.total)}", align="R")
        return bytes(pdf.output())

    return render


RENDERERS = {"reportlab": reportlab_renderer, "fpdf2": fpdf2_renderer}


def measure(library: str, seconds: float) -> dict[str, Any]:
    """Run in a fresh process: render for `seconds` after a short warm-up."""
    render = RENDERERS[library]()
    sample = render()
    for _ in range(5):
        render()
    count, started = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - started) < seconds:
        render()
        count += 1
    peak_kib = _peak_rss_kib()
    return {
        "library": library,
        "pdfs_per_second": round(count / elapsed, 1),
        "peak_rss_mib": round(peak_kib / 1024, 1),
        "bytes": len(sample),
    }


def _peak_rss_kib() -> int:
    """This process's own peak RSS (VmHWM). Not ru_maxrss: Linux keeps that across exec, so a
    child started by a big bench process would report its parent's peak."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def run_isolated(library: str, seconds: float) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, "-m", "bench.documents", "--one", library, str(seconds)],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        return {"library": library, "error": proc.stderr.strip().splitlines()[-1:]}
    return json.loads(proc.stdout)  # type: ignore[no-any-return]


def section() -> str:
    """`make bench` part: the Markdown table for bench/results/latest.md."""
    seconds = float(os.environ.get("BENCH_PDF_SECONDS", "5"))
    print("Invoice PDFs:", flush=True)
    rows = [
        "## Invoice PDF",
        "",
        f"The one-page 386.73 invoice with its QR, {seconds:g} s per library, one fresh process"
        f" each. Target for the renderer used (reportlab): >= {TARGET_RATE:g} PDFs/s with peak"
        f" RSS < {TARGET_RSS_MIB:g} MiB.",
        "",
        "| library | PDFs/s | peak RSS MiB | size KiB | met |",
        "|---|---:|---:|---:|---|",
    ]
    for library in RENDERERS:
        r = run_isolated(library, seconds)
        if "error" in r:
            rows.append(f"| {library} | not measured: {r['error']} | | | |")
            continue
        met = "—"
        if library == "reportlab":
            ok = r["pdfs_per_second"] >= TARGET_RATE and r["peak_rss_mib"] < TARGET_RSS_MIB
            met = "yes" if ok else "**no**"
        rows.append(
            f"| {library} | {r['pdfs_per_second']:.1f} | {r['peak_rss_mib']:.1f} |"
            f" {r['bytes'] / 1024:.1f} | {met} |"
        )
        print(f"  {library}: {r['pdfs_per_second']:.1f}/s, {r['peak_rss_mib']:.1f} MiB", flush=True)
    return "\n".join([*rows, ""])


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--one":
        print(json.dumps(measure(sys.argv[2], float(sys.argv[3]))))
        return 0
    seconds = float(os.environ.get("BENCH_PDF_SECONDS", "5"))
    print(f"One-page invoice PDF with QR, {seconds:g} s per library, one process each")
    print(f"{'library':<10} {'PDFs/s':>8} {'peak RSS':>10} {'size':>8}")
    ok = True
    for library in RENDERERS:
        result = run_isolated(library, seconds)
        if "error" in result:
            print(f"{library:<10} not measured: {result['error']}")
            continue
        print(
            f"{library:<10} {result['pdfs_per_second']:>8.1f} "
            f"{result['peak_rss_mib']:>7.1f} MiB {result['bytes'] / 1024:>6.1f} KiB"
        )
        if library == "reportlab":
            ok = result["pdfs_per_second"] >= TARGET_RATE and (
                result["peak_rss_mib"] < TARGET_RSS_MIB
            )
    verdict = "meets" if ok else "MISSES"
    print(f"reportlab (used) {verdict} the target: >= {TARGET_RATE:g}/s, < {TARGET_RSS_MIB:g} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The public invoice page (GET /p/{token}): small, accessible HTML for a phone, no script.

Everything is inline (styles, the QR as a data: URL), so the page needs nothing else from us
and its Content-Security-Policy can forbid everything else.
"""

import base64
from html import escape as e

from talonario.documents import formatting as fmt
from talonario.documents.view import InvoiceView

CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'"
HEADERS = {
    "Content-Security-Policy": CSP,
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex, nofollow",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
}

_STYLE = """
:root{color-scheme:light;--ink:#1f2937;--muted:#4b5563;--rule:#d1d5db;--accent:#1e3a5f}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;
color:var(--ink);background:#f3f4f6}
main{max-width:40rem;margin:0 auto;padding:1rem}
.card{background:#fff;border-radius:.75rem;padding:1.25rem;margin-bottom:1rem;
box-shadow:0 1px 2px rgba(0,0,0,.08)}
h1{font-size:1.35rem;margin:0 0 .25rem;color:var(--accent)}
h2{font-size:1rem;margin:0 0 .5rem}
p{margin:.25rem 0}
.muted{color:var(--muted)}
dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem;margin:0}
dt{color:var(--muted)}dd{margin:0;text-align:right;font-variant-numeric:tabular-nums}
.total{font-size:1.6rem;font-weight:700}
.status{display:inline-block;padding:.15rem .6rem;border-radius:999px;font-weight:600;
background:#fef3c7;color:#78350f}
.status.paid{background:#d1fae5;color:#065f46}.status.voided{background:#fee2e2;color:#991b1b}
table{width:100%;border-collapse:collapse;font-size:.95rem}
th,td{padding:.4rem .25rem;border-bottom:1px solid var(--rule);vertical-align:top}
th{text-align:left;color:var(--muted);font-weight:600}td.n,th.n{text-align:right;white-space:nowrap}
.qr{text-align:center}.qr img{width:35mm;height:35mm;image-rendering:pixelated}
a.button{display:block;text-align:center;background:var(--accent);color:#fff;padding:.85rem;
border-radius:.5rem;font-weight:600;text-decoration:none;font-size:1.05rem}
a.button:focus{outline:3px solid #f59e0b;outline-offset:2px}
"""


def render_page(view: InvoiceView, *, qr_png: bytes | None, pdf_href: str) -> str:
    money = fmt.money
    status_class = {"paid": "paid", "voided": "voided"}.get(view.status, "")
    title = f"{view.title} {view.display_number} — {view.issuer.name}"
    client = view.client
    dates = [("Fecha de expedición", fmt.day(view.issued_on))] if view.issued_on else []
    if view.operation_date and view.operation_date != view.issued_on:
        dates.append(("Fecha de operación", fmt.day(view.operation_date)))
    if view.due_on:
        dates.append(("Vencimiento", fmt.day(view.due_on)))
    amounts = [("Base imponible", money(view.subtotal, view.currency))]
    amounts.append(("Impuestos", money(view.taxes_total, view.currency)))
    if view.surcharge_total:
        amounts.append(("Recargo de equivalencia", money(view.surcharge_total, view.currency)))
    if view.withholding_total:
        amounts.append(("Retención IRPF", money(-view.withholding_total, view.currency)))
    if view.paid_amount:
        amounts.append(("Pagado", money(view.paid_amount, view.currency)))
        amounts.append(("Pendiente", money(view.pending_amount, view.currency)))
    lines = "".join(
        f"<tr><td>{e(line.description)}</td><td class=n>{e(fmt.quantity(line.quantity))}</td>"
        f"<td class=n>{e(money(line.subtotal, view.currency))}</td></tr>"
        for line in view.lines
    )
    qr = ""
    if qr_png:
        data = base64.b64encode(qr_png).decode()
        qr = (
            '<section class="card qr" aria-labelledby="qr-title">'
            '<h2 id="qr-title">QR tributario:</h2>'
            f'<img src="data:image/png;base64,{data}" alt="Código QR de verificación de la'
            ' factura en la AEAT">'
            + (
                "<p><strong>VERI*FACTU</strong></p>"
                '<p class="muted">Factura verificable en la sede electrónica de la AEAT</p>'
                if view.verifactu_legend
                else ""
            )
            + "</section>"
        )

    def pairs(items: list[tuple[str, str]]) -> str:
        return "".join(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in items)

    recipient = ""
    if client is not None:
        recipient = f'<p class="muted">Para {e(client.name)}' + (
            f" · {e(client.tax_id)}</p>" if client.tax_id else "</p>"
        )
    return (
        '<!doctype html><html lang="es"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="robots" content="noindex, nofollow">'
        f"<title>{e(title)}</title><style>{_STYLE}</style></head><body><main>"
        '<section class="card" aria-labelledby="title">'
        f"<p class=muted>{e(view.issuer.name)}"
        + (f" · {e(view.issuer.tax_id)}" if view.issuer.tax_id else "")
        + "</p>"
        f'<h1 id="title">{e(view.title)} {e(view.display_number)}</h1>{recipient}'
        f'<p class="total" aria-label="Total">{e(money(view.total, view.currency))}</p>'
        f'<p><span class="status {status_class}">{e(view.status_label)}</span></p>'
        f"<dl>{pairs(dates)}</dl></section>"
        f'<section class="card"><a class="button" href="{e(pdf_href)}" download>'
        "Descargar factura (PDF)</a></section>"
        '<section class="card" aria-labelledby="detail"><h2 id="detail">Detalle</h2>'
        '<table><thead><tr><th scope="col">Concepto</th><th scope="col" class=n>Cant.</th>'
        f'<th scope="col" class=n>Importe</th></tr></thead><tbody>{lines}</tbody></table>'
        f'<dl style="margin-top:.75rem">{pairs(amounts)}'
        f"<dt><strong>Total</strong></dt><dd><strong>{e(money(view.total, view.currency))}"
        "</strong></dd></dl></section>"
        f"{qr}</main></body></html>"
    )


NOT_FOUND = (
    '<!doctype html><html lang="es"><head><meta charset="utf-8">'
    '<meta name="viewport" content="width=device-width, initial-scale=1">'
    "<title>Enlace no disponible</title></head><body>"
    '<main style="font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:1rem">'
    "<h1>Enlace no disponible</h1>"
    "<p>Este enlace a la factura ha caducado o ya no está activo. Pida uno nuevo a quien se la"
    " emitió.</p></main></body></html>"
)

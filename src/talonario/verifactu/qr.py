"""The invoice's QR code: AEAT's ValidarQR URL and its rendering (Orden HAC/1177/2024 arts. 20-21).

The URL is built from the values of the record (the same text as the XML) so that the QR always
matches what AEAT received. The symbol is ISO/IEC 18004, error correction level M, without the
automatic boost to a higher level (Orden art. 21.1), with a fixed mask pattern: evaluating the
eight masks is most of segno's encoding time and any mask decodes the same.
"""

import io
from decimal import Decimal
from enum import StrEnum
from urllib.parse import quote_plus

import segno

from talonario.verifactu import formats
from talonario.verifactu.records import InvoiceId, RegistrationRecord


class Environment(StrEnum):
    """Where a company's records go; anything but production validates on AEAT's test portal."""

    SANDBOX = "sandbox"  # our AEAT stand-in
    PREPRODUCTION = "preproduction"  # AEAT's test environment (prewww)
    PRODUCTION = "production"


_PRODUCTION_URL = "https://www2.agenciatributaria.gob.es/wlpl/TIKE-CONT/ValidarQR"
_TEST_URL = "https://prewww2.aeat.es/wlpl/TIKE-CONT/ValidarQR"
# A NO VERI*FACTU invoice's QR: the same query on its own service (spec §9.1).
_NO_VERIFACTU = "NoVerifactu"

# Printed size: AEAT requires 30-40 mm (Orden art. 21.1). The PNG's DPI and the SVG's size put
# the symbol at the middle of that range; a 4-module quiet zone stays >= 2 mm (QR spec v0.4.7
# §3) for every symbol a ValidarQR URL can produce (up to version 13, 69 modules: 2.03 mm).
SYMBOL_MM = Decimal("35")
QUIET_ZONE_MODULES = 4
# The mask segno's penalty evaluation picks most often for ValidarQR URLs.
_MASK = 2


def validation_url(
    invoice: InvoiceId, total_amount: Decimal, environment: str, *, verifactu: bool = True
) -> str:
    """`…/ValidarQR?nif=…&numserie=…&fecha=…&importe=…` (AEAT QR spec v0.4.7 §4): the four
    parameters in this order, each value encoded like Java's URLEncoder in UTF-8. An invoice
    issued in NO VERI*FACTU (`verifactu=False`) goes to `…/ValidarQRNoVerifactu`."""
    base = _PRODUCTION_URL if Environment(environment) is Environment.PRODUCTION else _TEST_URL
    if not verifactu:
        base += _NO_VERIFACTU
    params = (
        ("nif", invoice.issuer_nif),
        ("numserie", invoice.number),
        ("fecha", formats.day(invoice.issue_date)),
        ("importe", formats.amount(total_amount)),
    )
    return base + "?" + "&".join(f"{name}={_encode(value)}" for name, value in params)


def record_validation_url(
    record: RegistrationRecord, environment: str, *, verifactu: bool = True
) -> str:
    """The QR URL of an alta record (identity and ImporteTotal as sent to AEAT)."""
    return validation_url(record.invoice, record.total_amount, environment, verifactu=verifactu)


def qr_png(url: str, *, scale: int = 4) -> bytes:
    """PNG bytes of the QR of `url`, `scale` pixels per module, with a DPI that prints the
    symbol at SYMBOL_MM millimetres."""
    symbol = _symbol(url)
    modules = len(symbol.matrix)
    dpi = round(modules * scale * Decimal("25.4") / SYMBOL_MM)
    buffer = io.BytesIO()
    symbol.save(buffer, kind="png", scale=scale, border=QUIET_ZONE_MODULES, dpi=dpi)
    return buffer.getvalue()


def qr_svg(url: str) -> str:
    """SVG of the QR of `url`, sized in millimetres so the symbol measures SYMBOL_MM."""
    symbol = _symbol(url)
    modules = len(symbol.matrix)
    module_mm = (SYMBOL_MM / modules).quantize(Decimal("0.0001"))
    buffer = io.BytesIO()
    symbol.save(
        buffer, kind="svg", scale=module_mm, unit="mm", border=QUIET_ZONE_MODULES, xmldecl=False
    )
    return buffer.getvalue().decode("utf-8")


def _symbol(url: str) -> segno.QRCode:
    return segno.make_qr(url, error="m", boost_error=False, mask=_MASK)


def _encode(value: str) -> str:
    """java.net.URLEncoder.encode(value, "UTF-8"), which AEAT's reference code uses: letters,
    digits and `.-*_` kept, space as `+`, everything else %XX. Python's quote_plus differs only
    in keeping `~` and encoding `*`."""
    return quote_plus(value, safe="*", encoding="utf-8").replace("~", "%7E")

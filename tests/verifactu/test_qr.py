import io
from datetime import date
from decimal import Decimal as D

import pytest
import segno
import zxingcpp
from lxml import etree
from PIL import Image

from talonario.verifactu.qr import (
    SYMBOL_MM,
    qr_png,
    qr_svg,
    record_validation_url,
    validation_url,
)
from talonario.verifactu.records import InvoiceId
from tests.verifactu import samples

TEST_HOST = "https://prewww2.aeat.es/wlpl/TIKE-CONT/ValidarQR"
PRODUCTION_HOST = "https://www2.agenciatributaria.gob.es/wlpl/TIKE-CONT/ValidarQR"


def url_for(number: str, total: str = "121.00", environment: str = "preproduction") -> str:
    invoice = InvoiceId("89890001K", number, date(2026, 9, 15))
    return validation_url(invoice, D(total), environment)


def test_spec_example_url() -> None:
    """Spec §9.1: the §3.7 invoice in the test environment, verified there with urlencode."""
    assert record_validation_url(samples.spec_example(), "preproduction") == (
        f"{TEST_HOST}?nif=89890001K&numserie=A-2026%2F0001&fecha=15-09-2026&importe=121.00"
    )


def test_aeat_ampersand_example_is_encoded() -> None:
    """AEAT QR spec §4: numserie 12345678&G33 -> 12345678%26G33 (a raw & breaks the URL)."""
    assert "&numserie=12345678%26G33&fecha=" in url_for("12345678&G33")


@pytest.mark.parametrize(
    ("number", "encoded"),
    [
        ("A 1", "A+1"),  # space as +
        ("A/1", "A%2F1"),
        ("A.B-C_D*E", "A.B-C_D*E"),  # Java's URLEncoder keeps . - _ and *
        ("A~1", "A%7E1"),  # ... and encodes ~, which Python's quote_plus would keep
        ("A+1", "A%2B1"),
        ("A=1?#%", "A%3D1%3F%23%25"),
        ("Añ€", "A%C3%B1%E2%82%AC"),  # UTF-8 bytes
    ],
)
def test_values_are_encoded_like_javas_url_encoder(number: str, encoded: str) -> None:
    assert f"&numserie={encoded}&fecha=" in url_for(number)


def test_negative_totals_keep_their_sign_and_two_decimals() -> None:
    assert url_for("R-1", "-24.2").endswith("&importe=-24.20")


@pytest.mark.parametrize(
    ("environment", "host"),
    [("sandbox", TEST_HOST), ("preproduction", TEST_HOST), ("production", PRODUCTION_HOST)],
)
def test_only_production_points_at_the_production_host(environment: str, host: str) -> None:
    assert url_for("A-1", environment=environment).startswith(f"{host}?nif=89890001K&numserie=")


def test_an_unknown_environment_is_an_error() -> None:
    with pytest.raises(ValueError):
        url_for("A-1", environment="staging")


def _decode(png: bytes) -> list[zxingcpp.Barcode]:
    return zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))


@pytest.mark.parametrize("number", ["A-2026/0001", "12345678&G33 ~*", "/" * 60])
def test_png_decodes_to_exactly_the_url_at_level_m(number: str) -> None:
    url = url_for(number, "-999999999999.99", "production")
    (barcode,) = _decode(qr_png(url))
    assert barcode.format == zxingcpp.BarcodeFormat.QRCode
    assert barcode.text == url
    assert barcode.ec_level == "M"


def test_png_declares_a_print_size_within_30_to_40_mm() -> None:
    image = Image.open(io.BytesIO(qr_png(url_for("A-2026/0001"))))
    dpi_x, _ = image.info["dpi"]
    modules = image.width // 4 - 8  # scale 4, quiet zone of 4 modules each side
    symbol_mm = modules * 4 / dpi_x * 25.4
    assert 30 <= symbol_mm <= 40
    assert symbol_mm == pytest.approx(float(SYMBOL_MM), abs=0.5)


def test_svg_is_sized_in_millimetres() -> None:
    url = url_for("A-2026/0001")
    svg = etree.fromstring(qr_svg(url).encode())
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    modules = len(segno.make_qr(url, error="m", boost_error=False).matrix)
    width = D(svg.get("width", "").removesuffix("mm"))
    assert abs(width - SYMBOL_MM * (modules + 8) / modules) < D("0.01")

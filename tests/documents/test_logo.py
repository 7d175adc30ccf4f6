"""The company's logo on its invoices' PDFs, counted as a reader's tool sees the images."""

import subprocess
from pathlib import Path

from tests.companies.helpers import image_bytes, put_logo
from tests.conftest import Api
from tests.documents.helpers import draft, issue, require_tool


def images_in(pdf: bytes, tmp_path: Path) -> list[tuple[int, int]]:
    """(width, height) in pixels of every image `pdfimages -list` finds (masks aside)."""
    source = tmp_path / "images.pdf"
    source.write_bytes(pdf)
    out = subprocess.run(
        [require_tool("pdfimages"), "-list", str(source)],
        capture_output=True,
        check=True,
        timeout=60,
    )
    rows = [line.split() for line in out.stdout.decode().splitlines()[2:]]
    return [(int(row[3]), int(row[4])) for row in rows if row[2] == "image"]


def pdf_of(api: Api, invoice: dict) -> bytes:
    r = api.get(f"/v1/invoices/{invoice['id']}/pdf")
    assert r.status_code == 200, r.text
    return r.content


def test_an_invoice_issued_after_the_upload_shows_the_logo(api: Api, tmp_path: Path) -> None:
    without = images_in(pdf_of(api, issue(api)), tmp_path)
    put_logo(api, image_bytes(120, 40))

    shown = images_in(pdf_of(api, issue(api)), tmp_path)

    assert len(shown) == len(without) + 1
    assert (120, 40) in shown


def test_a_jpeg_logo_is_shown_too(api: Api, tmp_path: Path) -> None:
    put_logo(api, image_bytes(90, 30, fmt="JPEG"), "image/jpeg")
    assert (90, 30) in images_in(pdf_of(api, issue(api)), tmp_path)


def test_a_stored_pdf_keeps_what_it_showed(api: Api, tmp_path: Path) -> None:
    """An issued invoice's PDF is rendered once: a later logo, or none, never changes it."""
    before_logo = issue(api)
    first = pdf_of(api, before_logo)
    put_logo(api, image_bytes(120, 40))
    with_logo = issue(api)
    shown = pdf_of(api, with_logo)

    assert api.delete("/v1/company/logo").status_code == 204

    assert pdf_of(api, before_logo) == first
    assert pdf_of(api, with_logo) == shown
    assert (120, 40) not in images_in(first, tmp_path)


def test_a_draft_preview_follows_the_current_logo(api: Api, tmp_path: Path) -> None:
    invoice = draft(api)
    none = images_in(pdf_of(api, invoice), tmp_path)

    put_logo(api, image_bytes(120, 40))
    assert images_in(pdf_of(api, invoice), tmp_path) == [*none, (120, 40)]
    put_logo(api, image_bytes(60, 60))
    assert images_in(pdf_of(api, invoice), tmp_path) == [*none, (60, 60)]
    api.delete("/v1/company/logo")
    assert images_in(pdf_of(api, invoice), tmp_path) == none


def test_another_company_s_invoices_do_not_show_it(
    api: Api, other_api: Api, tmp_path: Path
) -> None:
    put_logo(api, image_bytes(120, 40))
    assert (120, 40) not in images_in(pdf_of(other_api, issue(other_api)), tmp_path)

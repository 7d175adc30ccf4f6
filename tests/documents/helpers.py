"""What the document tests share: issuing through the API and reading PDFs as a person would."""

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import Api
from tests.fixtures.database import in_ci
from tests.fixtures.factories import invoice_body


def require_tool(name: str) -> str:
    """A Debian tool the test needs; in CI its absence fails (.ci/run installs it)."""
    path = shutil.which(name)
    if path:
        return path
    if in_ci():
        pytest.fail(f"{name} is not installed: .ci/run must install it")
    pytest.skip(f"{name} not installed")


def issue(api: Api, **overrides: object) -> dict:
    r = api.post("/v1/invoices", invoice_body(issue=True, **overrides))
    assert r.status_code == 201, r.text
    return r.json()


def draft(api: Api, **overrides: object) -> dict:
    r = api.post("/v1/invoices", invoice_body(**overrides))
    assert r.status_code == 201, r.text
    return r.json()


def pdf_text(pdf: bytes, tmp_path: Path, *, layout: bool = True) -> str:
    """The text a reader copies out of the PDF; layout=False gives it in reading order."""
    source = tmp_path / "invoice.pdf"
    source.write_bytes(pdf)
    mode = ["-layout"] if layout else []
    out = subprocess.run(
        [require_tool("pdftotext"), *mode, str(source), "-"],
        capture_output=True,
        check=True,
        timeout=60,
    )
    # Our amounts keep "386,73 €" together with a no-break space; a reader sees a space.
    return out.stdout.decode().replace("\u00a0", " ")


def qr_codes_on_first_page(pdf: bytes, tmp_path: Path) -> list[str]:
    """Render page 1 at 150 dpi as a printer would, then let zbar read every QR on it."""
    source = tmp_path / "qr.pdf"
    source.write_bytes(pdf)
    prefix = tmp_path / "page"
    subprocess.run(
        [require_tool("pdftoppm"), "-r", "150", "-png", "-f", "1", "-l", "1",
         str(source), str(prefix)],
        check=True,
        timeout=60,
    )  # fmt: skip
    (png,) = tmp_path.glob("page*.png")
    out = subprocess.run(
        [require_tool("zbarimg"), "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(png)],
        capture_output=True,
        timeout=60,
        check=False,
    )
    # zbarimg exits 4 when it finds no symbol: that is an answer (no QR), not an error.
    assert out.returncode in (0, 4), out.stderr.decode()
    return [line for line in out.stdout.decode().splitlines() if line]

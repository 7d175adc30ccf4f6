"""POST /v1/invoices/{id}/public-link and the page a customer opens on a phone, without a key."""

import subprocess
import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
import uvicorn
from fastapi.testclient import TestClient

from talonario.main import create_app
from talonario.models import PublicLink
from talonario.runtime import Runtime
from tests.conftest import Api
from tests.documents.helpers import draft, issue, pdf_text, require_tool
from tests.fixtures.servers import free_port


def share(api: Api, invoice: dict, **body: object) -> dict:
    r = api.post(f"/v1/invoices/{invoice['id']}/public-link", body)
    assert r.status_code == 200, r.text
    return r.json()


def path_of(url: str) -> str:
    return urlsplit(url).path


def test_public_page_shows_the_invoice_without_a_key(api: Api, app_client: TestClient) -> None:
    invoice = issue(api, client={"name": "Cliente Ejemplo SL", "nif": "B65410011"})
    shared = share(api, invoice, enabled=True, max_days=7)
    link = shared["public_link"]
    assert link["enabled"] is True and link["max_days"] == 7
    token = path_of(link["url"]).removeprefix("/p/")
    assert len(token) >= 43  # token_urlsafe(32): 256 random bits
    assert link["url"].startswith("http://127.0.0.1:8000/p/")
    page = app_client.get(f"/p/{token}")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert "noindex" in page.headers["x-robots-tag"]
    html = page.text
    assert '<html lang="es">' in html and 'name="viewport"' in html
    assert invoice["number"] in html
    assert "386,73\u00a0€" in html
    assert "Pendiente de pago" in html
    assert "QR tributario:" in html and "data:image/png;base64," in html
    assert "VERI*FACTU" in html
    pdf = app_client.get(f"/p/{token}/pdf")
    assert pdf.status_code == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content == api.get(f"/v1/invoices/{invoice['id']}/pdf").content


def test_page_shows_payment_status(api: Api, app_client: TestClient) -> None:
    invoice = issue(api)
    api.post(f"/v1/invoices/{invoice['id']}/payments", {"amount": "386.73", "date": "2026-01-02"})
    token = path_of(share(api, invoice)["public_link"]["url"]).removeprefix("/p/")
    html = app_client.get(f"/p/{token}").text
    assert "Pagada" in html and "Pendiente de pago" not in html


def test_revoked_link_is_gone_and_reenabling_gives_a_new_one(
    api: Api, app_client: TestClient
) -> None:
    invoice = issue(api)
    first = share(api, invoice)["public_link"]["url"]
    assert app_client.get(path_of(first)).status_code == 200
    revoked = share(api, invoice, enabled=False)["public_link"]
    assert revoked["enabled"] is False and revoked["url"] is None
    assert app_client.get(path_of(first)).status_code == 404
    assert app_client.get(path_of(first) + "/pdf").status_code == 404
    again = share(api, invoice)["public_link"]["url"]
    assert again != first
    assert app_client.get(path_of(again)).status_code == 200
    assert app_client.get(path_of(first)).status_code == 404


def test_extending_keeps_the_url_and_moves_the_expiry(api: Api) -> None:
    invoice = issue(api)
    short = share(api, invoice, max_days=1)["public_link"]
    long = share(api, invoice, max_days=90)["public_link"]
    assert long["url"] == short["url"]
    assert long["max_days"] == 90 and long["expires_at"] > short["expires_at"]
    assert api.get(f"/v1/invoices/{invoice['id']}").json()["public_link"] == long


def test_expired_and_unknown_links_are_not_found(
    api: Api, app_client: TestClient, runtime: Runtime
) -> None:
    invoice = issue(api)
    url = share(api, invoice, max_days=1)["public_link"]["url"]
    with runtime.db.write_session() as s:
        link = s.get(PublicLink, invoice["id"])
        assert link is not None
        link.expires_at = link.expires_at - timedelta(days=1, seconds=1)
        s.commit()
    r = app_client.get(path_of(url))
    assert r.status_code == 404
    assert "Enlace no disponible" in r.text
    assert app_client.get(path_of(url) + "/pdf").status_code == 404
    assert app_client.get("/p/" + "x" * 43).status_code == 404
    assert app_client.get("/p/short").status_code == 404
    # Sharing again after expiry makes a fresh link that works.
    fresh = share(api, invoice)["public_link"]["url"]
    assert fresh != url and app_client.get(path_of(fresh)).status_code == 200


def test_drafts_cannot_be_shared_and_bounds_are_checked(api: Api, other_api: Api) -> None:
    r = api.post(f"/v1/invoices/{draft(api)['id']}/public-link", {"enabled": True})
    assert r.status_code == 409 and r.json()["error"]["code"] == "invoice_not_issued"
    invoice = issue(api)
    for days in (0, 366):
        r = api.post(f"/v1/invoices/{invoice['id']}/public-link", {"max_days": days})
        assert r.status_code == 422 and r.json()["error"]["param"] == "max_days"
    assert share(api, invoice)["public_link"]["max_days"] == 30  # the default
    r = other_api.post(f"/v1/invoices/{invoice['id']}/public-link", {"enabled": True})
    assert r.status_code == 404


# --- in a real browser --------------------------------------------------------------------------


@pytest.fixture
def served(runtime: Runtime) -> Iterator[str]:
    """The app on a loopback port (uvicorn in a thread), for a browser to open."""
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(runtime.settings, runtime), host="127.0.0.1", port=port,
                       log_level="warning", lifespan="off")
    )  # fmt: skip
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def chromium(*args: str, profile: Path) -> subprocess.CompletedProcess[bytes]:
    binary = require_tool("chromium")
    command = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
               "--no-first-run", f"--user-data-dir={profile}", *args]  # fmt: skip
    return subprocess.run(command, capture_output=True, timeout=120, check=False)


def test_page_renders_in_headless_chromium_on_a_phone_screen(
    api: Api, served: str, tmp_path: Path
) -> None:
    invoice = issue(api)
    token = path_of(share(api, invoice)["public_link"]["url"]).removeprefix("/p/")
    url = f"{served}/p/{token}"
    dom = chromium("--dump-dom", url, profile=tmp_path / "profile").stdout.decode()
    assert invoice["number"] in dom
    assert "386,73" in dom
    assert "Descargar factura (PDF)" in dom
    shot = tmp_path / "phone.png"
    result = chromium(f"--screenshot={shot}", "--window-size=390,844",
                      "--hide-scrollbars", url, profile=tmp_path / "profile")  # fmt: skip
    assert shot.exists(), result.stderr.decode()[-2000:]
    from PIL import Image

    image = Image.open(shot).convert("RGB")
    assert image.size == (390, 844)
    # Something was drawn: the page is not a blank (or error) screen of one colour.
    assert len(set(image.resize((39, 84)).getdata())) > 20
    # The PDF link the page offers is the invoice's PDF.
    pdf = httpx.get(f"{url}/pdf", timeout=30)
    assert pdf.status_code == 200
    assert invoice["number"] in pdf_text(pdf.content, tmp_path)


def test_voided_invoice_keeps_its_pdf_and_page_says_voided(
    api: Api, app_client: TestClient, tmp_path: Path
) -> None:
    invoice = issue(api)
    token = path_of(share(api, invoice)["public_link"]["url"]).removeprefix("/p/")
    r = api.post(f"/v1/invoices/{invoice['id']}/void", {"reason": "Emitida por error"})
    assert r.status_code == 200, r.text
    html = app_client.get(f"/p/{token}").text
    assert "Anulada" in html and "QR tributario:" in html
    text = pdf_text(app_client.get(f"/p/{token}/pdf").content, tmp_path)
    assert "VERI*FACTU" in text and "BORRADOR" not in text
    r = api.post(f"/v1/invoices/{invoice['id']}/send", {"to": "a@ejemplo.es"})
    assert r.status_code == 409 and r.json()["error"]["code"] == "invoice_not_issued"

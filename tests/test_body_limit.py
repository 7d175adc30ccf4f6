"""Request bodies are bounded (TALONARIO_MAX_BODY_BYTES, 1 MiB by default): a larger one is a 413
in the API's error JSON, declared or chunked, answered without waiting for the rest of it."""

import json
import socket
from collections.abc import Iterator

import pytest

from talonario.companies import logo
from talonario.config import Settings
from talonario.runtime import Runtime
from tests.conftest import Api
from tests.fixtures.factories import create_company, invoice_body
from tests.fixtures.servers import HOST, Server, running_server

LIMIT = 4096  # the real server's limit in these tests


def test_the_default_limit_is_one_mebibyte() -> None:
    assert Settings.model_fields["max_body_bytes"].default == 1024 * 1024


def test_a_body_over_the_limit_is_413_and_writes_nothing(api: Api) -> None:
    padding = "x" * (1024 * 1024)
    r = api.post("/v1/invoices", invoice_body(notes=padding))
    assert r.status_code == 413
    error = r.json()["error"]
    assert error["code"] == "body_too_large" and error["type"] == "invalid_request_error"
    assert "1048576 bytes" in error["message"]
    assert error["request_id"] == r.headers["x-request-id"]
    assert api.get("/v1/invoices").json()["data"] == []
    # Under the limit the same request goes through.
    assert api.post("/v1/invoices", invoice_body(notes="x" * 5000)).status_code == 201


def test_a_chunked_body_over_the_limit_is_413(api: Api) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"lines": [], "notes": "'
        for _ in range(20):
            yield b"y" * 65536
        yield b'"}'

    r = api.post("/v1/invoices", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "body_too_large"


def test_lines_per_invoice_stay_bounded_at_500(api: Api) -> None:
    line = {"description": "x", "quantity": 1, "unit_price": 1}
    r = api.post("/v1/invoices", invoice_body(lines=[line] * 501))
    assert r.status_code == 422 and r.json()["error"]["param"] == "lines"
    assert api.post("/v1/invoices", invoice_body(lines=[line] * 500)).status_code == 201


# --- a real server, over a socket -------------------------------------------------------------


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, database_url: str) -> Iterator[Server]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TALONARIO_MAX_BODY_BYTES", str(LIMIT))
        log = tmp_path_factory.mktemp("limit") / "server.log"
        with running_server(database_url, log) as running:
            yield running


def _answer(sock: socket.socket) -> tuple[int, dict]:
    data = b""
    while b"\r\n\r\n" not in data:
        data += sock.recv(65536)
    head, _, body = data.partition(b"\r\n\r\n")
    length = int(
        next(
            line.split(b":")[1]
            for line in head.split(b"\r\n")
            if line.lower().startswith(b"content-length")
        )
    )
    while len(body) < length:
        body += sock.recv(65536)
    return int(head.split(b" ")[1]), json.loads(body)


def _request_head(path: str, key: str, extra: str) -> bytes:
    return (
        f"POST {path} HTTP/1.1\r\nHost: {HOST}\r\nAuthorization: Bearer {key}\r\n"
        f"Content-Type: application/json\r\n{extra}\r\n"
    ).encode()


def test_a_declared_length_over_the_limit_is_refused_before_the_body_is_sent(
    server: Server, runtime: Runtime
) -> None:
    _, key = create_company(runtime.db)
    with socket.create_connection((HOST, server.port), timeout=10) as sock:
        sock.sendall(_request_head("/v1/invoices", key, f"Content-Length: {10 * 1024 * 1024}\r\n"))
        status, body = _answer(sock)  # not one byte of the body sent
    assert status == 413
    assert body["error"]["code"] == "body_too_large" and str(LIMIT) in body["error"]["message"]


def test_a_chunked_body_is_refused_once_it_passes_the_limit(
    server: Server, runtime: Runtime
) -> None:
    _, key = create_company(runtime.db)
    with socket.create_connection((HOST, server.port), timeout=10) as sock:
        sock.sendall(_request_head("/v1/invoices", key, "Transfer-Encoding: chunked\r\n"))
        chunk = b'{"notes": "' + b"z" * LIMIT
        sock.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
        status, body = _answer(sock)  # answered with the body still open: no final chunk
    assert status == 413 and body["error"]["code"] == "body_too_large"


def test_under_the_limit_a_real_request_goes_through(server: Server, runtime: Runtime) -> None:
    _, key = create_company(runtime.db)
    payload = json.dumps(invoice_body()).encode()
    assert len(payload) < LIMIT
    with socket.create_connection((HOST, server.port), timeout=10) as sock:
        sock.sendall(_request_head("/v1/invoices", key, f"Content-Length: {len(payload)}\r\n"))
        sock.sendall(payload)
        status, body = _answer(sock)
    assert status == 201, body


def test_the_logo_keeps_its_own_lower_limit(api: Api) -> None:
    assert Settings.model_fields["max_body_bytes"].default > logo.MAX_BYTES
    r = api.client.put(
        "/v1/company/logo",
        content=b"\x89PNG" + b"\x00" * (logo.MAX_BYTES + 1),
        headers=api.headers | {"content-type": "image/png"},
    )
    assert r.status_code == 413 and r.json()["error"]["code"] == "logo_too_large"


def test_the_mounted_sandbox_takes_a_submission_of_aeats_size(api: Api) -> None:
    # 1,000 records run to several MiB: past the API's limit, within the SOAP one.
    envelope = b"<x>" + b" " * (3 * 1024 * 1024) + b"</x>"
    r = api.client.post("/aeat-sandbox/VerifactuSOAP", content=envelope)
    assert r.status_code != 413  # the sandbox read it (a SOAP fault: <x> is no submission)
    huge = b"<x>" + b" " * (17 * 1024 * 1024) + b"</x>"
    r = api.client.post("/aeat-sandbox/VerifactuSOAP", content=huge)
    assert r.status_code == 413 and r.json()["error"]["code"] == "body_too_large"

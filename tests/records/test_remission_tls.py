"""The product path to AEAT over mutual TLS, every piece a real process: a company switched to
`preproduction` uploads its PKCS#12, issues an invoice, and the worker inside `talonario serve`
remits it with that certificate to `talonario sandbox` standing in for AEAT behind HTTPS that
requires a client certificate (TALONARIO_AEAT_ENDPOINT_URL, TALONARIO_AEAT_CA_FILE)."""

import base64
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from talonario.models import Company
from talonario.records import remission
from talonario.runtime import Runtime
from talonario.verifactu.client import CertificateKind, Environment, PermanentError, endpoint
from tests.aeat_sandbox.helpers import (
    Pki,
    SandboxProcess,
    make_pki,
    random_nif,
    running_sandbox_process,
)
from tests.conftest import TEST_PRODUCER, make_settings
from tests.fixtures.database import migrated_database
from tests.fixtures.factories import create_company, invoice_body
from tests.fixtures.servers import Server, running_server

pytestmark = pytest.mark.xdist_group("servers")

TIMEOUT = 30.0  # seconds for the worker to act; it polls every 0.2 s


@dataclass
class Talonario:
    """The API with its in-process worker (`serve --worker`), on a database of its own so
    the worker sees only this module's companies."""

    server: Server
    runtime: Runtime

    def company(self, nif: str) -> httpx.Client:
        """A new company, and an HTTP client speaking for it."""
        _, key = create_company(self.runtime.db, legal_name="Empresa de Pruebas SL", nif=nif)
        return httpx.Client(
            base_url=self.server.url, headers={"Authorization": f"Bearer {key}"}, timeout=30
        )


def kind_of(database_url: str) -> str:
    return "sqlite" if database_url.startswith("sqlite") else "postgresql"


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="module")
def aeat(
    database_url: str, pki: Pki, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SandboxProcess]:
    """AEAT's stand-in on its own database, as AEAT keeps its own books."""
    with ExitStack() as stack:
        url = stack.enter_context(
            migrated_database(kind_of(database_url), tmp_path_factory.mktemp("aeat-db"))
        )
        log = tmp_path_factory.mktemp("aeat-log") / "sandbox.log"
        yield stack.enter_context(running_sandbox_process(url, pki, log, wait_seconds=1))


@pytest.fixture(scope="module")
def talonario(
    database_url: str,
    aeat: SandboxProcess,
    pki: Pki,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Talonario]:
    with ExitStack() as stack:
        url = stack.enter_context(
            migrated_database(kind_of(database_url), tmp_path_factory.mktemp("talonario-db"))
        )
        runtime = Runtime.from_settings(make_settings(url))
        stack.callback(runtime.db.dispose)
        mp = stack.enter_context(pytest.MonkeyPatch.context())
        mp.setenv("TALONARIO_AEAT_ENDPOINT_URL", aeat.url)
        mp.setenv("TALONARIO_AEAT_CA_FILE", str(pki.ca_file))
        mp.setenv("TALONARIO_RUN_WORKER", "true")
        mp.setenv("TALONARIO_WORKER_POLL_SECONDS", "0.2")
        for name, value in TEST_PRODUCER.items():
            mp.setenv(f"TALONARIO_{name.upper()}", value)
        log = tmp_path_factory.mktemp("talonario-log") / "server.log"
        yield Talonario(stack.enter_context(running_server(url, log)), runtime)


def upload_certificate(http: httpx.Client, p12: bytes, password: str) -> dict[str, Any]:
    r = http.post(
        "/v1/company/certificate",
        json={"pkcs12": base64.b64encode(p12).decode(), "password": password},
    )
    assert r.status_code == 200, r.text
    return r.json()


def switch_to_preproduction(http: httpx.Client) -> None:
    r = http.patch("/v1/company", json={"verifactu": {"environment": "preproduction"}})
    assert r.status_code == 200, r.text
    assert r.json()["verifactu"]["environment"] == "preproduction"


def issue(http: httpx.Client) -> dict[str, Any]:
    r = http.post("/v1/invoices", json=invoice_body(issue=True))
    assert r.status_code == 201, r.text
    return r.json()


def wait_for(read: Callable[[], Any], done: Callable[[Any], bool], what: str, log: Path) -> Any:
    """Poll `read` until `done` holds for what it returns; that value."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        value = read()
        if done(value):
            return value
        time.sleep(0.2)
    raise AssertionError(
        f"timed out waiting for {what}; last seen {value!r}\n"
        f"{log.read_text(errors='replace')[-3000:]}"
    )


def answer_of(http: httpx.Client, invoice: dict[str, Any], log: Path) -> dict[str, Any]:
    """The invoice's `verifactu` once AEAT answered its record."""
    return wait_for(
        lambda: http.get(f"/v1/invoices/{invoice['id']}").json()["verifactu"],
        lambda vf: vf["status"] not in ("pending", "submitted"),
        "the record's answer",
        log,
    )


def first_attempt(http: httpx.Client, log: Path) -> dict[str, Any]:
    """`/v1/verifactu/status` once the worker tried to send."""
    return wait_for(
        lambda: http.get("/v1/verifactu/status").json(),
        lambda s: s["last_submission"] is not None,
        "the worker's attempt",
        log,
    )


def held_by_aeat(aeat: SandboxProcess, nif: str) -> list[dict[str, Any]]:
    r = aeat.control("GET", "/control/records", params={"nif": nif})
    assert r.status_code == 200, r.text
    return r.json()["data"]


def test_issued_invoice_is_remitted_over_mutual_tls_and_accepted_with_a_csv(
    talonario: Talonario, aeat: SandboxProcess, pki: Pki
) -> None:
    nif = random_nif()
    with talonario.company(nif) as http:
        company = upload_certificate(http, pki.client_pkcs12(nif), pki.client_password)
        certificate = company["verifactu"]["certificate"]
        assert certificate["nif"] == nif and certificate["warning"] is None
        switch_to_preproduction(http)
        invoice = issue(http)
        assert invoice["verifactu"]["status"] == "pending"

        verifactu = answer_of(http, invoice, talonario.server.log)
        assert verifactu["status"] == "accepted", verifactu
        assert verifactu["csv"] and verifactu["errors"] == []
        status = http.get("/v1/verifactu/status").json()

    assert status["pending"] == 0 and status["incident"]["open"] is False
    assert status["last_submission"]["status"] == "answered"
    assert status["last_submission"]["csv"] == verifactu["csv"]
    [stored] = held_by_aeat(aeat, nif)
    assert stored["number"] == invoice["number"] and stored["state"] == "Correcto"
    assert stored["huella"] == invoice["verifactu"]["huella"]
    assert stored["csv"] == verifactu["csv"]


def test_without_a_certificate_nothing_leaves_until_one_is_uploaded(
    talonario: Talonario, aeat: SandboxProcess, pki: Pki
) -> None:
    nif = random_nif()
    with talonario.company(nif) as http:
        switch_to_preproduction(http)
        invoice = issue(http)
        status = first_attempt(http, talonario.server.log)
        waiting = http.get(f"/v1/invoices/{invoice['id']}").json()["verifactu"]

        failed = status["last_submission"]
        assert failed["status"] == "permanent_error" and failed["csv"] is None
        assert "has no certificate" in failed["error"]
        assert "POST /v1/company/certificate" in failed["error"]
        assert status["incident"]["last_error"] == failed["error"]
        assert status["pending"] == 1 and status["reason"] == "certificate_missing"
        assert waiting["status"] == "pending" and waiting["csv"] is None
        assert held_by_aeat(aeat, nif) == []

        # The upload lifts the hour's backoff of that permanent error: the record goes now.
        upload_certificate(http, pki.client_pkcs12(nif), pki.client_password)
        answered = answer_of(http, invoice, talonario.server.log)
    assert answered["status"] == "accepted" and answered["csv"]
    assert [r["number"] for r in held_by_aeat(aeat, nif)] == [invoice["number"]]


def test_certificate_of_another_ca_is_refused_by_aeat_and_the_record_waits(
    talonario: Talonario, aeat: SandboxProcess, tmp_path: Path
) -> None:
    nif = random_nif()
    stranger = make_pki(tmp_path)  # a CA the AEAT stand-in does not trust
    with talonario.company(nif) as http:
        upload_certificate(http, stranger.client_pkcs12(nif), stranger.client_password)
        switch_to_preproduction(http)
        invoice = issue(http)

        status = first_attempt(http, talonario.server.log)
        verifactu = http.get(f"/v1/invoices/{invoice['id']}").json()["verifactu"]

    failed = status["last_submission"]
    # Under TLS 1.3 the server checks the client certificate after the client's side of the
    # handshake: a refusal may come as a TLS alert (permanent) but usually as a hang-up, which
    # is retried like any dropped connection, with the certificate named as a likely cause.
    if failed["status"] == "permanent_error":
        assert failed["error"].startswith("TLS refused"), failed
    else:
        assert failed["status"] == "transient_error", failed
        assert failed["error"].startswith("cannot reach AEAT"), failed
        assert "refusing the client certificate" in failed["error"]
    assert status["incident"]["last_error"] == failed["error"]
    assert status["pending"] == 1
    assert verifactu["status"] == "pending" and verifactu["csv"] is None
    assert held_by_aeat(aeat, nif) == []


def test_without_the_endpoint_setting_aeat_is_used_and_an_unusable_ca_file_is_permanent(
    talonario: Talonario, pki: Pki, tmp_path: Path
) -> None:
    nif = random_nif()
    with talonario.company(nif) as http:
        upload_certificate(http, pki.client_pkcs12(nif), pki.client_password)
        switch_to_preproduction(http)
    db = talonario.runtime.db
    with db.read_session() as session:
        company = session.scalars(select(Company).where(Company.nif == nif)).one()
    settings = talonario.runtime.settings
    assert settings.aeat_endpoint_url is None

    with remission.default_client(db, company, settings) as client:
        assert client.url == endpoint(Environment.PREPRODUCTION, CertificateKind.PERSONAL)
    missing = settings.model_copy(update={"aeat_ca_file": str(tmp_path / "missing.pem")})
    with pytest.raises(PermanentError, match="TALONARIO_AEAT_CA_FILE is not usable"):
        remission.default_client(db, company, missing)

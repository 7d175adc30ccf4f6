"""Shared by the sandbox and client tests: the sandbox in a real uvicorn server on a loopback
port, taxpayers whose chains build sealed records, and a throwaway PKI for mutual TLS."""

import os
import secrets
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal as D
from ipaddress import ip_address
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import uvicorn
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from talonario.aeat_sandbox import create_sandbox_app
from talonario.aeat_sandbox.app import SOAP_PATH
from talonario.config import Settings
from talonario.db import Database
from talonario.kit.clock import today_in
from talonario.verifactu import tls
from talonario.verifactu.codes import InvoiceType, OperationQualification
from talonario.verifactu.hashing import seal
from talonario.verifactu.records import (
    BreakdownLine,
    CancellationRecord,
    InvoiceId,
    Party,
    PreviousRecord,
    Record,
    RegistrationRecord,
    SoftwareSystem,
    SubmissionHeader,
)
from talonario.verifactu.xml import soap_envelope, submission_document
from tests.fixtures.servers import SANDBOX_CONTROL_TOKEN, launched, talonario_command
from tests.verifactu import samples

HOST = "127.0.0.1"
WAIT_SECONDS = 7  # the TiempoEsperaEnvio the test sandbox answers
MADRID = ZoneInfo("Europe/Madrid")
_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
CLIENT = Party("CLIENTE EJEMPLO SA", "B12345674")


def random_nif() -> str:
    """A checksum-valid DNI no other test uses: each test gets its own taxpayer at AEAT."""
    number = secrets.randbelow(10**8)
    return f"{number:08d}{_DNI_LETTERS[number % 23]}"


def system(installation: str) -> SoftwareSystem:
    return replace(samples.SYSTEM, installation_number=installation)


def vat_line(base: str, rate: str = "21", quota: str | None = None) -> BreakdownLine:
    amount = (D(base) * D(rate) / 100).quantize(D("0.01")) if quota is None else D(quota)
    return BreakdownLine(
        qualification=OperationQualification.SUBJECT, rate=D(rate), base=D(base), quota=amount
    )


@dataclass
class Taxpayer:
    """One obligado tributario and its chain: each record built links to the one before."""

    nif: str = field(default_factory=random_nif)
    name: str = "EMPRESA DE PRUEBAS SL"
    installation: str = "TEST-0001"
    last: PreviousRecord | None = None
    issue_date: date = field(default_factory=lambda: today_in("Europe/Madrid"))
    _tick: int = 0

    @property
    def party(self) -> Party:
        return Party(self.name, self.nif)

    def invoice(self, number: str) -> InvoiceId:
        return InvoiceId(self.nif, number, self.issue_date)

    def alta(self, number: str, **changes: Any) -> RegistrationRecord:
        """A sealed F1 of 100.00 + 21 % chained to the last record built (unless `previous`
        is given); it becomes the chain's last record."""
        values: dict[str, Any] = {
            "invoice": self.invoice(number),
            "issuer_name": self.name,
            "invoice_type": InvoiceType.STANDARD,
            "description": "Servicios de prueba",
            "recipients": (CLIENT,),
            "breakdown": (vat_line("100.00"),),
            "total_tax": D("21.00"),
            "total_amount": D("121.00"),
            "previous": self.last,
            "system": system(self.installation),
            "generated_at": self._now(),
        }
        values.update(changes)
        record = seal(RegistrationRecord(**values))
        self.last = record.as_previous()
        return record

    def anulacion(self, number: str, **changes: Any) -> CancellationRecord:
        values: dict[str, Any] = {
            "invoice": self.invoice(number),
            "previous": self.last,
            "system": system(self.installation),
            "generated_at": self._now(),
        }
        values.update(changes)
        record = seal(CancellationRecord(**values))
        self.last = record.as_previous()
        return record

    def envelope(self, *records: Record) -> bytes:
        return soap_envelope(submission_document(SubmissionHeader(taxpayer=self.party), records))

    def _now(self) -> datetime:
        # Distinct, increasing generation times: each record gets its own huella.
        self._tick += 1
        base = datetime.now(MADRID).replace(microsecond=0) - timedelta(minutes=5)
        return base + timedelta(seconds=self._tick)


def as_operator(token: str | None, kwargs: dict[str, Any]) -> dict[str, Any]:
    """`kwargs` of a control request carrying the operator's token, unless they carry their
    own Authorization (a test speaking as a company, or as nobody with `headers={}`)."""
    headers = kwargs.pop("headers", None)
    if headers is None:
        headers = {} if token is None else {"Authorization": f"Bearer {token}"}
    return kwargs | {"headers": headers}


@dataclass
class SandboxServer:
    url: str  # the SOAP endpoint
    base: str  # where /control lives
    server: uvicorn.Server
    token: str | None = None  # the operator's control token

    def control(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """A control request, as the operator unless `headers` say otherwise."""
        return httpx.request(
            method, self.base + path, timeout=10, **as_operator(self.token, kwargs)
        )

    def fault(self, **spec: Any) -> None:
        answer = self.control("POST", "/control/faults", json=spec)
        assert answer.status_code == 201, answer.text


@contextmanager
def running_sandbox(
    settings: Settings, db: Database, *, tls: dict[str, Any] | None = None, **options: Any
) -> Iterator[SandboxServer]:
    """The sandbox app served by uvicorn in a thread, on a socket bound before the server
    starts (no race for a free port); stopped on exit."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((HOST, 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(
        create_sandbox_app(settings, db, **options),
        log_level="warning",
        lifespan="off",
        access_log=False,
        **(tls or {}),
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the sandbox server did not start")
        time.sleep(0.02)
    scheme = "https" if tls else "http"
    base = f"{scheme}://{HOST}:{port}"
    try:
        token = settings.sandbox_control_token
        yield SandboxServer(url=base + "/VerifactuSOAP", base=base, server=server, token=token)
    finally:
        server.should_exit = True
        thread.join(timeout=15)
        sock.close()


@dataclass(frozen=True)
class Pki:
    """A test CA, a server certificate for 127.0.0.1 and a client certificate as PKCS#12."""

    ca_pem: str
    server_cert: Path
    server_key: Path
    ca_file: Path
    client_p12: bytes
    client_password: str
    ca: x509.Certificate
    ca_key: ec.EllipticCurvePrivateKey

    def client_pkcs12(self, nif: str) -> bytes:
        """Another client certificate of this CA, for `nif`, as PKCS#12 under
        `client_password`."""
        return _client_pkcs12(self.ca, self.ca_key, nif, self.client_password)

    def client_tls(self) -> ssl.SSLContext:
        """A client context presenting `client_p12` and trusting the CA: what a server made
        with `tls_server_options` accepts."""
        return tls.client_context(self.client_p12, self.client_password, cadata=self.ca_pem)


def make_pki(directory: Path, *, nif: str = "B12345674") -> Pki:
    """A fresh CA (each call another one) in `directory`; its client certificate is for `nif`."""
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Talonario Test CA")])
    ca = _certificate(ca_name, ca_name, ca_key.public_key(), ca_key, ca=True)
    server_key = ec.generate_private_key(ec.SECP256R1())
    server = _certificate(
        x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, HOST)]),
        ca_name,
        server_key.public_key(),
        ca_key,
        san=x509.SubjectAlternativeName([x509.IPAddress(ip_address(HOST))]),
    )
    password = "s3cret-pass"
    pem = serialization.Encoding.PEM
    paths = {name: directory / f"{name}.pem" for name in ("ca", "server", "server-key")}
    paths["ca"].write_bytes(ca.public_bytes(pem))
    paths["server"].write_bytes(server.public_bytes(pem))
    paths["server-key"].write_bytes(
        server_key.private_bytes(
            pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return Pki(
        ca_pem=ca.public_bytes(pem).decode(),
        server_cert=paths["server"],
        server_key=paths["server-key"],
        ca_file=paths["ca"],
        client_p12=_client_pkcs12(ca, ca_key, nif, password),
        client_password=password,
        ca=ca,
        ca_key=ca_key,
    )


def _client_pkcs12(
    ca: x509.Certificate, ca_key: ec.EllipticCurvePrivateKey, nif: str, password: str
) -> bytes:
    """A personal certificate as AEAT's clients carry one: the NIF in the subject's
    serialNumber (ETSI IDCES-…), bundled with its key and the CA under `password`."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, "EMPRESA DE PRUEBAS SL"),
            x509.NameAttribute(NameOID.SERIAL_NUMBER, f"IDCES-{nif}"),
        ]
    )
    certificate = _certificate(subject, ca.subject, key.public_key(), ca_key)
    return pkcs12.serialize_key_and_certificates(
        b"client", key, certificate, [ca], serialization.BestAvailableEncryption(password.encode())
    )


@dataclass
class SandboxProcess:
    """`talonario sandbox` as a real process, serving HTTPS that requires a client
    certificate of the test CA."""

    process: subprocess.Popen[bytes]
    base: str  # where /control lives
    log: Path
    pki: Pki

    @property
    def url(self) -> str:
        return self.base + SOAP_PATH

    def control(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """A control request, as the operator unless `headers` say otherwise."""
        kwargs = as_operator(SANDBOX_CONTROL_TOKEN, kwargs)
        return tls_request(self.pki, method, self.base + path, **kwargs)

    def log_tail(self, chars: int = 4000) -> str:
        try:
            return self.log.read_text(errors="replace")[-chars:]
        except OSError:
            return ""


def tls_request(pki: Pki, method: str, url: str, **kwargs: Any) -> httpx.Response:
    """One request with the test client certificate (the sandbox over mutual TLS)."""
    with httpx.Client(verify=pki.client_tls(), timeout=10) as client:
        return client.request(method, url, **kwargs)


@contextmanager
def running_sandbox_process(
    database_url: str, pki: Pki, log: Path, *, wait_seconds: int = WAIT_SECONDS
) -> Iterator[SandboxProcess]:
    """`talonario sandbox --no-migrate` over mutual TLS on a free loopback port, answering
    /health on entry and always stopped on exit."""
    env = os.environ | {
        "TALONARIO_DATABASE_URL": database_url,
        "TALONARIO_SANDBOX_WAIT_SECONDS": str(wait_seconds),
        "TALONARIO_SANDBOX_CONTROL_TOKEN": SANDBOX_CONTROL_TOKEN,
    }
    tls_options = ["--ssl-certfile", str(pki.server_cert), "--ssl-keyfile", str(pki.server_key)]
    tls_options += ["--ssl-ca-certs", str(pki.ca_file)]
    command = [talonario_command(), "sandbox", "--no-migrate", "--host", HOST, *tls_options]

    def answers(port: int) -> bool:
        return tls_request(pki, "GET", f"https://{HOST}:{port}/health").status_code == 200

    with launched(lambda port: [*command, "--port", str(port)], env, log, answers) as (
        process,
        port,
    ):
        yield SandboxProcess(process, f"https://{HOST}:{port}", log, pki)


def tls_server_options(pki: Pki) -> dict[str, Any]:
    return {
        "ssl_certfile": str(pki.server_cert),
        "ssl_keyfile": str(pki.server_key),
        "ssl_ca_certs": str(pki.ca_file),
        "ssl_cert_reqs": ssl.CERT_REQUIRED,
    }


def _certificate(
    subject: x509.Name,
    issuer: x509.Name,
    public_key: Any,
    signing_key: Any,
    *,
    ca: bool = False,
    san: x509.SubjectAlternativeName | None = None,
) -> x509.Certificate:
    now = datetime.now(UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        # Beyond the 30 days in which an uploaded certificate is flagged as expiring.
        .not_valid_after(now + timedelta(days=90))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        # Key identifiers: Python 3.13's strict verification wants them.
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(signing_key.public_key()),
            critical=False,
        )
    )
    if san is not None:
        builder = builder.add_extension(san, critical=False)
    return builder.sign(signing_key, hashes.SHA256())

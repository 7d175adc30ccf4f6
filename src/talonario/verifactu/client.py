"""The AEAT VERI*FACTU SOAP client: plain httpx + lxml, no database, no WSDL at run time.

It receives its endpoint, TLS context (see `tls.client_context`) and optionally an httpx
transport; it never builds a certificate itself. Every failure is one of two types, so the
worker knows what to do (DESIGN habit 5; spec §8.4):

* TransientError: AEAT is down or busy, or the answer was lost (timeouts, connection errors,
  HTTP 5xx, SOAP Server faults, unreadable answers). Keep the records, retry later, flag the
  next submission with Incidencia=S. Resending is safe: stored altas come back as 3000.
* PermanentError: this request cannot succeed as it is (SOAP Client faults such as 4102 schema
  or 4112 certificate holder, other HTTP 4xx, redirects, TLS refusals). Surface it; retrying the
  same bytes is pointless.

A record rejected inside an accepted answer is not an exception: it is a line of the result.
"""

import ssl
from enum import StrEnum
from types import TracebackType

import httpx
from lxml import etree

from talonario.verifactu.responses import (
    QueryFilter,
    QueryResult,
    SubmissionResult,
    UnexpectedAnswer,
    body_element,
    fault,
    query_document,
    query_result,
    submission_result,
)
from talonario.verifactu.xml import soap_envelope

SANDBOX_PREFIX = "/aeat-sandbox"  # where main.py mounts the built-in sandbox
SANDBOX_PATH = SANDBOX_PREFIX + "/VerifactuSOAP"
# AEAT can take more than 30 s to answer a large submission (spec §8.1).
DEFAULT_TIMEOUT = httpx.Timeout(120.0, connect=15.0)


class Environment(StrEnum):
    SANDBOX = "sandbox"  # our built-in stand-in (aeat_sandbox)
    PREPRODUCTION = "preproduction"  # AEAT's test environment (prewww)
    PRODUCTION = "production"


class CertificateKind(StrEnum):
    """AEAT serves seal certificates (sello electrónico) on other hosts (spec §8.2)."""

    PERSONAL = "normal"  # a person's or company representative's certificate
    SEAL = "sello"  # an electronic seal


_AEAT = "/wlpl/TIKE-CONT/ws/SistemaFacturacion/VerifactuSOAP"
# WSDL service sfVerifactu: SistemaVerifactu, ...Sello, ...Pruebas, ...SelloPruebas.
ENDPOINTS = {
    (Environment.PRODUCTION, CertificateKind.PERSONAL): "https://www1.agenciatributaria.gob.es"
    + _AEAT,
    (Environment.PRODUCTION, CertificateKind.SEAL): "https://www10.agenciatributaria.gob.es"
    + _AEAT,
    (Environment.PREPRODUCTION, CertificateKind.PERSONAL): "https://prewww1.aeat.es" + _AEAT,
    (Environment.PREPRODUCTION, CertificateKind.SEAL): "https://prewww10.aeat.es" + _AEAT,
}


_REQUIREMENT = "/wlpl/TIKE-CONT/ws/SistemaFacturacion/RequerimientoSOAP"
REQUIREMENT_SANDBOX_PATH = SANDBOX_PREFIX + "/RequerimientoSOAP"
# WSDL service sfRequerimiento (records of a NO VERI*FACTU system, sent when AEAT requires
# them): SistemaRequerimiento, ...Sello, ...Pruebas, ...SelloPruebas. RegFactu only.
REQUIREMENT_ENDPOINTS = {key: url.replace(_AEAT, _REQUIREMENT) for key, url in ENDPOINTS.items()}


def requirement_url(verifactu_url: str) -> str:
    """The requirement endpoint beside a VERI*FACTU one (AEAT's hosts, our sandbox, or a
    configured stand-in): the same host, `RequerimientoSOAP` for `VerifactuSOAP`."""
    base = verifactu_url.rstrip("/")
    if base.endswith("/VerifactuSOAP"):
        return base.removesuffix("/VerifactuSOAP") + "/RequerimientoSOAP"
    return base + "/RequerimientoSOAP"


class AeatError(Exception):
    """A request that produced no usable answer."""

    def __init__(
        self,
        message: str,
        *,
        code: int | None = None,
        http_status: int | None = None,
        raw: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code  # AEAT's NNNN from a fault's Codigo[NNNN], when there is one
        self.http_status = http_status
        self.raw = raw  # the body received, when there was one


class TransientError(AeatError):
    """Retry later: nothing says the request itself is wrong."""


class PermanentError(AeatError):
    """Do not retry as is: the request, the certificate or the configuration must change."""


def endpoint(
    environment: Environment,
    certificate_kind: CertificateKind = CertificateKind.PERSONAL,
    *,
    sandbox_url: str | None = None,
) -> str:
    """The VERI*FACTU endpoint of an environment; the sandbox's is ours, so it is passed in."""
    if environment is Environment.SANDBOX:
        if not sandbox_url:
            raise ValueError("the sandbox environment needs the sandbox URL")
        return sandbox_url
    return ENDPOINTS[(environment, certificate_kind)]


def sandbox_url(base_url: str) -> str:
    """The built-in sandbox's SOAP URL under a Talonario server's public base URL."""
    return base_url.rstrip("/") + SANDBOX_PATH


def sandbox_endpoint(configured: str | None, base_url: str, *, mounted: bool) -> str:
    """Where `sandbox` companies remit: `configured` (TALONARIO_AEAT_SANDBOX_URL), else the
    sandbox this server mounts (TALONARIO_SANDBOX=on). With neither there is nowhere to send:
    a PermanentError naming both settings, rather than a stream of 404s."""
    if configured:
        return configured
    if not mounted:
        raise PermanentError(
            "The company remits to the sandbox environment, but this server does not mount the"
            " AEAT sandbox (TALONARIO_SANDBOX=off) and TALONARIO_AEAT_SANDBOX_URL is not set:"
            " set one of them, or move the company to another environment."
        )
    return sandbox_url(base_url)


class AeatClient:
    """One AEAT endpoint. Thread-safe (httpx.Client is); close it, or use it as a context."""

    def __init__(
        self,
        url: str,
        *,
        tls: ssl.SSLContext | None = None,
        timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.url = url
        self._presents_certificate = tls is not None
        self._http = httpx.Client(
            verify=tls if tls is not None else True,
            timeout=timeout,
            transport=transport,
            # AEAT redirects unaccepted certificates to an HTML page: that is an answer.
            follow_redirects=False,
            headers={"Content-Type": "text/xml; charset=utf-8", "SOAPAction": '""'},
        )

    def submit(self, envelope: bytes) -> SubmissionResult:
        """POST a RegFactuSistemaFacturacion envelope (`xml.soap_envelope(submission_document
        (...))`) and read AEAT's verdict on each record."""
        element, raw = self._exchange(envelope)
        return _read(submission_result, element, raw)

    def query(self, query: QueryFilter) -> QueryResult:
        """ConsultaFactuSistemaFacturacion: what AEAT holds for the taxpayer in a period."""
        element, raw = self._exchange(soap_envelope(query_document(query)))
        return _read(query_result, element, raw)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> "AeatClient":
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _exchange(self, envelope: bytes) -> tuple[etree._Element, str]:
        try:
            response = self._http.post(self.url, content=envelope)
        except httpx.TimeoutException as exc:
            raise TransientError(f"AEAT did not answer in time ({type(exc).__name__})") from exc
        except httpx.TransportError as exc:
            if _tls_refused(exc):
                raise PermanentError(f"TLS refused: {_root_cause(exc)}") from exc
            message = f"cannot reach AEAT: {_root_cause(exc)}"
            if self._presents_certificate and isinstance(exc, _DROPPED):
                # Under TLS 1.3 a server checks the client certificate after the client's side
                # of the handshake, and one that refuses it may just hang up: no alert to see.
                message += "; a server refusing the client certificate hangs up like this too"
            raise TransientError(message) from exc
        status = response.status_code
        raw = response.text
        if response.is_redirect:
            location = response.headers.get("location", "")
            raise PermanentError(
                f"redirected to {location}: AEAT does so when it does not accept the client "
                "certificate",
                http_status=status,
                raw=raw,
            )
        try:
            element = body_element(response.content)
        except UnexpectedAnswer as exc:
            if status == 200:
                raise _by_status(status, str(exc), raw) from None
            # A proxy or AEAT falling over answers its own page: the status is the news.
            heard = f"HTTP {status} {response.reason_phrase}".rstrip()
            raise _by_status(
                status, f"{heard}, without a SOAP answer: {_excerpt(raw)}", raw
            ) from None
        found = fault(element)
        if found is not None:
            kind = PermanentError if found.is_client else TransientError
            raise kind(found.message, code=found.aeat_code, http_status=status, raw=raw)
        if status != 200:
            raise _by_status(status, f"HTTP {status} without a SOAP fault", raw)
        return element, raw


def _read(parse, element: etree._Element, raw: str):  # type: ignore[no-untyped-def]
    try:
        return parse(element, raw)
    except UnexpectedAnswer as exc:
        # AEAT: "no answer or an unexpected document -> resend" (spec §8.4).
        raise TransientError(str(exc), http_status=200, raw=raw) from None


def _by_status(status: int, message: str, raw: str) -> AeatError:
    if 400 <= status < 500 and status not in (408, 429):
        return PermanentError(message, http_status=status, raw=raw)
    return TransientError(message, http_status=status, raw=raw)


def _excerpt(raw: str, size: int = 200) -> str:
    """The start of a body, on one line, to show beside the status."""
    text = " ".join(raw.split())
    if not text:
        return "(empty body)"
    return repr(text if len(text) <= size else text[:size] + "…")


# The connection ended before any answer: a network fault, or a refused client certificate.
_DROPPED = (httpx.RemoteProtocolError, httpx.ReadError)


def _tls_refused(exc: BaseException) -> bool:
    """An SSL error anywhere in the cause chain: certificate rejected or not trusted."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLError) and not isinstance(seen, ssl.SSLEOFError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _root_cause(exc: BaseException) -> str:
    while exc.__cause__ is not None or exc.__context__ is not None:
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
    return f"{type(exc).__name__}: {exc}"

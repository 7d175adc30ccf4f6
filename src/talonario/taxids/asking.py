"""Asking the registers, outside any transaction: AEAT's identification census for a NIF, VIES
for an EU VAT number.

Where a company's questions go follows its VERI*FACTU environment, as its records do:

* `sandbox`: the AEAT sandbox (aeat_sandbox/census.py): the one this server mounts
  (TALONARIO_SANDBOX=on), answered in this process, or the one beside
  TALONARIO_AEAT_SANDBOX_URL. The request names the asking company's NIF, so that fault
  switches its key sets hit only its own questions.
* `preproduction` and `production`: AEAT's census over mutual TLS with the company's certificate
  (AEAT keeps no test census: its production hosts, www1 or www10 for a seal), and the EU's VIES.

A register that fails (fault, timeout, HTTP error, AEAT's NO PROCESADO) is a 503 naming it;
a check that cannot go out as the company or the server is set up, a 409.
"""

from contextlib import closing
from dataclasses import dataclass
from typing import Any

import httpx

from talonario.aeat_sandbox.census import CALLER_HEADER, CENSUS_PATH, VIES_PATH, local_transport
from talonario.config import Settings
from talonario.db import Database
from talonario.errors import AppError, Conflict
from talonario.kit.secrets import DecryptionError
from talonario.models import Company
from talonario.records import credentials
from talonario.taxids.questions import Question, Result, Source
from talonario.verifactu import census, vies
from talonario.verifactu.client import SANDBOX_PATH, SANDBOX_PREFIX, AeatError, Environment
from talonario.verifactu.tls import InvalidCaBundle, InvalidCertificate, client_context

# A question waits for its answer inside an API request: long enough for a slow register.
TIMEOUT = httpx.Timeout(20.0, connect=5.0)

_RESULTS: dict[census.Resultado, Result] = {
    census.Resultado.IDENTIFIED: "identified",
    census.Resultado.DEREGISTERED: "identified_deregistered",
    census.Resultado.REVOKED: "identified_revoked",
    census.Resultado.NOT_IDENTIFIED: "not_identified",
    census.Resultado.NOT_IDENTIFIABLE: "not_identified",
    census.Resultado.SIMILAR: "not_identified_similar",
}


class CensusUnavailable(AppError):
    """AEAT's census gave no answer: try again later; nothing was kept."""

    status = 503
    type = "api_error"
    code = "census_unavailable"


class ViesUnavailable(AppError):
    """VIES gave no answer: try again later; nothing was kept."""

    status = 503
    type = "api_error"
    code = "vies_unavailable"


class TaxIdCheckRefused(Conflict):
    """The check cannot go out as the company or this server is set up."""

    code = "tax_id_check_refused"


@dataclass(frozen=True, slots=True)
class Found:
    result: Result
    registered_name: str | None


def ask(db: Database, settings: Settings, company: Company, question: Question) -> Found:
    """The register's answer, or CensusUnavailable / ViesUnavailable / TaxIdCheckRefused."""
    if question.source is Source.CENSUS:
        return _census(db, settings, company, question)
    return _vies(db, settings, company, question)


def _census(db: Database, settings: Settings, company: Company, question: Question) -> Found:
    options = _sandbox(db, settings, company, CENSUS_PATH) or _with_certificate(
        db, settings, company
    )
    url = options.pop("url")
    try:
        with closing(census.CensusClient(url, timeout=TIMEOUT, **options)) as client:
            row = client.identify(question.tax_id, question.name_key)
    except AeatError as exc:
        raise CensusUnavailable(f"AEAT's census did not answer: {_why(exc)}") from exc
    if row.result is census.Resultado.NOT_PROCESSED:
        raise CensusUnavailable(
            "AEAT's census could not look the NIF up now (NO PROCESADO): ask again later."
        )
    result = _RESULTS[row.result]
    # NO IDENTIFICADO echoes the name asked: that is no name AEAT holds.
    return Found(result, None if result == "not_identified" else row.name or None)


def _vies(db: Database, settings: Settings, company: Company, question: Question) -> Found:
    options = _sandbox(db, settings, company, VIES_PATH) or {"url": vies.ENDPOINT}
    url = options.pop("url")
    try:
        with closing(vies.ViesClient(url, timeout=TIMEOUT, **options)) as client:
            answer = client.check(question.country, question.number)
    except vies.InvalidInput as exc:
        raise ViesUnavailable(f"VIES refused the question ({exc.message}).") from exc
    except AeatError as exc:
        raise ViesUnavailable(f"VIES did not answer: {_why(exc)}") from exc
    return Found("identified" if answer.valid else "not_identified", answer.name)


def _sandbox(
    db: Database, settings: Settings, company: Company, path: str
) -> dict[str, Any] | None:
    """The client options for a `sandbox` company (None for the others)."""
    if Environment(company.verifactu_environment) is not Environment.SANDBOX:
        return None
    headers = {CALLER_HEADER: company.nif}
    configured = settings.aeat_sandbox_url
    if configured:
        # The VERI*FACTU endpoint's sibling: …/VerifactuSOAP -> …/VNifV2SOAP.
        base = configured.removesuffix(SANDBOX_PATH.removeprefix(SANDBOX_PREFIX)).rstrip("/")
        return {"url": base + path, "headers": headers}
    if settings.sandbox != "on":
        raise TaxIdCheckRefused(
            "The company is in the sandbox environment, but this server does not mount the AEAT"
            " sandbox (TALONARIO_SANDBOX=off) and TALONARIO_AEAT_SANDBOX_URL is not set: set"
            " one of them, or move the company to another environment."
        )
    url = settings.base_url.rstrip("/") + SANDBOX_PREFIX + path
    return {"url": url, "headers": headers, "transport": local_transport(db)}


def _with_certificate(db: Database, settings: Settings, company: Company) -> dict[str, Any]:
    """AEAT's census for a company in preproduction or production: its certificate's host."""
    with db.read_session() as session:
        try:
            material = credentials.load_for_tls(session, settings, company.id)
        except DecryptionError as exc:
            raise TaxIdCheckRefused(f"The company's certificate cannot be read: {exc}") from exc
    if material is None:
        raise TaxIdCheckRefused(
            "AEAT's census answers only a caller with a certificate: upload the company's"
            " (POST /v1/company/certificate)."
        )
    p12, password, kind = material
    try:
        tls = client_context(p12, password, cafile=settings.aeat_ca_file)
    except (InvalidCertificate, InvalidCaBundle) as exc:
        raise TaxIdCheckRefused(f"The company's certificate is not usable: {exc}") from exc
    return {"url": census.ENDPOINTS[kind], "tls": tls}


def _why(exc: AeatError) -> str:
    cause = exc.__cause__
    if isinstance(cause, httpx.TimeoutException):
        return f"no answer within {TIMEOUT.read:.0f} s ({type(cause).__name__})"
    if isinstance(cause, httpx.TransportError):
        return f"it cannot be reached ({type(cause).__name__}: {cause})"
    status = f" (HTTP {exc.http_status})" if exc.http_status else ""
    return f"{exc.message}{status}"

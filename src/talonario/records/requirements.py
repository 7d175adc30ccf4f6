"""AEAT requirements (POST /v1/verifactu/requirements): when AEAT requires the records of a
period (a NO VERI*FACTU system keeps them instead of remitting them), they go to the WSDL's
requirement endpoint (service sfRequerimiento, `RequerimientoSOAP`, beside the VERI*FACTU one
on the same host; for `sandbox` companies the sandbox's) with
`Cabecera/RemisionRequerimiento/RefRequerimiento` = AEAT's reference, in submissions of up to
1,000 records in chain order, the last one marked `FinRequerimiento=S`.

Sent as the request asks, not by the worker: the records are read in short read sessions,
sent with no transaction open, and the requirement and AEAT's answers are written afterwards
by the request's own transaction (an Idempotency-Key replays the answer, not the sending). A
submission AEAT does not answer stops the rest: the requirement is kept as `failed` with the
error, and can be sent again. Under a requirement AEAT admits business errors (the records
must show what was kept) and answers them as AceptadoConErrores; nothing
is corrected or chained on from its answer (spec §8.7, VAL §4.3.2).
"""

import json
from datetime import date
from typing import Any

from talonario.config import Settings
from talonario.db import Database
from talonario.db.repository import CompanyRepository
from talonario.errors import InvalidRequest
from talonario.kit.clock import utcnow
from talonario.models import Company, VerifactuRequirement
from talonario.records import remission
from talonario.records.exports import check_period, span_of, windows
from talonario.records.repository import stored_xml
from talonario.verifactu.client import AeatClient, AeatError, requirement_url
from talonario.verifactu.records import Party, SubmissionHeader
from talonario.verifactu.responses import SubmissionResult
from talonario.verifactu.xml import soap_envelope, submission_of_stored

# EstadoEnvio, from the best to the worst: the requirement shows its worst answer.
_ORDER = ("Correcto", "ParcialmenteCorrecto", "Incorrecto")


def requirement_client(db: Database, company: Company, settings: Settings) -> AeatClient:
    """The company's AEAT client (remission.default_client: sandbox, or AEAT over mutual TLS
    with its certificate) pointed at the requirement endpoint beside its VERI*FACTU one."""
    client = remission.default_client(db, company, settings)
    client.url = requirement_url(client.url)
    return client


def send(
    db: Database,
    settings: Settings,
    company_id: str,
    ref: str,
    start: date,
    end: date,
    client: AeatClient | None = None,
) -> VerifactuRequirement:
    """Send the period's records under `ref`; the requirement row, for the caller to add (the
    request's transaction writes it after AEAT has answered)."""
    check_period(start, end)
    with db.read_session() as session:
        company = CompanyRepository(session, company_id).existing(detached=True)
    span = span_of(db, company_id, start, end)
    if span is None:
        raise InvalidRequest(
            "No records were generated in the period: AEAT takes 1 to 1,000 records per"
            " submission, so there is nothing to send.",
            param="from",
        )
    parts: list[dict[str, Any]] = []
    error = None
    windows_ = list(windows(span))
    try:
        client = client or requirement_client(db, company, settings)
    except AeatError as exc:
        error = exc.message
    if client is not None:
        with client:
            for index, (first, last) in enumerate(windows_):
                header = SubmissionHeader(
                    taxpayer=Party(company.legal_name, nif=company.nif),
                    requirement_ref=ref,
                    requirement_end=index == len(windows_) - 1,
                )
                documents = [d for page in stored_xml(db, company_id, first, last) for d in page]
                part: dict[str, Any] = {
                    "records": len(documents),
                    "first_sequence": first,
                    "last_sequence": last,
                }
                parts.append(part)
                try:
                    result = client.submit(soap_envelope(submission_of_stored(header, documents)))
                except AeatError as exc:
                    error = part["error"] = exc.message
                    part["code"] = exc.code
                    part["response"] = exc.raw
                    break
                part.update(_answer(result))
    return _row(company, ref, start, end, span.count, parts, error)


def _answer(result: SubmissionResult) -> dict[str, Any]:
    counts = {"Correcto": 0, "AceptadoConErrores": 0, "Incorrecto": 0}
    errors = []
    for line in result.lines:
        counts[str(line.status)] = counts.get(str(line.status), 0) + 1
        if line.code is not None:
            errors.append(
                {
                    "number": line.invoice.number,
                    "issue_date": line.invoice.issue_date.isoformat(),
                    "operation": str(line.operation),
                    "status": str(line.status),
                    "code": line.code,
                    "description": line.description,
                }
            )
    return {
        "aeat_status": str(result.status),
        "csv": result.csv,
        "accepted": counts["Correcto"],
        "accepted_with_errors": counts["AceptadoConErrores"],
        "rejected": counts["Incorrecto"],
        "errors": errors,
        "response": result.raw,
    }


def _row(
    company: Company,
    ref: str,
    start: date,
    end: date,
    records: int,
    parts: list[dict[str, Any]],
    error: str | None,
) -> VerifactuRequirement:
    statuses = [p["aeat_status"] for p in parts if "aeat_status" in p]
    worst = max(statuses, key=_ORDER.index) if statuses else None
    return VerifactuRequirement(
        company_id=company.id,
        ref=ref,
        period_from=start,
        period_to=end,
        environment=company.verifactu_environment,
        status="failed" if error else "answered",
        aeat_status=worst,
        records=records,
        accepted=sum(p.get("accepted", 0) for p in parts),
        accepted_with_errors=sum(p.get("accepted_with_errors", 0) for p in parts),
        rejected=sum(p.get("rejected", 0) for p in parts),
        error=error,
        submissions=json.dumps(parts, ensure_ascii=False),
        answered_at=None if error else utcnow(),
    )

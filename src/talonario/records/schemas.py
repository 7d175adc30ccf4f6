"""The answers about VERI*FACTU records and their remission, each built by its `of`.

Most use `model_construct`: the values come from our own rows, already of the declared types,
and a value a Literal no longer lists must not turn a read into an error.
"""

from collections.abc import Sequence
from datetime import datetime
from typing import Literal, Self

from pydantic import BaseModel, Field

from talonario.models import Installation, VerifactuRecord, VerifactuRemission
from talonario.models import VerifactuSubmission as Submission
from talonario.verifactu.audit import ChainCheck, ChainReport
from talonario.verifactu.backoff import Reason


class AeatOut(BaseModel):
    csv: str | None
    code: str | None
    description: str | None
    submitted_at: str | None


class RecordOut(BaseModel):
    id: str
    object: Literal["verifactu_record"]
    invoice: str
    installation: str | None = Field(
        description="Id of the installation whose chain holds it; null: the default one."
    )
    sequence: int = Field(description="Its place among all the company's records.")
    kind: Literal["alta", "anulacion"]
    invoice_number: str
    huella: str
    previous_huella: str | None
    generated_at: str
    environment: str
    status: str
    qr_url: str | None
    xml_url: str
    aeat: AeatOut

    @classmethod
    def of(cls, record: VerifactuRecord) -> Self:
        # Validated, not model_construct: measured, pydantic-core's validation of this dict
        # (7 us, with building it) beats model_construct (10 us) for the webhooks of remission.
        submitted = record.submitted_at
        return cls.model_validate(
            {
                "id": record.id,
                "object": "verifactu_record",
                "invoice": record.invoice_id,
                "installation": record.installation_id,
                "sequence": record.sequence,
                "kind": record.kind,
                "invoice_number": record.invoice_number,
                "huella": record.huella,
                "previous_huella": record.previous_huella,
                "generated_at": record.generated_at_text,
                "environment": record.environment,
                "status": record.status,
                "qr_url": record.qr_url,
                "xml_url": f"/v1/verifactu/records/{record.id}.xml",
                "aeat": {
                    "csv": record.aeat_csv,
                    "code": record.aeat_code,
                    "description": record.aeat_description,
                    "submitted_at": submitted.isoformat() if submitted else None,
                },
            }
        )


class InstallationChainOut(BaseModel):
    installation: str | None = Field(description="Its id; null: the default installation.")
    installation_number: str = Field(description="NumeroInstalacion of its records.")
    valid: bool
    records: int = Field(description="Records of this chain checked: all, or to its break.")
    first_break: dict[str, object] | None

    @classmethod
    def of(cls, check: ChainCheck, number: str) -> Self:
        return cls.model_construct(
            installation=check.installation,
            installation_number=number,
            valid=check.valid,
            records=check.records,
            first_break=check.first_break,
        )


class ChainVerifyOut(BaseModel):
    valid: bool = Field(description="Every chain, and the order of all records, is whole.")
    records: int = Field(description="Records checked: all, or up to the first break.")
    first_break: dict[str, object] | None
    installations: list[InstallationChainOut] = Field(
        description="Each installation's chain, the default one first, then by creation."
    )
    seconds: float = Field(description="How long the check took.")
    records_per_second: float = Field(description="Records checked per second.")

    @classmethod
    def of(
        cls,
        report: ChainReport,
        seconds: float,
        company_id: str,
        known: Sequence[Installation] = (),
    ) -> Self:
        rate = report.records / seconds if seconds > 0 else 0.0
        checks = {check.installation: check for check in report.chains}
        numbers: dict[str | None, str] = {None: company_id}
        numbers |= {i.id: i.installation_number for i in known}
        # Installations with no record yet verify empty; a record naming none of the known
        # (impossible with the foreign key) shows under its id.
        chains = [
            InstallationChainOut.of(checks.get(key) or ChainCheck(key, True, 0, None), number)
            for key, number in numbers.items()
        ]
        chains += [
            InstallationChainOut.of(check, str(key))
            for key, check in checks.items()
            if key not in numbers
        ]
        return cls.model_construct(
            valid=report.valid,
            records=report.records,
            first_break=report.first_break,
            installations=chains,
            seconds=round(seconds, 3),
            records_per_second=round(rate, 1),
        )


class SubmissionOut(BaseModel):
    id: str
    at: datetime
    status: Literal["sending", "answered", "transient_error", "permanent_error", "abandoned"] = (
        Field(description="`abandoned`: its worker died before AEAT's answer was recorded.")
    )
    records: int
    csv: str | None
    aeat_status: str | None = Field(description="EstadoEnvio as AEAT answered it.")
    incident: bool = Field(description="Sent with Incidencia=S (records delayed by an outage).")
    error: str | None

    @classmethod
    def of(cls, sub: Submission) -> Self:
        return cls.model_construct(
            id=sub.id,
            at=sub.created_at,
            status=sub.status,
            records=sub.records,
            csv=sub.csv,
            aeat_status=sub.aeat_status,
            incident=sub.incident,
            error=sub.error,
        )


class IncidentOut(BaseModel):
    open: bool
    since: datetime | None
    failures: int
    last_error: str | None

    @classmethod
    def of(cls, state: VerifactuRemission | None) -> Self:
        if state is None:
            return cls.model_construct(open=False, since=None, failures=0, last_error=None)
        return cls.model_construct(
            open=bool(state.incident_open),
            since=state.incident_since,
            failures=state.failures,
            last_error=state.last_error,
        )


class RemissionStatusOut(BaseModel):
    object: Literal["verifactu_status"]
    pending: int = Field(description="Records not yet answered by AEAT.")
    last_submission: SubmissionOut | None
    next_submission_at: datetime | None = Field(
        description="Not before (AEAT's TiempoEsperaEnvio, or the retry backoff)."
    )
    reason: Reason = Field(
        description="Why the next attempt is when it is: nothing_pending, due, sending,"
        " aeat_wait (TiempoEsperaEnvio), transport_backoff, permanent_error,"
        " certificate_missing, certificate_unusable, retry_requested."
    )
    incident: IncidentOut

    @classmethod
    def of(
        cls,
        pending: int,
        state: VerifactuRemission | None,
        last: Submission | None,
        reason: Reason,
    ) -> Self:
        return cls.model_construct(
            object="verifactu_status",
            pending=pending,
            last_submission=None if last is None else SubmissionOut.of(last),
            next_submission_at=state.next_allowed_at if state else None,
            reason=reason,
            incident=IncidentOut.of(state),
        )

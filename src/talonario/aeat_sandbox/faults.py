"""Fault switches: set through the control API, consumed by the next matching requests.

They live in the database, not in memory, so every process serving the sandbox (and the test
that set them) sees the same switches. A switch with a `nif` hits only requests whose Cabecera
names that NIF (what a company's key may set); one without hits every request.
"""

from decimal import Decimal
from enum import StrEnum
from typing import Any, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator
from sqlalchemy import ColumnElement, delete, or_, select
from sqlalchemy.orm import Session

from talonario.aeat_sandbox.codes import description
from talonario.aeat_sandbox.models import SandboxFault

CERTIFICATE_ERROR_PAGE = "https://sede.agenciatributaria.gob.es/Sede/errores/erro4011.html"


class FaultKind(StrEnum):
    HTTP_500 = "http_500"  # plain HTTP 500, no SOAP body (a proxy or AEAT falling over)
    SERVER_FAULT = "server_fault"  # SOAP Server fault: AEAT asks to resend later
    CLIENT_FAULT = "client_fault"  # SOAP Client fault `code` (default 4112: certificate holder)
    REDIRECT = "redirect"  # HTTP 302 to AEAT's error page, as for an unknown certificate
    DELAY = "delay"  # answer `seconds` late; the records are stored before the wait
    RECORD_ERROR = "record_error"  # the record numbered `number` gets error `code`
    # The identification checks (census.py), not VERI*FACTU: their next requests fail.
    CENSUS_UNAVAILABLE = "census_unavailable"  # the NIF census answers a SOAP Server fault
    VIES_UNAVAILABLE = "vies_unavailable"  # VIES answers the fault MS_UNAVAILABLE


# Kinds that replace the answer of a whole request; the oldest one set goes first.
REQUEST_KINDS = (
    FaultKind.HTTP_500,
    FaultKind.SERVER_FAULT,
    FaultKind.CLIENT_FAULT,
    FaultKind.REDIRECT,
)


class FaultSpec(BaseModel):
    """Body of POST /control/faults."""

    model_config = ConfigDict(extra="forbid")

    kind: FaultKind
    count: int = Field(default=1, ge=1, le=1_000_000, description="Requests (or records) hit.")
    seconds: Decimal | None = Field(default=None, ge=0, le=600, description="For `delay`.")
    number: str | None = Field(default=None, min_length=1, max_length=60)
    code: int | None = Field(default=None, ge=1, le=9999)
    description: str | None = Field(default=None, max_length=500)
    nif: str | None = Field(
        default=None, min_length=9, max_length=9, description="Only this taxpayer's requests."
    )

    @model_validator(mode="after")
    def _complete(self) -> "FaultSpec":
        if self.kind is FaultKind.DELAY and self.seconds is None:
            raise ValueError("a delay needs `seconds`")
        if self.kind is FaultKind.RECORD_ERROR and (self.number is None or self.code is None):
            raise ValueError("a record error needs `number` and `code`")
        return self


class FaultOut(BaseModel):
    """A switch as the control API shows it."""

    id: str
    kind: FaultKind
    remaining: int
    seconds: float | None
    number: str | None
    code: int | None
    description: str | None
    nif: str | None
    created_at: str

    @classmethod
    def of(cls, fault: SandboxFault) -> Self:
        return cls.model_construct(
            id=fault.id,
            kind=FaultKind(fault.kind),
            remaining=fault.remaining,
            seconds=None if fault.delay_ms is None else fault.delay_ms / 1000,
            number=fault.number,
            code=fault.code,
            description=fault.description,
            nif=fault.nif,
            created_at=fault.created_at.isoformat(),
        )


def add(session: Session, spec: FaultSpec) -> SandboxFault:
    code = spec.code
    if code is None and spec.kind is FaultKind.CLIENT_FAULT:
        code = 4112
    if code is None and spec.kind is FaultKind.SERVER_FAULT:
        code = 3500
    fault = SandboxFault(
        kind=spec.kind.value,
        remaining=spec.count,
        delay_ms=None if spec.seconds is None else int(spec.seconds * 1000),
        number=spec.number,
        code=code,
        description=spec.description or (None if code is None else description(code)),
        nif=spec.nif,
    )
    session.add(fault)
    session.flush()
    return fault


def listed(session: Session, nif: str | None = None) -> list[SandboxFault]:
    """Every switch, or those scoped to `nif`."""
    statement = select(SandboxFault).order_by(SandboxFault.created_at)
    if nif is not None:
        statement = statement.where(SandboxFault.nif == nif)
    return list(session.scalars(statement))


def clear(session: Session, nif: str | None = None) -> int:
    """Switch off every switch, or those scoped to `nif`."""
    switches = listed(session, nif)
    session.execute(delete(SandboxFault).where(SandboxFault.id.in_([f.id for f in switches])))
    return len(switches)


def _hits(nif: str | None) -> ColumnElement[bool]:
    """The switches that apply to a request whose Cabecera names `nif` (None: unreadable)."""
    if nif is None:
        return SandboxFault.nif.is_(None)
    return or_(SandboxFault.nif.is_(None), SandboxFault.nif == nif)


def _take(session: Session, *conditions: Any) -> SandboxFault | None:
    """The oldest switch meeting `conditions`, locked and used once."""
    fault = session.scalars(
        select(SandboxFault)
        .where(*conditions)
        .order_by(SandboxFault.created_at, SandboxFault.id)
        .limit(1)
        .with_for_update()
    ).first()
    return _use(session, fault)


def take_request_fault(session: Session, nif: str | None) -> SandboxFault | None:
    """The oldest switch that replaces a whole answer, used once."""
    return _take(session, SandboxFault.kind.in_([kind.value for kind in REQUEST_KINDS]), _hits(nif))


def take(session: Session, kind: FaultKind, nif: str | None) -> SandboxFault | None:
    """The oldest switch of `kind` that hits a request from `nif`, used once."""
    return _take(session, SandboxFault.kind == kind.value, _hits(nif))


def take_delay(session: Session, nif: str | None) -> float:
    """Seconds to hold the next answer back (0 when no delay is set), used once."""
    used = _take(session, SandboxFault.kind == FaultKind.DELAY.value, _hits(nif))
    return 0.0 if used is None else (used.delay_ms or 0) / 1000


def any_record_errors(session: Session, nif: str) -> bool:
    """Whether a record_error switch may hit a request from `nif` (one look per request)."""
    found = session.scalar(
        select(SandboxFault.id)
        .where(SandboxFault.kind == FaultKind.RECORD_ERROR.value, _hits(nif))
        .limit(1)
    )
    return found is not None


def take_record_error(session: Session, number: str, nif: str) -> tuple[int, str] | None:
    """The error forced on invoice `number` of a request from `nif`, used once:
    (code, description)."""
    used = _take(
        session,
        SandboxFault.kind == FaultKind.RECORD_ERROR.value,
        SandboxFault.number == number,
        _hits(nif),
    )
    if used is None or used.code is None:
        return None
    return used.code, used.description or description(used.code)


def _use(session: Session, fault: SandboxFault | None) -> SandboxFault | None:
    if fault is None:
        return None
    fault.remaining -= 1
    if fault.remaining <= 0:
        session.delete(fault)
    session.flush()
    return fault

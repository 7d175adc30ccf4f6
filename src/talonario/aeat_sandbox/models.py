"""The sandbox's own tables (prefix `aeat_sandbox_`): what a stand-in AEAT remembers.

They are not imported by `talonario.models`, so Alembic's autogenerate does not see them; their
migration (0003) is written by hand and must be kept in step with this file.
"""

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from talonario.kit.clock import utcnow
from talonario.kit.ids import new_id
from talonario.models.base import Base, UTCDateTime


class SandboxSubmission(Base):
    """One RegFactuSistemaFacturacion request that passed the schema, and what was answered."""

    __tablename__ = "aeat_sandbox_submissions"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    request_id: Mapped[str] = mapped_column(String(20), unique=True)  # IdPeticion
    csv: Mapped[str | None] = mapped_column(String(16), unique=True)
    nif: Mapped[str] = mapped_column(String(9), index=True)  # Cabecera/ObligadoEmision/NIF
    presenter_nif: Mapped[str] = mapped_column(String(9))
    status: Mapped[str] = mapped_column(String(24))  # EstadoEnvio
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    request_xml: Mapped[str] = mapped_column(Text)
    response_xml: Mapped[str] = mapped_column(Text)


class SandboxRecord(Base):
    """Every record line received, accepted or not, in arrival order (the audit trail)."""

    __tablename__ = "aeat_sandbox_records"
    __table_args__ = (
        Index("ix_aeat_sandbox_records_invoice", "issuer_nif", "number", "issue_date"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    submission_id: Mapped[str] = mapped_column(
        ForeignKey("aeat_sandbox_submissions.id"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(10))  # Alta | Anulacion
    issuer_nif: Mapped[str] = mapped_column(String(9))
    number: Mapped[str] = mapped_column(String(60))
    issue_date: Mapped[date] = mapped_column(Date)
    huella: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(24))  # EstadoRegistro
    code: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str | None] = mapped_column(Text)
    xml: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class SandboxInvoice(Base):
    """What the sandbox holds for one invoice identity: the state a Consulta answers with."""

    __tablename__ = "aeat_sandbox_invoices"
    __table_args__ = (
        UniqueConstraint("issuer_nif", "number", "issue_date"),
        Index("ix_aeat_sandbox_invoices_period", "issuer_nif", "period_year", "period_month"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    issuer_nif: Mapped[str] = mapped_column(String(9))
    number: Mapped[str] = mapped_column(String(60))
    issue_date: Mapped[date] = mapped_column(Date)
    # PeriodoImputacion: month of FechaOperacion, else of the issue date.
    period_year: Mapped[int] = mapped_column(Integer)
    period_month: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(24))  # Correcto | AceptadoConErrores | Anulado
    code: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str | None] = mapped_column(Text)
    external_ref: Mapped[str | None] = mapped_column(String(60))
    recipient_nifs: Mapped[str] = mapped_column(Text, default="")  # space separated
    huella: Mapped[str] = mapped_column(String(64))
    alta_xml: Mapped[str | None] = mapped_column(Text)
    anulacion_xml: Mapped[str | None] = mapped_column(Text)
    request_id: Mapped[str] = mapped_column(String(20))  # IdPeticion that stored it last
    csv: Mapped[str | None] = mapped_column(String(16))
    presenter_nif: Mapped[str] = mapped_column(String(9))
    presented_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class SandboxChainHead(Base):
    """The last record received for an issuer and installation, whatever its fate: a rejected
    record is still a link of the taxpayer's chain, so the next one chains to it. Only records
    the issuer sent itself count: one under another taxpayer's header (1108) is no link."""

    __tablename__ = "aeat_sandbox_chain_heads"

    issuer_nif: Mapped[str] = mapped_column(String(9), primary_key=True)
    installation: Mapped[str] = mapped_column(String(100), primary_key=True)  # NumeroInstalacion
    number: Mapped[str] = mapped_column(String(60))
    issue_date: Mapped[date] = mapped_column(Date)
    huella: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)


class SandboxFault(Base):
    """A switch set through the control API, consumed by the next matching requests."""

    __tablename__ = "aeat_sandbox_faults"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    kind: Mapped[str] = mapped_column(String(24))
    remaining: Mapped[int] = mapped_column(Integer)
    delay_ms: Mapped[int | None] = mapped_column(Integer)
    number: Mapped[str | None] = mapped_column(String(60), index=True)
    code: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str | None] = mapped_column(Text)
    # Only requests whose Cabecera names this NIF are hit; none: every request.
    nif: Mapped[str | None] = mapped_column(String(9), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class SandboxControlToken(Base):
    """The operator's control token when TALONARIO_SANDBOX_CONTROL_TOKEN is unset: generated
    once and stored as SHA-256 (like API keys), so every process and worker agrees on it."""

    __tablename__ = "aeat_sandbox_control_tokens"

    name: Mapped[str] = mapped_column(String(16), primary_key=True)  # "operator"
    token_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

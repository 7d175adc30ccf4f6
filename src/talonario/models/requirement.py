from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from talonario.models.base import Base, Entity, UTCDateTime


class VerifactuRequirement(Entity, Base):
    """An AEAT requirement answered: the records of a period sent to the requirement endpoint
    (RemisionRequerimiento/RefRequerimiento), in submissions of up to 1,000, and AEAT's
    answers (records/requirements.py)."""

    __tablename__ = "verifactu_requirements"
    __table_args__ = (Index("ix_verifactu_requirements_company", "company_id", "id"),)

    company_id: Mapped[str] = mapped_column(ForeignKey("companies.id"))
    ref: Mapped[str] = mapped_column(String(18))  # RefRequerimiento
    period_from: Mapped[date] = mapped_column(Date)
    period_to: Mapped[date] = mapped_column(Date)
    environment: Mapped[str] = mapped_column(String(16))
    # answered (every submission answered) | failed (one was not: `error` says why)
    status: Mapped[str] = mapped_column(String(20))
    aeat_status: Mapped[str | None] = mapped_column(String(24))  # the answers' EstadoEnvio, worst
    records: Mapped[int] = mapped_column(Integer)
    accepted: Mapped[int] = mapped_column(Integer, default=0)
    accepted_with_errors: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text)
    # JSON: one object per submission (records, sequences, EstadoEnvio, CSV, error, each
    # rejected line, and AEAT's raw answer)
    submissions: Mapped[str] = mapped_column(Text)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class VerifactuExport(Entity, Base):
    """An export of a period (records/exports.py): what was asked, what it held, and the
    SHA-256 of its manifest once the stream ended (None: the download did not finish)."""

    __tablename__ = "verifactu_exports"
    __table_args__ = (Index("ix_verifactu_exports_company", "company_id", "id"),)

    company_id: Mapped[str] = mapped_column(ForeignKey("companies.id"))
    kind: Mapped[str] = mapped_column(String(10))  # records | events
    period_from: Mapped[date] = mapped_column(Date)
    period_to: Mapped[date] = mapped_column(Date)
    records: Mapped[int] = mapped_column(Integer)
    files: Mapped[int] = mapped_column(Integer)
    first_huella: Mapped[str | None] = mapped_column(String(64))
    last_huella: Mapped[str | None] = mapped_column(String(64))
    manifest_sha256: Mapped[str | None] = mapped_column(String(64))
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

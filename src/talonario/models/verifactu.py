from datetime import date, datetime

from sqlalchemy import (
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from talonario.kit.clock import utcnow
from talonario.models.base import Base, Entity, UTCDateTime

# A record waiting for AEAT: not sent yet, or sent with no answer recorded.
WAITING = ("pending", "submitted")
WAITING_SQL = "status IN ('pending', 'submitted')"
# The first record of a chain, and of the default installation's chain.
FIRST_SQL = "previous_record_id IS NULL"
FIRST_OF_DEFAULT_SQL = "previous_record_id IS NULL AND installation_id IS NULL"


class VerifactuRecord(Entity, Base):
    """One link of a record chain: immutable once stored (only its AEAT state moves).

    A company has a chain per SIF installation: its default one (`installation_id` NULL) and
    each of its `installations`. `sequence` counts the company's records of every chain (the
    order they are remitted in); `previous_record_id` is the record before in the same chain.
    The constraints make a fork impossible even if the code were wrong: a position is taken once,
    a record has at most one successor, and each chain has one first record.
    """

    __tablename__ = "verifactu_records"
    __table_args__ = (
        UniqueConstraint("company_id", "sequence"),
        UniqueConstraint("previous_record_id"),
        # One first record per chain: the default installation's per company, another
        # installation's per installation (migration 0017). Two plain partial indexes rather
        # than one over COALESCE(installation_id, ''): Alembic compares these with the models.
        Index(
            "uq_verifactu_records_first",
            "company_id",
            unique=True,
            sqlite_where=text(FIRST_OF_DEFAULT_SQL),
            postgresql_where=text(FIRST_OF_DEFAULT_SQL),
        ),
        Index(
            "uq_verifactu_records_first_installation",
            "installation_id",
            unique=True,
            sqlite_where=text(FIRST_SQL),
            postgresql_where=text(FIRST_SQL),
        ),
        # The records still waiting for AEAT, in chain order: the worker's claim and its scan
        # for work read these few entries, never the whole chain (migration 0014).
        Index(
            "ix_verifactu_records_waiting",
            "company_id",
            "sequence",
            "status",
            sqlite_where=text(WAITING_SQL),
            postgresql_where=text(WAITING_SQL),
        ),
    )

    company_id: Mapped[str] = mapped_column(ForeignKey("companies.id"))
    invoice_id: Mapped[str] = mapped_column(ForeignKey("invoices.id"), index=True)
    # The SIF installation whose chain holds it; NULL: the company's default installation.
    installation_id: Mapped[str | None] = mapped_column(ForeignKey("installations.id"))
    sequence: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(10))  # alta | anulacion
    invoice_number: Mapped[str] = mapped_column(String(60))
    invoice_issue_date: Mapped[date] = mapped_column(Date)
    huella: Mapped[str] = mapped_column(String(64))
    previous_huella: Mapped[str | None] = mapped_column(String(64))
    previous_record_id: Mapped[str | None] = mapped_column(ForeignKey("verifactu_records.id"))
    generated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # FechaHoraHusoGenRegistro exactly as hashed (with the Madrid or Canary offset).
    generated_at_text: Mapped[str] = mapped_column(String(32))
    environment: Mapped[str] = mapped_column(String(16))
    qr_url: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(24), default="pending")
    aeat_csv: Mapped[str | None] = mapped_column(String(40))
    aeat_code: Mapped[str | None] = mapped_column(String(10))
    aeat_description: Mapped[str | None] = mapped_column(Text)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    submission_id: Mapped[str | None] = mapped_column(String(36))
    attempts: Mapped[int] = mapped_column(Integer, default=0)


class VerifactuRecordDocument(Base):
    """A record's XML exactly as sealed, and its QR PNG once rendered: what remission never
    changes, kept out of the record's row. The worker rewrites a record's row twice per send
    (submitted, then AEAT's answer); with 3 KB of XML in it, each row filled a SQLite page of
    its own, and a batch of 1,000 wrote some 9 MB of WAL under the write lock the API waits on.
    """

    __tablename__ = "verifactu_record_documents"

    record_id: Mapped[str] = mapped_column(ForeignKey("verifactu_records.id"), primary_key=True)
    company_id: Mapped[str] = mapped_column(ForeignKey("companies.id"))
    xml: Mapped[str] = mapped_column(Text)
    qr_png: Mapped[bytes | None] = mapped_column(LargeBinary)


class VerifactuChainHead(Base):
    """The one row an issue locks to append any record of the company: its last `sequence`,
    and the last link of its default installation's chain (another installation's link is in
    its `installations` row)."""

    __tablename__ = "verifactu_chain_heads"

    company_id: Mapped[str] = mapped_column(ForeignKey("companies.id"), primary_key=True)
    last_record_id: Mapped[str | None] = mapped_column(String(36))
    last_sequence: Mapped[int] = mapped_column(Integer, default=0)
    last_huella: Mapped[str | None] = mapped_column(String(64))
    last_issuer_nif: Mapped[str | None] = mapped_column(String(9))
    last_invoice_number: Mapped[str | None] = mapped_column(String(60))
    last_issue_date: Mapped[date | None] = mapped_column(Date)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)


class VerifactuSubmission(Entity, Base):
    """One RegFactuSistemaFacturacion sent (or tried) for a company: what went, what came back."""

    __tablename__ = "verifactu_submissions"
    __table_args__ = (Index("ix_verifactu_submissions_company", "company_id", "id"),)

    company_id: Mapped[str] = mapped_column(ForeignKey("companies.id"))
    # sending | answered | transient_error | permanent_error | abandoned (its worker died while
    # sending; the records went again with a later submission)
    status: Mapped[str] = mapped_column(String(20))
    environment: Mapped[str] = mapped_column(String(16))
    incident: Mapped[bool] = mapped_column(default=False)
    records: Mapped[int] = mapped_column(Integer)
    first_sequence: Mapped[int] = mapped_column(Integer)
    last_sequence: Mapped[int] = mapped_column(Integer)
    csv: Mapped[str | None] = mapped_column(String(40))
    aeat_status: Mapped[str | None] = mapped_column(String(24))  # EstadoEnvio
    wait_seconds: Mapped[int | None] = mapped_column(Integer)
    error: Mapped[str | None] = mapped_column(Text)
    response: Mapped[str | None] = mapped_column(Text)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class VerifactuRemission(Base):
    """Per company: flow control (TiempoEsperaEnvio), the open incident, and the sender's lease.

    One worker at a time holds a company's lease, so its records leave one batch after another,
    in chain order, however many workers run.
    """

    __tablename__ = "verifactu_remission"

    company_id: Mapped[str] = mapped_column(ForeignKey("companies.id"), primary_key=True)
    next_allowed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Why next_allowed_at is what it is (verifactu.backoff.Reason).
    reason: Mapped[str | None] = mapped_column(String(24))
    # The end of AEAT's TiempoEsperaEnvio: a retry by hand never moves the next attempt before.
    aeat_wait_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    incident_open: Mapped[bool] = mapped_column(default=False)
    incident_since: Mapped[datetime | None] = mapped_column(UTCDateTime())
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_submission_id: Mapped[str | None] = mapped_column(String(36))
    last_submission_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_error: Mapped[str | None] = mapped_column(Text)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    locked_by: Mapped[str | None] = mapped_column(String(80))

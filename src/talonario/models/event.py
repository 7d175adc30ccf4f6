"""The NO VERI*FACTU event log (Orden HAC/1177/2024 art. 9): a second chain per company."""

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from talonario.kit.clock import utcnow
from talonario.models.base import Base, Entity, UTCDateTime


class VerifactuEvent(Entity, Base):
    """One signed `RegistroEvento`, kept as generated; `xml` is the document as signed."""

    __tablename__ = "verifactu_events"
    __table_args__ = (UniqueConstraint("company_id", "sequence"),)

    company_id: Mapped[str] = mapped_column(ForeignKey("companies.id"))
    sequence: Mapped[int] = mapped_column(Integer)  # 1, 2, ... in the company's event chain
    event_type: Mapped[str] = mapped_column(String(2))  # TipoEvento (L2E)
    generated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    generated_at_text: Mapped[str] = mapped_column(String(32))  # FechaHoraHusoGenEvento
    huella: Mapped[str] = mapped_column(String(64))
    previous_huella: Mapped[str | None] = mapped_column(String(64))
    # What the event is about, for people (the anomaly's record, the export's period).
    summary: Mapped[str | None] = mapped_column(String(200))
    xml: Mapped[str] = mapped_column(Text)


class VerifactuEventHead(Base):
    """A company's event chain head: locked to append an event, so events chain one at a time.

    `period_*` is where the running summary period (ResumenEventos) began: its time, and the
    company's last billing-record and event sequences then."""

    __tablename__ = "verifactu_event_heads"

    company_id: Mapped[str] = mapped_column(ForeignKey("companies.id"), primary_key=True)
    last_sequence: Mapped[int] = mapped_column(Integer, default=0)
    last_huella: Mapped[str | None] = mapped_column(String(64))
    last_event_type: Mapped[str | None] = mapped_column(String(2))
    last_generated_at_text: Mapped[str | None] = mapped_column(String(32))
    period_started_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    period_record_sequence: Mapped[int] = mapped_column(Integer, default=0)
    period_event_sequence: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

"""The event log as the API shows it."""

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from talonario.events.audit import AuditResult, ChainResult
from talonario.models import VerifactuEvent


class EventOut(BaseModel):
    object: str = "verifactu_event"
    id: str
    sequence: int = Field(description="Position in the company's event chain, from 1.")
    event_type: str = Field(
        description="TipoEvento (L2E): 01 start / 02 end of NO VERI*FACTU,"
        " 03/05 anomaly detection launched on records/events, 04/06 anomaly found, 07 backup"
        " restored, 08/09 records/events exported, 10 summary, 90 other."
    )
    generated_at: str = Field(description="FechaHoraHusoGenEvento, as written in the event.")
    huella: str
    previous_huella: str | None
    summary: str | None = Field(description="What the event is about, in words.")
    created_at: datetime

    @classmethod
    def of(cls, row: VerifactuEvent) -> "EventOut":
        return cls(
            id=row.id,
            sequence=row.sequence,
            event_type=row.event_type,
            generated_at=row.generated_at_text,
            huella=row.huella,
            previous_huella=row.previous_huella,
            summary=row.summary,
            created_at=row.created_at,
        )


class ChainCheckOut(BaseModel):
    valid: bool
    checked: int
    first_break: dict[str, Any] | None
    anomaly_event: str | None = Field(description="The id of the anomaly event logged for it.")

    @classmethod
    def of(cls, result: ChainResult) -> "ChainCheckOut":
        return cls(
            valid=result.valid,
            checked=result.checked,
            first_break=result.first_break,
            anomaly_event=result.anomaly_event_id,
        )


class AuditOut(BaseModel):
    object: str = "verifactu_audit"
    valid: bool
    records: ChainCheckOut
    events: ChainCheckOut
    logged_events: list[str] = Field(description="The events this audit logged, in order.")

    @classmethod
    def of(cls, result: AuditResult) -> "AuditOut":
        return cls(
            valid=result.records.valid and result.events.valid,
            records=ChainCheckOut.of(result.records),
            events=ChainCheckOut.of(result.events),
            logged_events=result.logged,
        )

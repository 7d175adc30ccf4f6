"""What each record of a batch becomes once AEAT answers (or fails to): worked out from the
answer before remission takes the write lock to record it (remission.py, step 4)."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from talonario.models import VerifactuRecord
from talonario.records.remission_repository import Mirrored
from talonario.verifactu.records import InvoiceId
from talonario.verifactu.responses import (
    Operation,
    RecordStatus,
    StoredStatus,
    SubmissionResult,
)

DUPLICATE = 3000  # AEAT's "already held": its answer carries the state it holds

_STATUS = {
    RecordStatus.ACCEPTED: "accepted",
    RecordStatus.ACCEPTED_WITH_ERRORS: "accepted_with_errors",
    RecordStatus.REJECTED: "rejected",
}
_STORED = {
    StoredStatus.ACCEPTED: "accepted",
    StoredStatus.ACCEPTED_WITH_ERRORS: "accepted_with_errors",
    StoredStatus.CANCELLED: "accepted",
}


def _identity(record: VerifactuRecord, nif: str) -> InvoiceId:
    return InvoiceId(nif, record.invoice_number, record.invoice_issue_date)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a record becomes: worked out before the write lock is taken."""

    record: VerifactuRecord
    status: str
    submitted_at: datetime | None
    code: str | None
    description: str | None
    csv: str | None

    def change(self) -> dict[str, Any]:
        return {
            "id": self.record.id,
            "status": self.status,
            "submitted_at": self.submitted_at,
            "aeat_code": self.code,
            "aeat_description": self.description,
            "aeat_csv": self.csv,
        }

    def mirrored(self) -> Mirrored:
        r = self.record
        return Mirrored(r.invoice_id, r.id, self.status, self.csv, self.code, self.description)

    def applied(self) -> VerifactuRecord:
        """The (detached) record as it now stands, for its webhook event."""
        r = self.record
        r.status, r.submitted_at, r.aeat_csv = self.status, self.submitted_at, self.csv
        r.aeat_code, r.aeat_description = self.code, self.description
        return r


def outcomes_of_answer(
    records: Sequence[VerifactuRecord], nif: str, result: SubmissionResult, now: datetime
) -> list[Outcome]:
    """Each record's state after AEAT's answer (CSV, code, description); `nif`, the issuer's."""
    outcomes = []
    lines = result.by_record()
    for record in records:
        op = Operation.CANCELLATION if record.kind == "anulacion" else Operation.REGISTRATION
        line = lines.get((_identity(record, nif), op))
        if line is None:
            # AEAT answers every record; one missing is sent again with the next batch.
            outcomes.append(unchanged(record, "pending"))
            continue
        code = str(line.code) if line.code is not None else None
        if line.code == DUPLICATE and line.duplicate is not None:
            # Sent before, answer lost: AEAT holds it; adopt the state it holds.
            held = line.duplicate
            held_code = str(held.code) if held.code is not None else None
            status, csv = _STORED[held.status], record.aeat_csv
            outcomes.append(Outcome(record, status, now, held_code, held.description, csv))
        else:
            csv = result.csv if line.status.stored else record.aeat_csv
            outcomes.append(Outcome(record, _STATUS[line.status], now, code, line.description, csv))
    return outcomes


def unchanged(record: VerifactuRecord, status: str) -> Outcome:
    return Outcome(
        record,
        status,
        record.submitted_at,
        record.aeat_code,
        record.aeat_description,
        record.aeat_csv,
    )

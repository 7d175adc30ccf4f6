"""The SQL a mode change asks: has the company operated as VERI*FACTU since a moment."""

from datetime import datetime

from sqlalchemy import func

from talonario.db.repository import Repository
from talonario.models import VerifactuRecord

# A NO VERI*FACTU record: signed and kept, never remitted on its own (records/chain.py).
KEPT = "kept"


class ModeRecords(Repository[VerifactuRecord]):
    model = VerifactuRecord

    def verifactu_records_since(self, start: datetime) -> int:
        """How many records the company made as VERI*FACTU (every record not kept as NO
        VERI*FACTU) generated at or after `start`."""
        found = self.session.scalar(
            self.select(func.count()).where(
                VerifactuRecord.generated_at >= start, VerifactuRecord.status != KEPT
            )
        )
        return int(found or 0)

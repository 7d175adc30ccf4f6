"""The SQL of a company's mode: its columns, read and written under the chain lock
(records/mode.py), and whether it has operated as VERI*FACTU since a moment (companies/mode.py)."""

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from talonario.db.repository import CompanyRepository, Repository
from talonario.models import Company, VerifactuRecord
from talonario.records.chain import KEPT

NO_VERIFACTU = "no_verifactu"


class ModeRepository(CompanyRepository):
    def stored(self) -> Any:
        """(verifactu_mode, verifactu_mode_since, verifactu_next_mode, verifactu_next_mode_on)
        as the row holds them now."""
        return self.session.execute(
            select(
                Company.verifactu_mode,
                Company.verifactu_mode_since,
                Company.verifactu_next_mode,
                Company.verifactu_next_mode_on,
            ).where(Company.id == self.company_id)
        ).one()

    def switched(self, mode: str, now: datetime) -> None:
        """In `mode` from `now`, nothing scheduled."""
        self._set(
            verifactu_mode=mode,
            verifactu_mode_since=now,
            verifactu_next_mode=None,
            verifactu_next_mode_on=None,
            verifactu_end_reported_at=None,
        )

    def scheduled(self, mode: str | None, on: date | None) -> None:
        self._set(
            verifactu_next_mode=mode, verifactu_next_mode_on=on, verifactu_end_reported_at=None
        )

    def end_reported(self, end: date, now: datetime) -> None:
        """AEAT answered a submission announcing the renounce that ends on `end` (if that is
        still the one scheduled)."""
        self.session.execute(
            update(Company)
            .where(
                Company.id == self.company_id,
                Company.verifactu_next_mode == NO_VERIFACTU,
                Company.verifactu_next_mode_on == end + timedelta(days=1),
                Company.verifactu_end_reported_at.is_(None),
            )
            .values(verifactu_end_reported_at=now)
        )

    def _set(self, **values: Any) -> None:
        self.session.execute(update(Company).where(Company.id == self.company_id).values(**values))


class ModeRecords(Repository[VerifactuRecord]):
    model = VerifactuRecord

    def verifactu_records_since(self, start: datetime) -> int:
        """How many records the company made as VERI*FACTU (every record not kept as NO
        VERI*FACTU) generated at or after `start` (Orden HAC/1177/2024 art. 17's test)."""
        found = self.session.scalar(
            self.select(func.count()).where(
                VerifactuRecord.generated_at >= start, VerifactuRecord.status != KEPT
            )
        )
        return int(found or 0)


def companies_with_switch_by(session: Session, day: date) -> list[str]:
    """Across companies (the worker's scan): those with a switch scheduled on or before `day`."""
    return list(
        session.scalars(
            select(Company.id).where(
                Company.verifactu_next_mode.is_not(None), Company.verifactu_next_mode_on <= day
            )
        ).all()
    )

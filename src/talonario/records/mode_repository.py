"""The SQL of records/mode.py: a company's mode columns, read and written under the chain lock."""

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from talonario.db.repository import CompanyRepository
from talonario.models import Company

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


def companies_with_switch_by(session: Session, day: date) -> list[str]:
    """Across companies (the worker's scan): those with a switch scheduled on or before `day`."""
    return list(
        session.scalars(
            select(Company.id).where(
                Company.verifactu_next_mode.is_not(None), Company.verifactu_next_mode_on <= day
            )
        ).all()
    )

"""The SQL of accounts: an account's companies, and what each did in a month. Scoped by the
account (an account key sees its companies, never another account's)."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from talonario.kit.pagination import paginate
from talonario.models import Account, Company, Invoice, VerifactuRecord

# AEAT answered these records: they were remitted (a rejected record was remitted too).
REMITTED = ("accepted", "accepted_with_errors", "rejected")


def account_exists(session: Session, account_id: str) -> bool:
    return session.get(Account, account_id) is not None


class AccountCompanies:
    def __init__(self, session: Session, account_id: str) -> None:
        self.session = session
        self.account_id = account_id

    def _select(self) -> Any:
        return select(Company).where(Company.account_id == self.account_id)

    def newest_first(
        self,
        limit: int,
        starting_after: str | None,
        external_id: str | None,
        nif: str | None,
        only: str | None = None,
    ) -> tuple[Sequence[Company], bool]:
        """A page of the account's companies (of company `only`, when given)."""
        stmt = self._select()
        if only is not None:
            stmt = stmt.where(Company.id == only)
        if external_id is not None:
            stmt = stmt.where(Company.external_id == external_id)
        if nif is not None:
            stmt = stmt.where(Company.nif == nif)
        return paginate(self.session, stmt, Company.id, limit, starting_after)


def month_usage(session: Session, company_id: str, start: datetime, end: datetime) -> Any:
    """(invoices issued, records generated, records remitted) by one company in [start, end)."""
    issued = (
        select(func.count())
        .select_from(Invoice)
        .where(
            Invoice.company_id == company_id, Invoice.issued_at >= start, Invoice.issued_at < end
        )
        .scalar_subquery()
    )
    generated = (
        select(func.count())
        .select_from(VerifactuRecord)
        .where(
            VerifactuRecord.company_id == company_id,
            VerifactuRecord.generated_at >= start,
            VerifactuRecord.generated_at < end,
        )
        .scalar_subquery()
    )
    remitted = (
        select(func.count())
        .select_from(VerifactuRecord)
        .where(
            VerifactuRecord.company_id == company_id,
            VerifactuRecord.status.in_(REMITTED),
            VerifactuRecord.submitted_at >= start,
            VerifactuRecord.submitted_at < end,
        )
        .scalar_subquery()
    )
    return session.execute(select(issued, generated, remitted)).one()

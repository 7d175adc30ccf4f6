"""Remission's SQL: the worker's scan, a company's remission state and lease, its submissions,
and the invoices that mirror their records' state.

The statements are those remission always ran (it is a hot path): the scan spans companies,
and the batch's own records and their invoices are addressed by id.
"""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Row, func, select, update
from sqlalchemy.orm import Session

from talonario.db.repository import CompanyRepository, Repository
from talonario.models import Company, Invoice, VerifactuRecord, VerifactuRemission
from talonario.models import VerifactuSubmission as Submission
from talonario.records.repository import WAITING
from talonario.verifactu.backoff import Reason
from talonario.verifactu.xml import MAX_RECORDS


def companies_due(session: Session, now: datetime) -> list[str]:
    """Companies with records to send whose flow control allows a submission now.

    Spans companies: the worker's scan for work, before it claims any one company."""
    counts = (
        select(VerifactuRecord.company_id, func.count().label("waiting"))
        .where(VerifactuRecord.status.in_(WAITING))
        .group_by(VerifactuRecord.company_id)
        .subquery()
    )
    stmt = (
        select(counts.c.company_id)
        .outerjoin(VerifactuRemission, VerifactuRemission.company_id == counts.c.company_id)
        .where(
            (VerifactuRemission.company_id.is_(None))
            | (
                (
                    VerifactuRemission.next_allowed_at.is_(None)
                    | (VerifactuRemission.next_allowed_at <= now)
                    # 1,000 waiting lift AEAT's wait, never a failure's backoff (backoff.may_go)
                    | (
                        (counts.c.waiting >= MAX_RECORDS)
                        & (
                            VerifactuRemission.reason.is_(None)
                            | (VerifactuRemission.reason == Reason.AEAT_WAIT.value)
                        )
                    )
                )
                & (
                    VerifactuRemission.locked_until.is_(None)
                    | (VerifactuRemission.locked_until < now)
                )
            )
        )
    )
    return list(session.scalars(stmt))


class RemissionRepository(Repository[VerifactuRemission]):
    """The company's one remission state row (keyed by company_id): its lease and backoff."""

    model = VerifactuRemission

    def state(self, *, for_update: bool = False) -> VerifactuRemission | None:
        return self.get(self.company_id, for_update=for_update)

    def state_to_claim(self, skip_locked: bool) -> VerifactuRemission:
        """The state row, created if the company has none yet; with `skip_locked` (PostgreSQL)
        locked FOR UPDATE SKIP LOCKED, so claimers do not queue on one another."""
        stmt = self.select()
        if skip_locked:
            stmt = stmt.with_for_update(skip_locked=True)
        state = self.first(stmt)
        if state is None:
            state = VerifactuRemission(company_id=self.company_id, failures=0, incident_open=False)
            self.session.add(state)
            self.session.flush()
        return state

    def renew_lease(self, holder: str, until: datetime) -> bool:
        """Push `holder`'s lease to `until`; False if the lease is no longer theirs."""
        renewed = self.session.execute(
            self.update().where(VerifactuRemission.locked_by == holder).values(locked_until=until)
        )
        return bool(renewed.rowcount)  # type: ignore[attr-defined]


class SubmissionRepository(Repository[Submission]):
    model = Submission

    def abandon_sending(self, error: str) -> None:
        """Mark the company's submissions still `sending` as `abandoned`, saying why."""
        self.session.execute(
            self.update()
            .where(Submission.status == "sending")
            .values(status="abandoned", error=error)
        )


def records_in_flight(
    session: Session, ids: Sequence[str], submission_id: str
) -> list[VerifactuRecord]:
    """Of the records `ids` (a claimed batch), those still waiting for `submission_id`'s answer."""
    return list(
        session.scalars(
            select(VerifactuRecord).where(
                VerifactuRecord.id.in_(ids),
                VerifactuRecord.submission_id == submission_id,
                VerifactuRecord.status == "submitted",
            )
        )
    )


def mirror_on_invoices(session: Session, records: Sequence[VerifactuRecord]) -> None:
    """An invoice shows the state of its latest record: each record's, on its invoice, if it is
    still that invoice's latest."""
    for record in records:
        session.execute(
            update(Invoice)
            .where(Invoice.id == record.invoice_id, Invoice.verifactu_record_id == record.id)
            .values(
                verifactu_status=record.status,
                verifactu_csv=record.aeat_csv,
                verifactu_code=record.aeat_code,
                verifactu_description=record.aeat_description,
            )
        )


def certificate_of(session: Session, company_id: str) -> Row[Any] | None:
    """The company's stored certificate: (certificate_p12, certificate_password,
    certificate_kind), still encrypted; None if there is no such company."""
    repo = CompanyRepository(session, company_id)
    return session.execute(
        repo.select(Company.certificate_p12, Company.certificate_password, Company.certificate_kind)
    ).first()

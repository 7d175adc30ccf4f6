"""Remission's SQL: the worker's scan, a company's remission state and lease, its submissions,
and the invoices that mirror their records' state.

The statements are those remission always ran (it is a hot path): the scan spans companies,
and the batch's own records and their invoices are addressed by id.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Row, bindparam, func, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from talonario.db.repository import CompanyRepository, Repository
from talonario.models import (
    Company,
    Invoice,
    VerifactuRecord,
    VerifactuRecordDocument,
    VerifactuRemission,
)
from talonario.models import VerifactuSubmission as Submission
from talonario.models.base import table_of
from talonario.records.repository import IS_WAITING, RecordRepository
from talonario.verifactu.backoff import Reason
from talonario.verifactu.xml import MAX_RECORDS


def companies_due(session: Session, now: datetime) -> list[str]:
    """Companies with records to send whose flow control allows a submission now.

    Spans companies: the worker's scan for work, before it claims any one company."""
    counts = (
        select(VerifactuRecord.company_id, func.count().label("waiting"))
        .where(IS_WAITING)
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

    def state_to_claim(self, skip_locked: bool) -> VerifactuRemission | None:
        """The state row, created if the company has none yet; with `skip_locked` (PostgreSQL)
        locked FOR UPDATE SKIP LOCKED, so claimers do not queue on one another: None when
        another claimer holds it."""
        stmt = self.select()
        if skip_locked:
            stmt = stmt.with_for_update(skip_locked=True)
        state = self.first(stmt)
        if state is None:
            # Two claimers may both find none: the second one's insert does nothing (it was a
            # duplicate-key error that failed the worker's pass).
            dialect = self.session.get_bind().dialect.name
            insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
            self.session.execute(
                insert(VerifactuRemission)
                .values(company_id=self.company_id, failures=0, incident_open=False)
                .on_conflict_do_nothing()
            )
            state = self.first(stmt)
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


def next_batch(session: Session, company_id: str, limit: int) -> list[Row[Any]]:
    """The first `limit` records waiting for AEAT, in chain order: (id, sequence, invoice_id,
    aeat_csv, aeat_code, aeat_description), no XML, so the claim's lock is held briefly."""
    repo = RecordRepository(session, company_id)
    stmt = repo.select(
        VerifactuRecord.id,
        VerifactuRecord.sequence,
        VerifactuRecord.invoice_id,
        VerifactuRecord.aeat_csv,
        VerifactuRecord.aeat_code,
        VerifactuRecord.aeat_description,
    ).where(IS_WAITING)
    return list(session.execute(stmt.order_by(VerifactuRecord.sequence).limit(limit)))


def mark_submitted(
    session: Session, company_id: str, sequences: tuple[int, int], submission_id: str
) -> None:
    """The waiting records from sequence `first` to `last` (a run of the claimed batch: no
    other record there waits) are `submitted` under `submission_id`, one more attempt each.
    By sequence, not by a list of ids: SQLite would scan the whole chain for those."""
    first, last = sequences
    session.execute(
        RecordRepository(session, company_id)
        .update()
        .where(IS_WAITING, VerifactuRecord.sequence.between(first, last))
        .values(
            status="submitted",
            submission_id=submission_id,
            attempts=func.coalesce(VerifactuRecord.attempts, 0) + 1,
        )
        .execution_options(synchronize_session=False)
    )


def submitted_batch(
    session: Session, submission: Submission
) -> tuple[list[VerifactuRecord], list[str]]:
    """The records `submission` carries, in chain order, and their stored XML."""
    repo = RecordRepository(session, submission.company_id)
    stmt = repo.with_documents(VerifactuRecord, VerifactuRecordDocument.xml).where(
        IS_WAITING,  # implied by the status below; written out, SQLite may use its index
        VerifactuRecord.sequence.between(submission.first_sequence, submission.last_sequence),
        VerifactuRecord.submission_id == submission.id,
        VerifactuRecord.status == "submitted",
    )
    rows = session.execute(stmt.order_by(VerifactuRecord.sequence)).all()
    return [record for record, _ in rows], [xml for _, xml in rows]


def ids_in_flight(session: Session, ids: Sequence[str], submission_id: str) -> set[str]:
    """Of the records `ids` (a claimed batch), those still waiting for `submission_id`'s answer."""
    return set(
        session.scalars(
            select(VerifactuRecord.id).where(
                VerifactuRecord.id.in_(ids),
                VerifactuRecord.submission_id == submission_id,
                VerifactuRecord.status == "submitted",
            )
        )
    )


def update_records(session: Session, changes: Sequence[dict[str, Any]]) -> None:
    """Each record's new state, by id: one statement run for all (executemany); every change
    names the same columns."""
    if changes:
        session.execute(update(VerifactuRecord), list(changes))


@dataclass(frozen=True, slots=True)
class Mirrored:
    """A record's state as its invoice shows it."""

    invoice_id: str
    record_id: str
    status: str
    csv: str | None
    code: str | None
    description: str | None


_INVOICES = table_of(Invoice)
_MIRROR = (
    update(_INVOICES)
    .where(
        _INVOICES.c.id == bindparam("m_invoice"),
        _INVOICES.c.verifactu_record_id == bindparam("m_record"),
    )
    .values(
        verifactu_status=bindparam("m_status"),
        verifactu_csv=bindparam("m_csv"),
        verifactu_code=bindparam("m_code"),
        verifactu_description=bindparam("m_description"),
    )
)


def mirror_states(session: Session, states: Sequence[Mirrored]) -> None:
    """An invoice shows the state of its latest record: each record's, on its invoice, if it is
    still that invoice's latest; one statement run for all (executemany). Invoices loaded in the
    session are not refreshed: for the worker, which has none."""
    if not states:
        return
    session.execute(
        _MIRROR,
        [
            {
                "m_invoice": m.invoice_id,
                "m_record": m.record_id,
                "m_status": m.status,
                "m_csv": m.csv,
                "m_code": m.code,
                "m_description": m.description,
            }
            for m in states
        ],
    )


def mirror_on_invoices(session: Session, records: Sequence[VerifactuRecord]) -> None:
    """mirror_states for a few records, through the ORM: the session's loaded invoices (an
    answer about to be built from them) show the new state too."""
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

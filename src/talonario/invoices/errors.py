"""What refuses a change to an invoice, and what a constraint refusing its row means."""

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from talonario.errors import Conflict, InvalidRequest, NotFound
from talonario.kit import external_ids


class InvoiceNotFound(NotFound):
    code = "invoice_not_found"


class InvoiceAlreadyIssued(Conflict):
    code = "invoice_already_issued"


class InvoiceNumberTaken(Conflict):
    code = "invoice_number_taken"


class InvoiceNotIssued(Conflict):
    code = "invoice_not_issued"


class InvoiceVoided(Conflict):
    code = "invoice_voided"


class AlreadySubstituted(Conflict):
    code = "invoice_already_substituted"


class SeriesKindMismatch(InvalidRequest):
    code = "series_kind_mismatch"


def conflict_of(exc: IntegrityError) -> Conflict:
    """What a constraint refusing an invoice means to the caller (rows written at commit, in
    group commit, meet theirs there: the endpoint maps them with this)."""
    taken = external_ids.refused(exc, "invoice")
    if taken is not None:
        return taken
    return InvoiceNumberTaken(
        "The series produced a number another invoice already has; check its format.",
        param="series",
    )


@contextmanager
def integrity_as_conflict() -> Iterator[None]:
    try:
        yield
    except IntegrityError as exc:
        raise conflict_of(exc) from exc


def flush(session: Session) -> None:
    with integrity_as_conflict():
        session.flush()

"""The caller's external_id: unique per company in each table that has one (clients, products,
invoices). Checked before the write so the 409 names the field; the UNIQUE constraint stays the
last line of defence under races."""

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from talonario.errors import Conflict


class ExternalIdTaken(Conflict):
    code = "external_id_taken"


def flush(session: Session, external_id: str | None, *, noun: str) -> None:
    """Flush a row whose external_id the repository found free (`ensure_external_id_free`). A
    twin request that took the same external_id meanwhile is the same 409, not a 500:
    PostgreSQL holds the second INSERT until the first commits, then the constraint refuses it."""
    try:
        session.flush()
    except IntegrityError as exc:
        taken = refused(exc, noun, external_id) if external_id is not None else None
        if taken is None:
            raise
        raise taken from exc


def refused(
    exc: IntegrityError, noun: str, external_id: str | None = None
) -> ExternalIdTaken | None:
    """The 409 when the constraint that refused a write is the external_id's (None otherwise):
    at flush here, at commit for rows group commit inserts then."""
    return taken(noun, external_id) if "external_id" in str(exc.orig) else None


def taken(noun: str, external_id: str | None) -> ExternalIdTaken:
    which = f"external_id '{external_id}'" if external_id is not None else "this external_id"
    return ExternalIdTaken(f"Another {noun} has {which}.", param="external_id")

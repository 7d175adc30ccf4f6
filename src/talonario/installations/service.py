"""A company's SIF installations beside its default one: each is a chain of records of its own
(AEAT chains per taxpayer and NumeroInstalacion: one per shop or till).

The default installation is the company's own chain: its NumeroInstalacion is the company id,
and a record made without naming an installation joins it. Another installation's number is
fixed once its chain has a record: AEAT knows the chain by it.
"""

from collections.abc import Sequence

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from talonario.errors import Conflict, InvalidRequest, NotFound
from talonario.installations.repository import InstallationRepository
from talonario.installations.schemas import InstallationCreate, InstallationUpdate
from talonario.models import Installation


class InstallationNotFound(NotFound):
    code = "installation_not_found"


class UnknownInstallation(InvalidRequest):
    """A request names an installation the company does not have (a field, not the path)."""

    code = "installation_not_found"


class InstallationNumberTaken(Conflict):
    code = "installation_number_taken"


class InstallationHasRecords(Conflict):
    code = "installation_has_records"


def get(session: Session, company_id: str, ref: str) -> Installation:
    """By id or installation_number, or 404."""
    found = InstallationRepository(session, company_id).by_ref(ref)
    if found is None:
        raise InstallationNotFound(f"No installation '{ref}'.", param="installation_id")
    return found


def list_installations(
    session: Session, company_id: str, limit: int, starting_after: str | None
) -> tuple[Sequence[Installation], bool]:
    repo = InstallationRepository(session, company_id)
    return repo.page(repo.select(), limit, starting_after)


def every(session: Session, company_id: str) -> Sequence[Installation]:
    return InstallationRepository(session, company_id).every()


def chosen(
    session: Session, company_id: str, ref: str | None, param: str = "installation"
) -> str | None:
    """The installation whose chain a record joins, as `ref` names it (its id or its
    installation_number): None for the default one (no `ref`, or the company id, its
    number). A `ref` the company does not have is a 422 naming `param`."""
    if ref is None or ref == company_id:
        return None
    found = InstallationRepository(session, company_id).by_ref(ref)
    if found is None:
        raise UnknownInstallation(
            f"No installation '{ref}': give the id or installation_number of one of"
            f" /v1/companies/{company_id}/installations, or leave it out for the default.",
            param=param,
        )
    return found.id


def _check_number(repo: InstallationRepository, number: str, own_id: str | None = None) -> None:
    if number == repo.company_id:
        raise InstallationNumberTaken(
            "The company id is the default installation's number.", param="installation_number"
        )
    if repo.named_by(number, own_id) is not None:
        raise _taken(number)


def _taken(number: str) -> InstallationNumberTaken:
    return InstallationNumberTaken(
        f"Another installation of the company is '{number}'.", param="installation_number"
    )


def _flush(session: Session, number: str) -> None:
    """A twin request that took the number meanwhile is the same 409 (the UNIQUE constraint)."""
    try:
        session.flush()
    except IntegrityError as exc:
        if "installation_number" in str(exc.orig):
            raise _taken(number) from exc
        raise


def create(session: Session, company_id: str, body: InstallationCreate) -> Installation:
    repo = InstallationRepository(session, company_id)
    _check_number(repo, body.installation_number)
    installation = repo.add(
        Installation(
            company_id=company_id, installation_number=body.installation_number, name=body.name
        )
    )
    _flush(session, body.installation_number)
    return installation


def update(session: Session, company_id: str, ref: str, body: InstallationUpdate) -> Installation:
    """A new name at any time; a new number only while the chain is empty. The row is locked
    first: an issue that chains its first record holds it until it commits."""
    repo = InstallationRepository(session, company_id)
    installation = repo.by_ref(ref, for_update=True)
    if installation is None:
        raise InstallationNotFound(f"No installation '{ref}'.", param="installation_id")
    if body.name is not None:
        installation.name = body.name
    number = body.installation_number
    if number is not None and number != installation.installation_number:
        if installation.last_record_id is not None:
            raise InstallationHasRecords(
                "Its chain has records, which AEAT knows by this number: it can no longer"
                " change. A new number is a new installation.",
                param="installation_number",
            )
        _check_number(repo, number, installation.id)
        installation.installation_number = number
    _flush(session, installation.installation_number)
    return installation

"""Clients: the recipients of invoices, identified as AEAT expects (NIF or IDOtro)."""

from collections.abc import Sequence

from sqlalchemy.orm import Session

from talonario.clients.repository import ClientRepository
from talonario.clients.schemas import ClientCreate, ClientUpdate
from talonario.errors import Conflict, InvalidRequest, NotFound
from talonario.kit import external_ids
from talonario.models import Client


class ClientNotFound(NotFound):
    code = "client_not_found"


class ClientInUse(Conflict):
    code = "client_in_use"


def get(session: Session, company_id: str, ref: str, param: str = "id") -> Client:
    """By Talonario id or, failing that, by the caller's external_id (as invoices are)."""
    return ClientRepository(session, company_id).found(
        ClientNotFound, ref, by_ref=True, param=param
    )


def list_clients(
    session: Session,
    company_id: str,
    limit: int,
    starting_after: str | None,
    nif: str | None = None,
    external_id: str | None = None,
) -> tuple[Sequence[Client], bool]:
    return ClientRepository(session, company_id).page_matching(
        limit, starting_after, nif.strip().upper() if nif else None, external_id or None
    )


def create(session: Session, company_id: str, body: ClientCreate) -> Client:
    repo = ClientRepository(session, company_id)
    repo.ensure_external_id_free(body.external_id)
    client = Client(
        company_id=company_id,
        name=body.name,
        nif=body.nif,
        foreign_id=body.foreign_id.model_dump() if body.foreign_id else None,
        email=body.email,
        address=body.address.model_dump() if body.address else None,
        external_id=body.external_id,
    )
    repo.add(client)
    external_ids.flush(session, body.external_id, noun="client")
    return client


def update(session: Session, company_id: str, client_id: str, body: ClientUpdate) -> Client:
    repo = ClientRepository(session, company_id)
    client = repo.found(ClientNotFound, client_id, by_ref=True)
    changes = body.model_dump(exclude_unset=True)
    # Nested objects whole: exclude_unset would drop their own defaults (country ES).
    for nested in ("address", "foreign_id"):
        if nested in changes:
            value = getattr(body, nested)
            changes[nested] = value.model_dump() if value is not None else None
    if "external_id" in changes:
        repo.ensure_external_id_free(changes["external_id"], client.id)
    nif = changes.get("nif", client.nif)
    foreign_id = changes.get("foreign_id", client.foreign_id)
    if "nif" in changes and changes["nif"] is not None and "foreign_id" not in changes:
        foreign_id = None
    elif "foreign_id" in changes and changes["foreign_id"] is not None and "nif" not in changes:
        nif = None
    if nif is not None and foreign_id is not None:
        raise InvalidRequest("Give either nif or foreign_id, not both.", param="nif")
    for field in ("name", "email", "address", "external_id"):
        if field in changes:
            setattr(client, field, changes[field])
    client.nif, client.foreign_id = nif, foreign_id
    external_ids.flush(session, changes.get("external_id"), noun="client")
    return client


def delete(session: Session, company_id: str, client_id: str) -> None:
    repo = ClientRepository(session, company_id)
    client = repo.found(ClientNotFound, client_id, by_ref=True)
    if repo.has_invoices(client.id):
        raise ClientInUse("Invoices refer to this client; it cannot be deleted.", param="id")
    session.delete(client)
    session.flush()

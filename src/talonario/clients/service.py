"""Clients: the recipients of invoices, identified as AEAT expects (NIF or IDOtro)."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from talonario.clients.schemas import ClientCreate, ClientUpdate
from talonario.errors import Conflict, InvalidRequest, NotFound
from talonario.kit import external_ids
from talonario.kit.pagination import paginate
from talonario.models import Client, Invoice


class ClientNotFound(NotFound):
    code = "client_not_found"


class ClientInUse(Conflict):
    code = "client_in_use"


def _query(company_id: str):  # type: ignore[no-untyped-def]
    return select(Client).where(Client.company_id == company_id)


def get(session: Session, company_id: str, ref: str, param: str = "id") -> Client:
    """By Talonario id or, failing that, by the caller's external_id (as invoices are)."""
    client = session.scalars(_query(company_id).where(Client.id == ref)).first()
    if client is None:
        client = session.scalars(_query(company_id).where(Client.external_id == ref)).first()
    if client is None:
        raise ClientNotFound(f"No client '{ref}'.", param=param)
    return client


def ids_of_ref(company_id: str, ref: str) -> Any:
    """The ids of the client `ref` names, by id or by the caller's external_id: a subquery, so
    a filter on it stays one indexed statement."""
    return select(Client.id).where(
        Client.company_id == company_id, or_(Client.id == ref, Client.external_id == ref)
    )


def list_clients(
    session: Session,
    company_id: str,
    limit: int,
    starting_after: str | None,
    nif: str | None = None,
    external_id: str | None = None,
) -> tuple[Sequence[Client], bool]:
    stmt = _query(company_id)
    if nif:
        stmt = stmt.where(Client.nif == nif.strip().upper())
    if external_id:
        stmt = stmt.where(Client.external_id == external_id)
    return paginate(session, stmt, Client.id, limit, starting_after)


def create(session: Session, company_id: str, body: ClientCreate) -> Client:
    external_ids.ensure_free(session, Client, company_id, body.external_id, noun="client")
    client = Client(
        company_id=company_id,
        name=body.name,
        nif=body.nif,
        foreign_id=body.foreign_id.model_dump() if body.foreign_id else None,
        email=body.email,
        address=body.address.model_dump() if body.address else None,
        external_id=body.external_id,
    )
    session.add(client)
    external_ids.flush(session, body.external_id, noun="client")
    return client


def update(session: Session, company_id: str, client_id: str, body: ClientUpdate) -> Client:
    client = get(session, company_id, client_id)
    changes = body.model_dump(exclude_unset=True)
    # Nested objects whole: exclude_unset would drop their own defaults (country ES).
    for nested in ("address", "foreign_id"):
        if nested in changes:
            value = getattr(body, nested)
            changes[nested] = value.model_dump() if value is not None else None
    if "external_id" in changes:
        external_ids.ensure_free(
            session, Client, company_id, changes["external_id"], client.id, noun="client"
        )
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
    client = get(session, company_id, client_id)
    if session.scalar(select(Invoice.id).where(Invoice.client_id == client.id).limit(1)):
        raise ClientInUse("Invoices refer to this client; it cannot be deleted.", param="id")
    session.delete(client)
    session.flush()

"""The parties an invoice names, as snapshots taken when it is drafted (the recipient) and
issued (the issuer): a later change of the client or the company does not rewrite it."""

from typing import Any

from sqlalchemy.orm import Session

from talonario.clients import service as clients
from talonario.invoices.schemas import ClientInline
from talonario.models import Client, Company


def client_snapshot(client: Client) -> dict[str, Any]:
    return {
        "name": client.name,
        "nif": client.nif,
        "foreign_id": client.foreign_id,
        "email": client.email,
        "address": client.address,
    }


def resolve_client(
    session: Session, company_id: str, ref: str | ClientInline | None
) -> tuple[str | None, dict[str, Any] | None]:
    if ref is None:
        return None, None
    if isinstance(ref, ClientInline):
        return None, ref.model_dump(mode="python")
    client = clients.get(session, company_id, ref, param="client")
    return client.id, client_snapshot(client)


def issuer_snapshot(company: Company) -> dict[str, Any]:
    return {
        "legal_name": company.legal_name,
        "trade_name": company.trade_name,
        "nif": company.nif,
        "address": company.address,
        "email": company.email,
        "phone": company.phone,
    }

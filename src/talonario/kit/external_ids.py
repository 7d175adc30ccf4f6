"""The caller's external_id: unique per company in each table that has one (clients, products,
invoices). Checked before the write so the 409 names the field; the UNIQUE constraint stays the
last line of defence under races."""

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from talonario.errors import Conflict


class ExternalIdTaken(Conflict):
    code = "external_id_taken"


def ensure_free(
    session: Session,
    model: Any,
    company_id: str,
    external_id: str | None,
    own_id: str | None = None,
    *,
    noun: str,
) -> None:
    """409 `external_id_taken` if another row of `model` in the company has this external_id."""
    if external_id is None:
        return
    other = session.scalar(
        select(model.id).where(model.company_id == company_id, model.external_id == external_id)
    )
    if other is not None and other != own_id:
        raise ExternalIdTaken(
            f"Another {noun} has external_id '{external_id}'.", param="external_id"
        )

"""API keys as a resource: list, create, revoke."""

from collections.abc import Sequence

from sqlalchemy.orm import Session

from talonario.auth.repository import ApiKeyRepository
from talonario.errors import Conflict, NotFound
from talonario.kit.clock import utcnow
from talonario.models import ApiKey


class ApiKeyNotFound(NotFound):
    code = "api_key_not_found"


class ApiKeyRevokesItself(Conflict):
    code = "api_key_revokes_itself"


def list_keys(
    session: Session, company_id: str, limit: int, starting_after: str | None
) -> tuple[Sequence[ApiKey], bool]:
    return ApiKeyRepository(session, company_id).newest_first(limit, starting_after)


def get(session: Session, company_id: str, key_id: str) -> ApiKey:
    return ApiKeyRepository(session, company_id).found(ApiKeyNotFound, key_id)


def revoke(session: Session, company_id: str, key_id: str, caller_key_id: str) -> ApiKey:
    key = get(session, company_id, key_id)
    if key.id == caller_key_id:
        raise ApiKeyRevokesItself("A key cannot revoke itself; use another key.", param="id")
    if key.revoked_at is None:
        key.revoked_at = utcnow()
        session.flush()
    return key

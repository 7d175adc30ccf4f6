"""Companies: the tenant. Creating one also creates its default series and a first API key."""

from sqlalchemy.orm import Session

from talonario.auth.keys import issue_key
from talonario.companies import repository
from talonario.companies.schemas import CompanyCreate, CompanyUpdate
from talonario.db.repository import CompanyRepository
from talonario.models import ApiKey, Company
from talonario.records import chain
from talonario.series import service as series_service


def create_company(
    session: Session, body: CompanyCreate, scopes: list[str] | None = None
) -> tuple[Company, ApiKey, str]:
    company = Company(
        legal_name=body.legal_name,
        trade_name=body.trade_name,
        nif=body.nif,
        address=body.address.model_dump() if body.address else None,
        email=body.email,
        phone=body.phone,
        verifactu_environment="sandbox",
    )
    session.add(company)
    session.flush()
    series_service.create_defaults(session, company.id)
    chain.create_head(session, company.id)
    key, secret = issue_key(session, company.id, scopes or ["*"], name="default")
    return company, key, secret


def get(session: Session, company_id: str) -> Company:
    return CompanyRepository(session, company_id).existing()


def load(session: Session, company_id: str) -> Company:
    """A detached copy of the company for reading only (never add it to a session): one plain
    SELECT, cheaper than the ORM's identity-map load on the issuing path."""
    return CompanyRepository(session, company_id).existing(detached=True)


def first_company(session: Session) -> Company | None:
    return repository.first_company(session)


def update(session: Session, company_id: str, body: CompanyUpdate) -> Company:
    company = get(session, company_id)
    changes = body.model_dump(exclude_unset=True)
    for field in ("legal_name", "trade_name", "email", "phone"):
        if field in changes:
            setattr(company, field, changes[field])
    if "address" in changes:
        # The full dump: exclude_unset would drop the address's own defaults (country ES).
        company.address = body.address.model_dump() if body.address else None
    if body.verifactu is not None:
        company.verifactu_environment = body.verifactu.environment
    session.flush()
    return company

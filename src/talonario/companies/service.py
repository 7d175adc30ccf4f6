"""Companies: the tenant. Creating one also creates its default series and a first API key."""

from sqlalchemy.orm import Session

from talonario.auth.keys import issue_key
from talonario.companies import mode, repository
from talonario.companies.schemas import CompanyCreate, CompanyUpdate
from talonario.config import Settings
from talonario.db.repository import CompanyRepository
from talonario.errors import InvalidRequest
from talonario.kit.external_ids import taken
from talonario.models import Account, ApiKey, Company
from talonario.records import chain, remission
from talonario.series import service as series_service
from talonario.system import identity


def new_company(session: Session, account_id: str, body: CompanyCreate) -> Company:
    """A company of the account, with its default series and its empty chain (no key: the
    account mints those, or acts for it with its own)."""
    company = Company(
        account_id=account_id,
        external_id=body.external_id,
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
    return company


def create_company(
    session: Session,
    body: CompanyCreate,
    scopes: list[str] | None = None,
    account_id: str | None = None,
) -> tuple[Company, ApiKey, str]:
    """A company with a first key, in an account of its own unless `account_id` names one:
    `talonario company create` and the demo (one taxpayer, one account)."""
    if account_id is None:
        account = Account(name=body.legal_name)
        session.add(account)
        session.flush()
        account_id = account.id
    company = new_company(session, account_id, body)
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


def require_environment(settings: Settings, environment: str) -> None:
    """Leaving the sandbox needs a declared SIF producer (GET /v1/system): 422 otherwise."""
    identity.require_declared(settings, environment)


def change(session: Session, settings: Settings, company_id: str, body: CompanyUpdate) -> Company:
    """PATCH of a company (`/v1/company`, `/v1/companies/{id}`). Leaving the sandbox needs a
    declared SIF producer; a new environment is remitted to from now on."""
    if body.verifactu is not None and body.verifactu.environment is not None:
        require_environment(settings, body.verifactu.environment)
    company = update(session, company_id, body, settings)
    if body.verifactu is not None:
        remission.retry_now(session, company_id)
    return company


def update(
    session: Session, company_id: str, body: CompanyUpdate, settings: Settings | None = None
) -> Company:
    """Apply a PATCH; a change of `verifactu.mode` needs `settings` (its event is signed)."""
    company = get(session, company_id)
    changes = body.model_dump(exclude_unset=True)
    if "external_id" in changes and changes["external_id"] != company.external_id:
        owner = repository.company_with_external_id(
            session, company.account_id, changes["external_id"]
        )
        if owner is not None:
            raise taken("company", changes["external_id"])
    for field in ("legal_name", "trade_name", "email", "phone", "external_id"):
        if field in changes:
            setattr(company, field, changes[field])
    if "address" in changes:
        # The full dump: exclude_unset would drop the address's own defaults (country ES).
        company.address = body.address.model_dump() if body.address else None
    if body.verifactu is not None and body.verifactu.environment is not None:
        company.verifactu_environment = body.verifactu.environment
    if body.reminders is not None:
        if body.reminders.enabled is not None:
            company.reminders_enabled = body.reminders.enabled
        if body.reminders.days is not None:
            company.reminder_days = sorted(body.reminders.days)
    verifactu = body.verifactu
    if verifactu is not None and verifactu.effective_on is not None and verifactu.mode is None:
        raise InvalidRequest(
            "effective_on says when a switch of mode takes effect: send verifactu.mode too.",
            param="verifactu.mode",
        )
    if body.verifactu is not None and body.verifactu.mode is not None:
        if settings is None:
            raise ValueError("a change of VERI*FACTU mode needs the settings to sign its event")
        mode.change_mode(
            session, settings, company, body.verifactu.mode,
            effective_on=body.verifactu.effective_on,
        )  # fmt: skip
    session.flush()
    return company

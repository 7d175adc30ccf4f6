"""An account's companies: create, list, change, mint their keys, and their monthly usage."""

from collections.abc import Sequence
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from talonario.accounts import repository
from talonario.accounts.schemas import AccountCompanyCreate
from talonario.auth.keys import Principal, check_grantable, issue_key
from talonario.companies import service as companies
from talonario.companies.repository import company_with_external_id
from talonario.errors import InsufficientScope
from talonario.kit.clock import utcnow
from talonario.kit.external_ids import taken
from talonario.models import Account, ApiKey, Company

MADRID = ZoneInfo("Europe/Madrid")


class AccountKeyRequired(InsufficientScope):
    code = "account_key_required"


def require_account_key(principal: Principal) -> None:
    if not principal.account_key:
        raise AccountKeyRequired(
            "Only an account key (tal_acct_…) can create companies; this key belongs to one"
            " company."
        )


def create_account(session: Session, name: str) -> Account:
    account = Account(name=name)
    session.add(account)
    session.flush()
    return account


def exists(session: Session, account_id: str) -> bool:
    return repository.account_exists(session, account_id)


def create_company(session: Session, account_id: str, body: AccountCompanyCreate) -> Company:
    if body.external_id is not None and company_with_external_id(
        session, account_id, body.external_id
    ):
        raise taken("company", body.external_id)
    company = companies.new_company(session, account_id, body)
    if body.verifactu is not None:
        company.verifactu_environment = body.verifactu.environment
        session.flush()
    return company


def visible(
    session: Session,
    principal: Principal,
    limit: int,
    starting_after: str | None,
    external_id: str | None,
    nif: str | None,
) -> tuple[Sequence[Company], bool]:
    """The companies the caller may see: its account's, or a company key's own company."""
    only = None if principal.account_key else principal.company_id
    return repository.AccountCompanies(session, principal.account_id).newest_first(
        limit, starting_after, external_id, nif, only
    )


def mint_key(
    session: Session, principal: Principal, company_id: str, scopes: list[str], name: str | None
) -> tuple[ApiKey, str]:
    """A key of the company, with scopes the caller holds itself."""
    check_grantable(principal.scopes, scopes)
    return issue_key(session, company_id, scopes, name)


def month_bounds(month: str | None) -> tuple[str, datetime, datetime]:
    """`YYYY-MM` (default: this month in Madrid) and its start and end as instants."""
    if month is None:
        today = utcnow().astimezone(MADRID).date()
        year, number = today.year, today.month
    else:
        year, number = int(month[:4]), int(month[5:])
    start = date(year, number, 1)
    end = date(year + (number == 12), number % 12 + 1, 1)

    def instant(day: date) -> datetime:
        return datetime(day.year, day.month, day.day, tzinfo=MADRID)

    return f"{year:04d}-{number:02d}", instant(start), instant(end)


def usage(session: Session, company_id: str, month: str | None) -> dict[str, object]:
    label, start, end = month_bounds(month)
    issued, generated, remitted = repository.month_usage(session, company_id, start, end)
    return {
        "object": "usage",
        "company": company_id,
        "month": label,
        "invoices_issued": issued,
        "records_generated": generated,
        "records_remitted": remitted,
    }

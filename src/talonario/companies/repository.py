"""The SQL of companies beyond the tenant row (db/repository.CompanyRepository): the logo's
bytes, and the one question asked across companies."""

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from talonario.db.repository import Repository
from talonario.models import Company, CompanyLogo


class LogoRepository(Repository[CompanyLogo]):
    """The company's one company_logos row (its key is the company's id)."""

    model = CompanyLogo

    def stored(self) -> CompanyLogo | None:
        return self.get(self.company_id)

    def remove(self) -> None:
        self.session.execute(self.delete())

    def image(self) -> Any:
        """(image, logo_content_type) of the company's logo, or None when it has none."""
        stmt = self.select(CompanyLogo.image, Company.logo_content_type).join(
            Company, Company.id == CompanyLogo.company_id
        )
        return self.session.execute(stmt).first()


def first_company(session: Session) -> Company | None:
    # Spans companies: whether the installation has any (the CLI's demo seeds an empty one).
    return session.scalars(select(Company).order_by(Company.id).limit(1)).first()


def company_with_external_id(session: Session, account_id: str, external_id: str) -> str | None:
    """The id of the account's company with `external_id`. Spans the account's companies:
    the identifier is unique within the account."""
    stmt = select(Company.id).where(
        Company.account_id == account_id, Company.external_id == external_id
    )
    return session.scalar(stmt)

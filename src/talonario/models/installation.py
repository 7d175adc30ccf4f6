from datetime import date

from sqlalchemy import Date, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from talonario.models.base import Base, Entity


class Installation(Entity, Base):
    """A SIF installation of a company (a shop, a till) beside its default one, with a record
    chain of its own: AEAT chains per taxpayer and installation (`NumeroInstalacion`).

    The default installation is the company's own chain (NumeroInstalacion = the company id,
    its link in verifactu_chain_heads); this row holds another installation's link, moved under
    the company head's lock by the append that stores its record (records/chain.py).
    """

    __tablename__ = "installations"
    __table_args__ = (UniqueConstraint("company_id", "installation_number"),)

    company_id: Mapped[str] = mapped_column(ForeignKey("companies.id"))
    # SistemaInformatico/NumeroInstalacion of its records (AEAT: at most 100 characters).
    installation_number: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(120))
    # The last link of its chain (none yet: its next record is its first, PrimerRegistro=S).
    last_record_id: Mapped[str | None] = mapped_column(String(36))
    last_huella: Mapped[str | None] = mapped_column(String(64))
    last_issuer_nif: Mapped[str | None] = mapped_column(String(9))
    last_invoice_number: Mapped[str | None] = mapped_column(String(60))
    last_issue_date: Mapped[date | None] = mapped_column(Date)

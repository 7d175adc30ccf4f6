"""Installations and invoices issued in them, straight through the services (the API path is
tested beside them)."""

from lxml import etree

from talonario.companies import service as companies
from talonario.config import Settings
from talonario.db import Database
from talonario.installations import service as installations
from talonario.installations.schemas import InstallationCreate
from talonario.invoices import service as invoices
from talonario.invoices.schemas import InvoiceCreate
from talonario.kit.clock import today_in
from talonario.models import Invoice
from talonario.verifactu.xml import NS_SF
from tests.fixtures.factories import invoice_body

NS = {"sf": NS_SF}


def add_installation(db: Database, company_id: str, number: str, name: str = "Tienda") -> str:
    with db.write_session() as session:
        made = installations.create(
            session, company_id, InstallationCreate(installation_number=number, name=name)
        )
        session.commit()
        return made.id


def issue_in(
    db: Database, settings: Settings, company_id: str, installation_id: str | None
) -> Invoice:
    """One issued invoice of `invoice_body()`, its records in `installation_id`'s chain."""
    with db.write_session() as session:
        company = companies.get(session, company_id)
        body = InvoiceCreate.model_validate(invoice_body(issue=True))
        draft = invoices.prepare(session, company, body, today_in(company.timezone))
        issued = invoices.save_new(session, settings, company, draft, True, installation_id)
        session.commit()
        return issued


def encadenamiento(xml: str | bytes) -> tuple[str, str | None]:
    """(NumeroInstalacion, PrimerRegistro or the previous huella) of a record's XML."""
    root = etree.fromstring(xml.encode() if isinstance(xml, str) else xml)
    number = root.findtext("sf:SistemaInformatico/sf:NumeroInstalacion", namespaces=NS)
    first = root.findtext("sf:Encadenamiento/sf:PrimerRegistro", namespaces=NS)
    previous = root.findtext("sf:Encadenamiento/sf:RegistroAnterior/sf:Huella", namespaces=NS)
    assert number is not None
    return number, ("S" if first == "S" else previous)

"""A company in NO VERI*FACTU with a certificate to sign its events, and its event log."""

from datetime import datetime
from typing import Any

from talonario.companies import certificate
from talonario.events.repository import EventRepository
from talonario.events.service import log_event
from talonario.models import Company, VerifactuEvent
from talonario.runtime import Runtime
from talonario.verifactu.events import EventType
from tests.companies.test_certificate import Issued, TestCa, representative

CA = TestCa()


def no_verifactu_company(
    runtime: Runtime, company_id: str, start_at: datetime | None = None
) -> None:
    """Give the company a certificate, switch it to NO VERI*FACTU and log the start (01)."""
    with runtime.db.write_session() as session:
        company = session.get(Company, company_id)
        assert company is not None
        install_certificate(runtime, company)
        company.verifactu_mode = "no_verifactu"
        session.flush()
        log_event(session, runtime.settings, company, EventType.NO_VERIFACTU_START, now=start_at)
        session.commit()


def install_certificate(runtime: Runtime, company: Company) -> Issued:
    """A new certificate for `company` (a row of a write session; the caller commits)."""
    issued = CA.issue(representative(company.nif))
    certificate.install(runtime.settings, company, certificate.parse(issued.b64, issued.password))
    return issued


def events_of(runtime: Runtime, company_id: str) -> list[VerifactuEvent]:
    with runtime.db.read_session() as session:
        return list(EventRepository(session, company_id).stream())


def company_of(session: Any, company_id: str) -> Company:
    company = session.get(Company, company_id)
    assert company is not None
    return company

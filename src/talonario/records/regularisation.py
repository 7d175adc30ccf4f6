"""Back to VERI*FACTU: the records a company kept in NO VERI*FACTU reach AEAT.

Kept records are never sent themselves (they are signed, and AEAT never saw their chain
position announced); each invoice whose latest record was kept gets one new record, chained now
and remitted by the worker like any other (spec §10, §5.1, DSR L17):

- an invoice last registered by a kept alta: an alta with Subsanacion=S and RechazoPrevio=X
  ("alta de subsanación sin registro previo": the invoice exists in our SIF, AEAT has nothing);
- an invoice last cancelled by a kept anulación: an anulación with SinRegistroPrevio=S (AEAT
  creates the invoice in the "anulada" state).

An invoice AEAT already holds (an alta of it was accepted before the company left VERI*FACTU)
gets the plain form instead: Subsanacion=S without RechazoPrevio, an anulación without
SinRegistroPrevio; RechazoPrevio=X or SinRegistroPrevio=S would be refused for it.
"""

from dataclasses import replace

from sqlalchemy.orm import Session

from talonario.config import Settings
from talonario.models import Company, VerifactuRecord
from talonario.records import chain, service
from talonario.records.regularisation_repository import KeptInvoices
from talonario.records.repository import RecordRepository
from talonario.verifactu.codes import PreviousRejection


def regularise_kept(
    session: Session, settings: Settings, company: Company
) -> list[VerifactuRecord]:
    """Chain the regularisation record of every invoice whose latest record was kept; the
    company must already be in VERI*FACTU (the new records are not signed, and are due)."""
    assert company.verifactu_mode == "verifactu"
    made = []
    records = RecordRepository(session, company.id)
    for invoice, kind, installation_id in KeptInvoices(session, company.id).latest_kept():
        at_aeat = records.stored_altas(invoice.id) > 0
        if kind == chain.ANULACION:
            made.append(service.record_void(session, settings, company, invoice, not at_aeat))
            continue
        head, installation = service.chain_of(session, company.id, installation_id)
        tip = installation or head
        record = replace(
            service.registration_record(
                settings, company, invoice, tip, service.generation_time(company)
            ),
            correction=True,
            previous_rejection=None if at_aeat else PreviousRejection.NOT_AT_AEAT,
        )
        environment = company.verifactu_environment
        row = chain.append(session, head, record, invoice.id, environment, installation)
        service.show_latest(invoice, row)
        made.append(row)
    return made

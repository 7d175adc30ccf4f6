"""What AEAT holds for an invoice (ConsultaFactuSistemaFacturacion), and adopting it for a
record whose answer was never heard: POST /v1/invoices/{id}/verifactu/query."""

from sqlalchemy.orm import Session

from talonario.config import Settings
from talonario.db import Database
from talonario.models import Company, Invoice
from talonario.records.remission import default_client
from talonario.records.remission_repository import mirror_on_invoices
from talonario.records.repository import WAITING, RecordRepository
from talonario.verifactu.records import Party
from talonario.verifactu.responses import QueriedRecord, QueriedStatus, QueryFilter

_QUERIED = {
    QueriedStatus.ACCEPTED: "accepted",
    QueriedStatus.ACCEPTED_WITH_ERRORS: "accepted_with_errors",
    QueriedStatus.CANCELLED: "accepted",  # the anulación is what AEAT holds
}


def ask(
    db: Database, settings: Settings, company: Company, invoice: Invoice
) -> QueriedRecord | None:
    """What AEAT holds for the invoice (ConsultaFactuSistemaFacturacion), outside any
    transaction. Period: the operation date's month, else the issue date's (spec §8.6)."""
    assert invoice.number and invoice.issued_on
    period = invoice.operation_date or invoice.issued_on
    query = QueryFilter(
        taxpayer=Party(company.legal_name, nif=company.nif),
        year=period.year,
        month=period.month,
        number=invoice.number,
    )
    with default_client(db, company, settings) as client:
        result = client.query(query)
    for record in result.records:
        if record.invoice.number == invoice.number:
            return record
    return None


def reconcile(session: Session, invoice: Invoice, held: QueriedRecord | None) -> bool:
    """Adopt what AEAT holds for the invoice's latest record when our side never heard the
    answer (pending or submitted). True if AEAT and we agree afterwards."""
    record_id = invoice.verifactu_record_id
    latest = RecordRepository(session, invoice.company_id).get(record_id) if record_id else None
    if latest is None:
        return held is None
    if held is None:
        return latest.status in ("pending", "submitted", "rejected")
    expected = "Anulado" if latest.kind == "anulacion" else None
    same = held.huella is None or held.huella == latest.huella
    if latest.status in WAITING and same and (expected is None or held.status.value == expected):
        latest.status = _QUERIED[held.status]
        latest.aeat_code = str(held.code) if held.code is not None else None
        latest.aeat_description = held.description
        mirror_on_invoices(session, [latest])
    return same and latest.status == _QUERIED[held.status]

"""Reports for the accountant: the Modelo 347 and 303 figures of the issued invoices (see
ledger.py for which count, taxbook.py for the rules), exports and a period's PDFs."""

from datetime import date

from sqlalchemy.orm import Session

from talonario.errors import InvalidRequest
from talonario.reports import ledger, taxbook
from talonario.reports.repository import ReportRepository, TaxRow
from talonario.reports.schemas import Report347Out, VatReportOut


def check_period(start: date, end: date) -> None:
    """A 422 naming `to` when the period ends before it starts."""
    if end < start:
        raise InvalidRequest("to: the period ends before it starts.", param="to")


def _counted(
    session: Session, company_id: str, start: date, end: date
) -> tuple[list[TaxRow], dict[str, TaxRow]]:
    repo = ReportRepository(session, company_id)
    invoices = repo.standing_between(start, end)
    originals = repo.tax_rows_of(ledger.rectified_ids(ledger.counted(invoices)))
    return invoices, originals


def report_347(session: Session, company_id: str, year: int) -> Report347Out:
    invoices, originals = _counted(session, company_id, date(year, 1, 1), date(year, 12, 31))
    return taxbook.report_347(year, ledger.entries(invoices, originals))


def vat_report(session: Session, company_id: str, start: date, end: date) -> VatReportOut:
    check_period(start, end)
    invoices, originals = _counted(session, company_id, start, end)
    return taxbook.vat_report(start, end, ledger.entries(invoices, originals))


def issued_between(
    session: Session, company_id: str, start: date, end: date
) -> list[tuple[str, date]]:
    """The invoices whose PDFs a period's ZIP holds: every one issued in it, voided included."""
    check_period(start, end)
    return ReportRepository(session, company_id).issued_ids_between(start, end)

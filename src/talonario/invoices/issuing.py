"""Issuing: the checks a draft must pass, then its number, frozen issuer and chained record.

Issuing runs inside the caller's transaction: the number is taken under the series row's lock,
held until that transaction ends, and the VERI*FACTU record of the same invoice joins this
transaction, so an invoice is never issued without its number and its record, nor either
without the other.
"""

from datetime import date

from sqlalchemy.orm import Session

from talonario.clients import service as clients
from talonario.config import Settings
from talonario.errors import InvalidRequest
from talonario.installations import service as installations
from talonario.invoices import preflight
from talonario.invoices.errors import InvoiceAlreadyIssued, SeriesKindMismatch, flush
from talonario.invoices.events import announce
from talonario.invoices.lookup import get
from talonario.invoices.parties import client_snapshot, issuer_snapshot
from talonario.invoices.references import mark_substituted
from talonario.kit.clock import utcnow
from talonario.kit.ids import new_id
from talonario.models import Company, Invoice
from talonario.records import service as verifactu
from talonario.series import service as series_service

# The series kind each invoice type is numbered in (RD 1619/2012 art. 6.1.a: rectifying
# invoices need a series of their own).
KIND_OF_TYPE = {
    "F1": "standard",
    "F3": "standard",
    "F2": "simplified",
    "R1": "corrective",
    "R2": "corrective",
    "R3": "corrective",
    "R4": "corrective",
    "R5": "corrective",
}


def ensure_draft(invoice: Invoice) -> None:
    if invoice.status != "draft":
        raise InvoiceAlreadyIssued(
            f"Invoice {invoice.number} is issued: it can no longer change or be deleted."
            " Correct it with a rectifying invoice.",
        )


def _check_issuable(invoice: Invoice, company: Company, today: date) -> date:
    """The AEAT pre-flight (invoices/preflight.py) on the draft as it would be issued."""
    issued_on = invoice.issued_on or today
    draft = preflight.Draft(
        type=invoice.type,
        issued_on=issued_on,
        operation_date=invoice.operation_date,
        client=invoice.client,
        lines=invoice.lines,
        tax_breakdown=invoice.tax_breakdown,
        subtotal=invoice.subtotal,
        taxes_total=invoice.taxes_total,
        surcharge_total=invoice.surcharge_total,
        activity=invoice.activity,
        substitutes=len(invoice.substitutes or ()),
        withholding_rate=invoice.withholding_rate,
        issuer_address=company.address,
        rectification=(invoice.corrective or {}).get("method"),
    )
    try:
        preflight.check(draft, today)
    except preflight.Violation as v:
        raise InvalidRequest(v.message, param=v.param, code=v.code) from None
    return issued_on


def check_issue(
    session: Session, company: Company, invoice: Invoice, today: date, refresh_client: bool
) -> date:
    """What must hold before a draft may be numbered; only reads. Returns the issue date.

    `refresh_client` takes a fresh snapshot of a stored client (a draft may be older than the
    client's last change); a client resolved a moment ago needs none.
    """
    ensure_draft(invoice)
    kind = KIND_OF_TYPE[invoice.type]
    if invoice.series_id is not None:
        series = series_service.get(session, company.id, invoice.series_id)
        if series.kind != kind:
            raise SeriesKindMismatch(
                f"A {invoice.type} invoice is numbered in a {kind} series, not {series.kind}.",
                param="series",
            )
    if refresh_client and invoice.client_id is not None:
        invoice.client = client_snapshot(
            clients.get(session, company.id, invoice.client_id, "client")
        )
    return _check_issuable(invoice, company, today)


def installation_for(session: Session, company_id: str, ref: str | None, issue: bool) -> str | None:
    """Read phase: the installation (id) whose chain the invoice's records join, as the
    request's `installation` names it; None for the default one."""
    if ref is not None and not issue:
        raise InvalidRequest(
            "A draft is in no installation yet: name the installation when issuing it"
            " (`issue: true`, or POST /v1/invoices/{id}/issue).",
            param="installation",
        )
    return installations.chosen(session, company_id, ref)


def number_and_chain(
    session: Session,
    settings: Settings,
    company: Company,
    invoice: Invoice,
    issued_on: date,
    *,
    new: bool = False,
    installation_id: str | None = None,
) -> Invoice:
    """The locked part of issuing: the number, the frozen issuer and the alta record, chained
    in the installation `installation_id` (None: the company's default one).

    Runs in the caller's write transaction and never commits: the number and the record are
    stored together or not at all. Everything that only reads was checked before.
    """
    verifactu.lock_chain(session, company.id, installation_id)
    assigned = series_service.assign_number(
        session, company.id, invoice.series_id, KIND_OF_TYPE[invoice.type], issued_on.year
    )
    invoice.series_id = assigned.series_id
    invoice.series_code = assigned.series_code
    invoice.number = assigned.number
    invoice.sequence = assigned.sequence
    invoice.issued_on = issued_on
    invoice.issued_year = issued_on.year
    invoice.issued_at = utcnow()
    invoice.issuer = issuer_snapshot(company)
    invoice.status = "issued"
    if invoice.id is None:
        invoice.id = new_id()
    mark_substituted(session, company.id, invoice)
    verifactu.record_issue(
        session, settings, company, invoice, new=new, installation_id=installation_id
    )
    return invoice


def issue(
    session: Session,
    settings: Settings,
    company: Company,
    invoice: Invoice,
    today: date,
    installation_id: str | None = None,
) -> Invoice:
    """Check, number and chain in one transaction (the caller's)."""
    issued_on = check_issue(session, company, invoice, today, refresh_client=True)
    return number_and_chain(
        session, settings, company, invoice, issued_on, installation_id=installation_id
    )


def prepare_issue(session: Session, company: Company, ref: str, today: date) -> Invoice:
    """Read phase of issuing a stored draft: load it and run every check, holding no lock."""
    invoice = get(session, company.id, ref)
    invoice.issued_on = check_issue(session, company, invoice, today, refresh_client=True)
    return invoice


def issue_prepared(
    session: Session,
    settings: Settings,
    company: Company,
    prepared: Invoice,
    today: date,
    installation_id: str | None = None,
) -> Invoice:
    """Write phase: lock the draft; if it changed since it was checked, check it again here.
    Its records chain in the installation `installation_id` (None: the default one)."""
    verifactu.lock_chain(session, company.id, installation_id)
    invoice = get(session, company.id, prepared.id, for_update=True)
    ensure_draft(invoice)
    if invoice.updated_at != prepared.updated_at:
        issue(session, settings, company, invoice, today, installation_id)
    else:
        invoice.client = prepared.client
        assert prepared.issued_on is not None
        number_and_chain(
            session,
            settings,
            company,
            invoice,
            prepared.issued_on,
            installation_id=installation_id,
        )
    flush(session)
    announce(session, invoice, "invoice.issued", today)
    return invoice

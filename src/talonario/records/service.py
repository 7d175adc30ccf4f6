"""From an invoice to its VERI*FACTU records, inside the transaction that changes the invoice."""

from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from talonario.config import Settings
from talonario.db.rows import stage_new
from talonario.db.txmemo import remembered
from talonario.errors import Conflict
from talonario.events.service import signing_credentials
from talonario.kit.clock import utcnow
from talonario.kit.money import decimal_or_none
from talonario.models import Company, Invoice, VerifactuRecord
from talonario.records import chain, mode
from talonario.records.repository import RecordRepository
from talonario.system import identity
from talonario.taxes.totals import BreakdownRow, TaxType
from talonario.verifactu.codes import IdType, InvoiceType, PreviousRejection, RectificationType
from talonario.verifactu.records import (
    CancellationRecord,
    ForeignId,
    InvoiceId,
    Party,
    RectifiedAmounts,
    RegistrationRecord,
    breakdown_line,
)

CORRECTABLE = ("rejected", "accepted_with_errors")


class NothingToCorrect(Conflict):
    code = "nothing_to_correct"


def signer(session: Session, settings: Settings, company: Company) -> chain.Signer | None:
    """The company's signing key and chain when it is in NO VERI*FACTU (None in VERI*FACTU),
    opened once per transaction (a batch signs its records with one decrypted PKCS#12). The
    mode is the one stored now, read under the chain head's lock (records/mode.py).
    Without a certificate: 422 `certificate_required` (events.service.CertificateRequired)."""
    if mode.current_mode(session, settings, company) != mode.NO_VERIFACTU:
        return None

    def open_key() -> chain.Signer:
        return chain.Signer(*signing_credentials(session, settings, company.id))

    return remembered(session, ("record_signer", company.id), open_key)


RECTIFICATION_OF_METHOD = {
    "substitution": RectificationType.SUBSTITUTION,
    "differences": RectificationType.DIFFERENCES,
}


def generation_time(company: Company) -> datetime:
    """Now, in the issuer's territory (Madrid or Canary offset), to the second as AEAT hashes it."""
    return utcnow().astimezone(ZoneInfo(company.timezone)).replace(microsecond=0)


def _breakdown(rows: list[dict[str, Any]]) -> tuple[Any, ...]:
    return tuple(
        breakdown_line(
            BreakdownRow(
                tax_type=TaxType(row["tax_type"]),
                regime=row["regime"],
                operation=row["operation"],
                rate=decimal_or_none(row.get("rate")),
                base=Decimal(row["base"]),
                tax_amount=decimal_or_none(row.get("tax_amount")),
                surcharge_rate=decimal_or_none(row.get("surcharge_rate")),
                surcharge_amount=decimal_or_none(row.get("surcharge_amount")),
            )
        )
        for row in rows
    )


def recipient(snapshot: dict[str, Any]) -> Party:
    foreign = snapshot.get("foreign_id")
    if foreign:
        return Party(
            snapshot["name"],
            foreign_id=ForeignId(IdType(foreign["id_type"]), foreign["id"], foreign.get("country")),
        )
    return Party(snapshot["name"], nif=snapshot["nif"])


def describe(invoice: Invoice) -> str:
    """DescripcionOperacion (1–500 characters): a gateway record's own, or the lines'
    descriptions."""
    text = invoice.description or "; ".join(line["description"] for line in invoice.lines)
    text = text or "Factura"
    return text if len(text) <= 500 else text[:497] + "..."


def _invoice_ids(nif: str, refs: list[dict[str, Any]] | None) -> tuple[InvoiceId, ...]:
    return tuple(
        InvoiceId(nif, ref["number"], date.fromisoformat(str(ref["issued_on"])))
        for ref in refs or ()
    )


def _rectification(
    invoice: Invoice, nif: str
) -> tuple[RectificationType | None, tuple[InvoiceId, ...], RectifiedAmounts | None]:
    corrective = invoice.corrective
    if not corrective:
        return None, (), None
    method = RECTIFICATION_OF_METHOD[corrective["method"]]
    amounts = None
    stored = corrective.get("rectified_amounts")
    if method is RectificationType.SUBSTITUTION and stored:
        amounts = RectifiedAmounts(
            base=Decimal(stored["base"]),
            quota=Decimal(stored["quota"]),
            surcharge_quota=decimal_or_none(stored.get("surcharge_quota")),
        )
    return method, _invoice_ids(nif, corrective.get("rectified_invoices")), amounts


def registration_record(
    settings: Settings, company: Company, invoice: Invoice, head: chain.Tip, now: datetime
) -> RegistrationRecord:
    """The alta of `invoice`, linked to `head`: the last link of the chain it joins (the
    company head for the default installation, else the installation's)."""
    assert invoice.number and invoice.issued_on and invoice.issuer
    identified = bool(
        invoice.client and (invoice.client.get("nif") or invoice.client.get("foreign_id"))
    )
    record_type = invoice.type
    # A simplified invoice that names its recipient (RD 1619/2012 art. 7.2/7.3) is recorded as
    # an F1 flagged FacturaSimplificadaArt7273 (spec §7.7).
    art_7273 = invoice.type == "F2" and identified
    if art_7273:
        record_type = "F1"
    recipients: tuple[Party, ...] = ()
    if InvoiceType(record_type).names_recipient and invoice.client:
        # A gateway record may name several recipients; an invoice of ours names its client.
        recipients = tuple(recipient(party) for party in invoice.recipients or [invoice.client])
    operation_date = invoice.operation_date
    if operation_date == invoice.issued_on:
        operation_date = None
    external = (
        invoice.external_id if invoice.external_id and len(invoice.external_id) <= 60 else None
    )
    method, rectified, amounts = _rectification(invoice, company.nif)
    return RegistrationRecord(
        invoice=InvoiceId(company.nif, invoice.number, invoice.issued_on),
        external_ref=external,
        issuer_name=invoice.issuer["legal_name"],
        invoice_type=InvoiceType(record_type),
        rectification_type=method,
        rectified_invoices=rectified,
        substituted_invoices=_invoice_ids(company.nif, invoice.substitutes),
        rectified_amounts=amounts,
        operation_date=operation_date,
        description=describe(invoice),
        simplified_art_7273=art_7273,
        recipients=recipients,
        breakdown=_breakdown(invoice.tax_breakdown),
        total_tax=invoice.taxes_total + invoice.surcharge_total,
        # ImporteTotal: bases + quotas + surcharge; IRPF withholding is never subtracted.
        total_amount=invoice.subtotal + invoice.taxes_total + invoice.surcharge_total,
        previous=chain.previous_link(head),
        system=_system(settings, company, head),
        generated_at=now,
    )


def _system(settings: Settings, company: Company, tip: chain.Tip) -> Any:
    number = chain.installation_number(tip)
    return identity.software_system(settings, number, company.verifactu_environment)


def show_latest(invoice: Invoice, row: VerifactuRecord) -> None:
    """The invoice carries a copy of its latest record, so reading it needs no join. A new
    record has no AEAT answer yet; an anulación has no QR, so the alta's stays."""
    invoice.verifactu_record_id = row.id
    invoice.verifactu_status = row.status
    invoice.verifactu_huella = row.huella
    invoice.verifactu_generated_at = row.generated_at
    invoice.verifactu_csv = None
    invoice.verifactu_code = None
    invoice.verifactu_description = None
    if row.qr_url is not None:
        invoice.qr_url = row.qr_url


def lock_chain(session: Session, company_id: str, installation_id: str | None = None) -> None:
    """Lock the company's chain head now, as the first lock of a transaction that will chain
    records. Issuing also locks a series row, and group commit issues in several series in one
    transaction: if a series could be locked first, one worker's batch would hold series S
    while waiting for the head, another's would hold the head while waiting for S, and
    PostgreSQL would abort one of them. With the head always first, the second simply waits.
    An installation other than the default is locked right after the head."""
    chain.lock_head(session, company_id)
    if installation_id is not None:
        chain.lock_installation(session, company_id, installation_id)


def chain_of(
    session: Session, company_id: str, installation_id: str | None
) -> tuple[chain.Head, chain.InstallationHead | None]:
    """The locked company head and, for another installation than the default, its link."""
    head = chain.lock_head(session, company_id)
    if installation_id is None:
        return head, None
    return head, chain.lock_installation(session, company_id, installation_id)


def record_issue(
    session: Session,
    settings: Settings,
    company: Company,
    invoice: Invoice,
    *,
    new: bool,
    installation_id: str | None = None,
) -> VerifactuRecord:
    """Append the alta record of a just-numbered invoice to the chain of its installation
    (None: the company's default one).

    A `new` invoice is inserted here, between sealing the record and storing it: the record
    refers to the invoice row, and the invoice row carries the record's huella and QR.
    """
    head, installation = chain_of(session, company.id, installation_id)
    tip = installation or head
    record = registration_record(settings, company, invoice, tip, generation_time(company))
    link = chain.seal_next(
        head,
        record,
        invoice.id,
        company.verifactu_environment,
        installation,
        signer(session, settings, company),
    )
    row = link.row
    show_latest(invoice, row)
    if new:
        stage_new(session, invoice)
    return chain.store(session, head, link, installation)


def record_void(
    session: Session, settings: Settings, company: Company, invoice: Invoice, alta_rejected: bool
) -> VerifactuRecord:
    """Append the anulación record of an issued invoice (spec §5.1).

    `alta_rejected`: AEAT never stored the alta, so the anulación says SinRegistroPrevio=S.
    An alta still waiting to be sent goes out first (records leave in chain order), so by the
    time the anulación arrives AEAT holds it. It joins the chain of the installation the
    invoice's records are in.
    """
    assert invoice.number and invoice.issued_on
    head, installation = chain_of(session, company.id, _installation_of(session, company, invoice))
    tip = installation or head
    external = (
        invoice.external_id if invoice.external_id and len(invoice.external_id) <= 60 else None
    )
    record = CancellationRecord(
        invoice=InvoiceId(company.nif, invoice.number, invoice.issued_on),
        external_ref=external,
        no_prior_record=alta_rejected,
        previous=chain.previous_link(tip),
        system=_system(settings, company, tip),
        generated_at=generation_time(company),
    )
    environment = company.verifactu_environment
    sign = signer(session, settings, company)
    row = chain.append(session, head, record, invoice.id, environment, installation, sign)
    show_latest(invoice, row)
    return row


def _installation_of(session: Session, company: Company, invoice: Invoice) -> str | None:
    """The installation whose chain holds the invoice's records (its latest one's)."""
    if invoice.verifactu_record_id is None:
        return None
    return RecordRepository(session, company.id).installation_of(invoice.verifactu_record_id)


def record_correction(
    session: Session, settings: Settings, company: Company, invoice: Invoice
) -> VerifactuRecord:
    """An alta de subsanación (spec §5.1) of an invoice whose latest alta AEAT rejected or
    accepted with errors: the same invoice identity, Subsanacion=S, chained like any record,
    in the chain of the installation that holds the invoice's alta.

    RechazoPrevio: X when AEAT holds nothing for the invoice (its altas were all rejected),
    S when a correction of an invoice AEAT holds was rejected, absent otherwise.
    """
    records = RecordRepository(session, company.id)
    latest = records.get(invoice.verifactu_record_id) if invoice.verifactu_record_id else None
    if latest is None or latest.kind != "alta" or latest.status not in CORRECTABLE:
        raise NothingToCorrect(
            "Only an alta AEAT rejected or accepted with errors can be corrected; this"
            f" invoice's record is {latest.status if latest else 'missing'}.",
        )
    stored = records.stored_altas(invoice.id)
    rejection = None
    if latest.status == "rejected":
        rejection = PreviousRejection.REJECTED if stored else PreviousRejection.NOT_AT_AEAT
    head, installation = chain_of(session, company.id, latest.installation_id)
    tip = installation or head
    record = replace(
        registration_record(settings, company, invoice, tip, generation_time(company)),
        correction=True,
        previous_rejection=rejection,
    )
    environment = company.verifactu_environment
    sign = signer(session, settings, company)
    row = chain.append(session, head, record, invoice.id, environment, installation, sign)
    show_latest(invoice, row)
    return row

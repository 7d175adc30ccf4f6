"""The event log of a company in NO VERI*FACTU (Orden HAC/1177/2024 art. 9): the only code
that appends to it.

A company's events form their own chain (HuellaEvento, AEAT hash document), appended under a
lock of the company's event head row, as records/chain.py appends billing records under the
record head's: one at a time, in the transaction of what caused them. Each event is signed
(XAdES enveloped, `ds:Signature` mandatory in EventosSIF.xsd) with the company's certificate.

Only NO VERI*FACTU needs the log (Orden art. 3 excludes art. 9 for VERI*FACTU): `log_event`
writes the start and end of NO VERI*FACTU (01/02) always, and any other event only while the
company is in NO VERI*FACTU; otherwise it answers None.
"""

import hashlib
import threading
from collections import OrderedDict
from dataclasses import replace
from datetime import datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.hazmat.primitives.serialization import pkcs12
from lxml import etree
from sqlalchemy.orm import Session

from talonario.errors import InvalidRequest
from talonario.events.repository import NO_VERIFACTU, EventRepository, certificate_of
from talonario.kit import secrets
from talonario.kit.clock import utcnow
from talonario.models import Company, VerifactuEvent
from talonario.system.identity import software_system
from talonario.verifactu import events as ev
from talonario.verifactu.events import Details, Event, EventRef, EventType, RecordRef
from talonario.verifactu.formats import timestamp
from talonario.verifactu.records import InvoiceId, Party

SUMMARY_EVERY_SECONDS = 6 * 3600  # Orden art. 9: at least every 6 hours of operation
ALWAYS = frozenset({EventType.NO_VERIFACTU_START, EventType.NO_VERIFACTU_END})
CREDENTIALS_CACHED = 128  # companies whose opened certificate the process keeps
Credentials = tuple[PrivateKeyTypes, list[x509.Certificate]]  # the key, its chain (signer first)


class CertificateRequired(InvalidRequest):
    """A NO VERI*FACTU event (like a record) must be signed: the company needs a certificate."""

    code = "certificate_required"


def needs_event_log(company: Company) -> bool:
    return company.verifactu_mode == NO_VERIFACTU


def log_event(
    session: Session,
    settings: Any,
    company: Company,
    kind: EventType | str,
    *,
    details: Details | None = None,
    other: str | None = None,
    note: str | None = None,
    now: datetime | None = None,
) -> VerifactuEvent | None:
    """Append one signed event of TipoEvento `kind` (L2E) to the company's event chain, in
    `session`'s transaction (never committed here); None when the company keeps no event log
    (VERI*FACTU, and `kind` is not 01/02). `details` is its DatosPropiosEvento, `other` its
    OtrosDatosEvento (100 characters), `note` what the API shows of it. Raises
    CertificateRequired when the company has no certificate to sign with."""
    kind = EventType(kind)
    if kind not in ALWAYS and not needs_event_log(company):
        return None
    key, chain = signing_credentials(session, settings, company.id)
    now = now or utcnow()
    events = EventRepository(session, company.id)
    head = events.lock_head(now)
    previous = None
    if head.last_huella is not None:
        assert head.last_event_type is not None and head.last_generated_at_text is not None
        previous = EventRef(
            EventType(head.last_event_type),
            datetime.fromisoformat(head.last_generated_at_text),
            head.last_huella,
        )
    system = software_system(settings, company.id, company.verifactu_environment)
    event = ev.seal(
        Event(
            # A system that keeps an event log can run NO VERI*FACTU.
            system=replace(system, only_verifactu=False),
            taxpayer=Party(company.legal_name, nif=company.nif),
            generated_at=now.astimezone(ZoneInfo(company.timezone)).replace(microsecond=0),
            event_type=kind,
            details=details,
            other=other,
            previous=previous,
        )
    )
    xml = ev.sign_event(ev.event_document(event), key, chain)
    generated = timestamp(event.generated_at)
    head.last_sequence += 1
    head.last_huella = event.huella
    head.last_event_type = kind.value
    head.last_generated_at_text = generated
    row = VerifactuEvent(
        company_id=company.id,
        sequence=head.last_sequence,
        event_type=kind.value,
        generated_at=now,
        generated_at_text=generated,
        huella=event.huella,
        previous_huella=None if previous is None else previous.huella,
        summary=None if note is None else note[:200],
        xml=xml.decode(),
    )
    events.add(row)
    session.flush()
    return row


def signing_credentials(session: Session, settings: Any, company_id: str) -> Credentials:
    """The company's private key and certificate chain (signer first), from its upload.

    Opening the PKCS#12 (two decryptions and a PKCS#12 parse, 5-20 ms) is done once per
    certificate, not in every transaction that signs: the opened key and chain are kept in
    this process (`CREDENTIALS`) with a digest of what they were opened from (the stored,
    encrypted certificate and password, which every upload encrypts anew with a fresh nonce,
    and the secret key's id). The row is still read each time and its digest compared, so a
    replaced or removed certificate takes effect at the next signature."""
    row = certificate_of(session, company_id)
    if row is None or row.certificate_p12 is None or row.certificate_password is None:
        CREDENTIALS.forget(company_id)  # removed: its key is not kept either
        raise CertificateRequired(
            "NO VERI*FACTU signs every record and event: upload the company's certificate first.",
            param="certificate",
        )
    version = hashlib.sha256(
        secrets.key_id(settings) + bytes(row.certificate_p12) + bytes(row.certificate_password)
    ).digest()
    found = CREDENTIALS.get(company_id, version)
    if found is not None:
        return found[0], list(found[1])  # the caller's own list
    # The encryption contexts of companies/certificate.py (records.credentials.secret_context).
    p12 = secrets.decrypt(
        settings, row.certificate_p12, context=f"company/{company_id}/certificate_p12".encode()
    )
    password = secrets.decrypt(
        settings,
        row.certificate_password,
        context=f"company/{company_id}/certificate_password".encode(),
    ).decode()
    key, certificate, extra = pkcs12.load_key_and_certificates(p12, password.encode())
    if key is None or certificate is None:
        raise CertificateRequired("The company's certificate holds no private key.")
    CREDENTIALS.put(company_id, version, (key, [certificate, *extra]))
    return key, [certificate, *extra]


class CredentialCache:
    """Opened PKCS#12s: one entry per company (its certificate's `version`; another version
    replaces it), at most `size` companies, the least recently used dropped first. Shared by
    the threads of the process; the key objects are immutable and sign from any thread."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._entries: OrderedDict[str, tuple[bytes, Credentials]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, company_id: str, version: bytes) -> Credentials | None:
        with self._lock:
            entry = self._entries.get(company_id)
            if entry is None or entry[0] != version:
                return None
            self._entries.move_to_end(company_id)
            return entry[1]

    def put(self, company_id: str, version: bytes, credentials: Credentials) -> None:
        with self._lock:
            self._entries[company_id] = (version, credentials)
            self._entries.move_to_end(company_id)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def forget(self, company_id: str) -> None:
        with self._lock:
            self._entries.pop(company_id, None)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, company_id: object) -> bool:
        return company_id in self._entries

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


CREDENTIALS = CredentialCache(CREDENTIALS_CACHED)


def backup_restored(
    session: Session, settings: Any, company: Company, note: str | None = None
) -> VerifactuEvent | None:
    """Event 07: a backup of the company's data was restored (run after the restore)."""
    return log_event(
        session,
        settings,
        company,
        EventType.BACKUP_RESTORED,
        other=None if note is None else note[:100],
        note=note or "backup restored",
    )


def summarize(
    session: Session,
    settings: Any,
    company: Company,
    now: datetime | None = None,
    *,
    due_before: datetime | None = None,
) -> VerifactuEvent | None:
    """Event 10 (ResumenEventos) for the period since the last summary (or the first event):
    events per type, the first and last billing record, altas and anulaciones generated and
    the sums of the altas' CuotaTotal and ImporteTotal. A new period starts with it. With
    `due_before`, only when the running period began by then (read again under the lock)."""
    if not needs_event_log(company):
        return None
    now = now or utcnow()
    events = EventRepository(session, company.id)
    head = events.lock_head(now)
    if due_before is not None and head.period_started_at > due_before:
        return None
    counts = [(EventType(t), n) for t, n in events.counts_since(head.period_event_sequence)]
    tally = _tally(events, company.nif, head.period_record_sequence)
    summary = ev.Summary(
        tuple(counts[:20]) or ((EventType.SUMMARY, 0),),
        tally.first,
        tally.last,
        tally.altas,
        tally.cuota,
        tally.importe,
        tally.anulaciones,
    )
    row = log_event(
        session,
        settings,
        company,
        EventType.SUMMARY,
        details=summary,
        now=now,
        note=f"{sum(n for _, n in counts)} events, {tally.altas} altas,"
        f" {tally.anulaciones} anulaciones",
    )
    head.period_started_at = now
    head.period_event_sequence = head.last_sequence
    head.period_record_sequence = tally.last_sequence
    return row


class _Tally:
    def __init__(self, last_sequence: int) -> None:
        self.first: RecordRef | None = None
        self.last: RecordRef | None = None
        self.altas = 0
        self.anulaciones = 0
        self.cuota = Decimal("0.00")
        self.importe = Decimal("0.00")
        self.last_sequence = last_sequence


def _tally(events: EventRepository, nif: str, after: int) -> _Tally:
    tally = _Tally(after)
    for row in events.records_since(after):
        ref = RecordRef(InvoiceId(nif, row.invoice_number, row.invoice_issue_date), row.huella)
        tally.first = tally.first or ref
        tally.last = ref
        tally.last_sequence = row.sequence
        if row.kind == "anulacion":
            tally.anulaciones += 1
            continue
        tally.altas += 1
        root = etree.fromstring(row.xml.encode(), etree.XMLParser(resolve_entities=False))
        tally.cuota += Decimal(root.findtext("{*}CuotaTotal") or "0")
        tally.importe += Decimal(root.findtext("{*}ImporteTotal") or "0")
    return tally


def records_exported(
    session: Session,
    settings: Any,
    company: Company,
    details: ev.RecordsExported,
    note: str | None = None,
) -> VerifactuEvent | None:
    """Event 08: the billing records of a period were exported (`details`: the period, its
    first and last record with their huellas, altas with the sums of CuotaTotal/ImporteTotal,
    anulaciones)."""
    return log_event(
        session, settings, company, EventType.RECORDS_EXPORTED, details=details, note=note
    )


def events_exported(
    session: Session,
    settings: Any,
    company: Company,
    details: ev.EventsExported,
    note: str | None = None,
) -> VerifactuEvent | None:
    """Event 09: the events of a period were exported."""
    return log_event(
        session, settings, company, EventType.EVENTS_EXPORTED, details=details, note=note
    )

"""The event log of a NO VERI*FACTU system (Orden HAC/1177/2024 art. 9): `RegistroEvento`.

Pure: the value, its `HuellaEvento` and its XML (schema `EventosSIF.xsd`). The events of a
taxpayer form their own hash chain; each event's huella is the SHA-256 of 9 fields of its XML
(AEAT hash document, "Evento"), linked through `Encadenamiento/EventoAnterior`. The XML written
here is unsigned: `ds:Signature` (mandatory) is appended by the signing step as the last child
of `Evento`, the node the signature covers.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from lxml import etree

from talonario.verifactu import formats
from talonario.verifactu.hashing import canonical_text, digest
from talonario.verifactu.records import InvoiceId, Party, SoftwareSystem
from talonario.verifactu.signing import (
    SignatureInvalid,
    VerifiedSignature,
    sign_enveloped,
    verify_enveloped,
)

# The SistemaInformatico block is the records' own (same sf: elements in EventosSIF.xsd).
from talonario.verifactu.xml import _leaf, _system, _text, _yes_no

NAMESPACE = (
    "https://www2.agenciatributaria.gob.es/static_files/common/internet/dep/aplicaciones/es/"
    "aeat/tike/cont/ws/EventosSIF.xsd"
)
VERSION = "1.0"  # IDVersion (VersionType)
SHA256 = "01"  # TipoHuella (L12)


class EventType(StrEnum):
    """TipoEvento, list L2E."""

    NO_VERIFACTU_START = "01"
    NO_VERIFACTU_END = "02"
    RECORDS_AUDIT_LAUNCHED = "03"
    RECORDS_ANOMALY = "04"
    EVENTS_AUDIT_LAUNCHED = "05"
    EVENTS_ANOMALY = "06"
    BACKUP_RESTORED = "07"
    RECORDS_EXPORTED = "08"
    EVENTS_EXPORTED = "09"
    SUMMARY = "10"
    OTHER = "90"


class AnomalyType(StrEnum):
    """TipoAnomalia (the values used here; the schema lists 01-15 and 90)."""

    HUELLA = "01"  # integridad-huella
    SIGNATURE = "02"  # integridad-firma
    INTEGRITY_OTHER = "03"
    PREVIOUS_MISSING = "04"  # not the first, but its previous record is missing
    CHAIN_OTHER = "06"
    PREVIOUS_HUELLA = "08"  # its 'huella del registro anterior' is not the previous huella
    DATE_BEFORE_PREVIOUS = "11"
    OTHER = "90"


@dataclass(frozen=True, slots=True)
class EventRef:
    """An event by its type, generation time and huella (RegEventoType / RegEventoAntType)."""

    event_type: EventType
    generated_at: datetime
    huella: str


@dataclass(frozen=True, slots=True)
class RecordRef:
    """A billing record by its invoice and huella (IDFacturaExpedidaHuellaType)."""

    invoice: InvoiceId
    huella: str


@dataclass(frozen=True, slots=True)
class AuditLaunched:
    """Lanzamiento...DeteccionAnomalias (events 03/05): how many were checked for what."""

    on_events: bool
    checked: int  # every one is checked for huella, signature, chain and dates


@dataclass(frozen=True, slots=True)
class Anomaly:
    """DeteccionAnomalias (events 04/06): the first record or event that breaks."""

    on_events: bool  # 06 (events) or 04 (billing records)
    anomaly_type: AnomalyType
    detail: str | None = None  # OtrosDatosAnomalia (100 characters at most)
    record: InvoiceId | None = None  # RegistroFacturacionAnomalo
    event: EventRef | None = None  # RegEventoAnomalo


@dataclass(frozen=True, slots=True)
class RecordsExported:
    """ExportacionRegFacturacionPeriodo (event 08)."""

    start: datetime
    end: datetime
    first: RecordRef
    last: RecordRef
    altas: int
    total_tax: Decimal  # SumaCuotaTotalAlta
    total_amount: Decimal  # SumaImporteTotalAlta
    anulaciones: int
    discarded: bool = False  # RegistrosFacturacionExportadosDejanDeConservarse


@dataclass(frozen=True, slots=True)
class EventsExported:
    """ExportacionRegEventoPeriodo (event 09)."""

    start: datetime
    end: datetime
    first: EventRef
    last: EventRef
    count: int
    discarded: bool = False


@dataclass(frozen=True, slots=True)
class Summary:
    """ResumenEventos (event 10): the period since the previous summary."""

    counts: tuple[tuple[EventType, int], ...]  # events per type (at least one type)
    first: RecordRef | None
    last: RecordRef | None
    altas: int
    total_tax: Decimal
    total_amount: Decimal
    anulaciones: int


Details = AuditLaunched | Anomaly | RecordsExported | EventsExported | Summary


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """RegistroEvento/Evento."""

    system: SoftwareSystem  # SistemaInformatico
    taxpayer: Party  # ObligadoEmision (NombreRazon + NIF)
    generated_at: datetime  # FechaHoraHusoGenEvento (the issuing territory's offset)
    event_type: EventType
    details: Details | None = None  # DatosPropiosEvento
    other: str | None = None  # OtrosDatosEvento (100 characters at most)
    previous: EventRef | None = None  # None: PrimerEvento=S
    huella: str = ""  # HuellaEvento

    def __post_init__(self) -> None:
        if self.taxpayer.nif is None:
            raise ValueError("ObligadoEmision needs a Spanish NIF")
        if self.other is not None and len(self.other) > 100:
            raise ValueError("OtrosDatosEvento takes 100 characters at most")

    def as_previous(self) -> EventRef:
        return EventRef(self.event_type, self.generated_at, self.huella)


def hash_fields(event: Event) -> tuple[tuple[str, str], ...]:
    """The 9 (name, value) pairs of the event's hash input, valued as in its XML."""
    producer = event.system.producer
    return (
        ("NIF", producer.nif or ""),
        ("ID", "" if producer.foreign_id is None else producer.foreign_id.identifier),
        ("IdSistemaInformatico", event.system.system_id),
        ("Version", event.system.version),
        ("NumeroInstalacion", event.system.installation_number),
        ("NIF", event.taxpayer.nif or ""),
        ("TipoEvento", event.event_type.value),
        ("HuellaEvento", "" if event.previous is None else event.previous.huella),
        ("FechaHoraHusoGenEvento", formats.timestamp(event.generated_at)),
    )


def compute_huella(event: Event) -> str:
    return digest(canonical_text(hash_fields(event)))


def seal(event: Event) -> Event:
    """A copy of `event` carrying its HuellaEvento."""
    return replace(event, huella=compute_huella(event))


def event_document(event: Event) -> bytes:
    """The unsigned `RegistroEvento` document (without `ds:Signature`, which signing adds)."""
    if not event.huella:
        raise ValueError("seal the event before writing it")
    parts = [
        f'<sf:RegistroEvento xmlns:sf="{NAMESPACE}">\n',
        _leaf("IDVersion", VERSION),
        "<sf:Evento>\n",
        _system(event.system),
        "<sf:ObligadoEmision>\n",
        _leaf("NombreRazon", _text(event.taxpayer.name)),
        _leaf("NIF", _text(event.taxpayer.nif or "")),
        "</sf:ObligadoEmision>\n",
        _leaf("FechaHoraHusoGenEvento", formats.timestamp(event.generated_at)),
        _leaf("TipoEvento", event.event_type.value),
    ]
    if event.details is not None:
        parts += [
            "<sf:DatosPropiosEvento>\n",
            _details(event.details),
            "</sf:DatosPropiosEvento>\n",
        ]
    if event.other is not None:
        parts.append(_leaf("OtrosDatosEvento", _text(event.other)))
    parts.append("<sf:Encadenamiento>\n")
    if event.previous is None:
        parts.append(_leaf("PrimerEvento", "S"))
    else:
        parts += ["<sf:EventoAnterior>\n", _ref(event.previous, "FechaHoraHusoGenEvento")]
        parts.append("</sf:EventoAnterior>\n")
    parts.append("</sf:Encadenamiento>\n")
    parts += [_leaf("TipoHuella", SHA256), _leaf("HuellaEvento", event.huella)]
    parts.append("</sf:Evento>\n</sf:RegistroEvento>\n")
    return "".join(parts).encode()


def _ref(ref: EventRef, time_tag: str) -> str:
    return (
        _leaf("TipoEvento", ref.event_type.value)
        + _leaf(time_tag, formats.timestamp(ref.generated_at))
        + _leaf("HuellaEvento", _text(ref.huella))
    )


def _invoice(invoice: InvoiceId) -> str:
    return (
        _leaf("IDEmisorFactura", _text(invoice.issuer_nif))
        + _leaf("NumSerieFactura", _text(invoice.number))
        + _leaf("FechaExpedicionFactura", formats.day(invoice.issue_date))
    )


def _record_ref(tag: str, ref: RecordRef) -> str:
    return f"<sf:{tag}>\n{_invoice(ref.invoice)}{_leaf('Huella', _text(ref.huella))}</sf:{tag}>\n"


def _wrap(tag: str, body: Iterable[str]) -> str:
    return f"<sf:{tag}>\n" + "".join(body) + f"</sf:{tag}>\n"


def _launched(d: AuditLaunched) -> str:
    what, digits = ("RegEvento", "Evento") if d.on_events else ("RegFacturacion", "Facturacion")
    count = str(d.checked)
    body = []
    for process in (
        "IntegridadHuellas",
        "IntegridadFirmas",
        "TrazabilidadCadena",
        "TrazabilidadFechas",
    ):
        body.append(_leaf(f"RealizadoProcesoSobre{process}{what}", "S"))
        body.append(_leaf(f"NumeroDeRegistros{digits}ProcesadosSobre{process}", count))
    return _wrap(f"LanzamientoProcesoDeteccionAnomalias{what}", body)


def _anomaly(d: Anomaly, on_events: bool) -> str:
    body = [_leaf("TipoAnomalia", d.anomaly_type.value)]
    if d.detail is not None:
        body.append(_leaf("OtrosDatosAnomalia", _text(d.detail[:100])))
    if on_events and d.event is not None:
        body.append(_wrap("RegEventoAnomalo", [_ref(d.event, "FechaHoraHusoEvento")]))
    if not on_events and d.record is not None:
        body.append(_wrap("RegistroFacturacionAnomalo", [_invoice(d.record)]))
    tag = "DeteccionAnomaliasRegEvento" if on_events else "DeteccionAnomaliasRegFacturacion"
    return _wrap(tag, body)


def _details(d: Details) -> str:
    if isinstance(d, AuditLaunched):
        return _launched(d)
    if isinstance(d, Anomaly):
        return _anomaly(d, d.on_events)
    if isinstance(d, RecordsExported):
        return _wrap(
            "ExportacionRegFacturacionPeriodo",
            [
                _leaf("FechaHoraHusoInicioPeriodoExport", formats.timestamp(d.start)),
                _leaf("FechaHoraHusoFinPeriodoExport", formats.timestamp(d.end)),
                _record_ref("RegistroFacturacionInicialPeriodo", d.first),
                _record_ref("RegistroFacturacionFinalPeriodo", d.last),
                _leaf("NumeroDeRegistrosFacturacionAltaExportados", str(d.altas)),
                _leaf("SumaCuotaTotalAlta", formats.amount(d.total_tax)),
                _leaf("SumaImporteTotalAlta", formats.amount(d.total_amount)),
                _leaf("NumeroDeRegistrosFacturacionAnulacionExportados", str(d.anulaciones)),
                _leaf("RegistrosFacturacionExportadosDejanDeConservarse", _yes_no(d.discarded)),
            ],
        )
    if isinstance(d, EventsExported):
        return _wrap(
            "ExportacionRegEventoPeriodo",
            [
                _leaf("FechaHoraHusoInicioPeriodoExport", formats.timestamp(d.start)),
                _leaf("FechaHoraHusoFinPeriodoExport", formats.timestamp(d.end)),
                _wrap("RegistroEventoInicialPeriodo", [_ref(d.first, "FechaHoraHusoEvento")]),
                _wrap("RegistroEventoFinalPeriodo", [_ref(d.last, "FechaHoraHusoEvento")]),
                _leaf("NumeroDeRegEventoExportados", str(d.count)),
                _leaf("RegEventoExportadosDejanDeConservarse", _yes_no(d.discarded)),
            ],
        )
    body = [
        _wrap("TipoEvento", [_leaf("TipoEvento", kind.value), _leaf("NumeroDeEventos", str(n))])
        for kind, n in d.counts[:20]
    ]
    if d.first is not None and d.last is not None:
        body.append(_record_ref("RegistroFacturacionInicialPeriodo", d.first))
        body.append(_record_ref("RegistroFacturacionFinalPeriodo", d.last))
    body += [
        _leaf("NumeroDeRegistrosFacturacionAltaGenerados", str(d.altas)),
        _leaf("SumaCuotaTotalAlta", formats.amount(d.total_tax)),
        _leaf("SumaImporteTotalAlta", formats.amount(d.total_amount)),
        _leaf("NumeroDeRegistrosFacturacionAnulacionGenerados", str(d.anulaciones)),
    ]
    return _wrap("ResumenEventos", body)


_HASHED = (
    ("NIF", "{*}Evento/{*}SistemaInformatico/{*}NIF"),
    ("ID", "{*}Evento/{*}SistemaInformatico/{*}IDOtro/{*}ID"),
    ("IdSistemaInformatico", "{*}Evento/{*}SistemaInformatico/{*}IdSistemaInformatico"),
    ("Version", "{*}Evento/{*}SistemaInformatico/{*}Version"),
    ("NumeroInstalacion", "{*}Evento/{*}SistemaInformatico/{*}NumeroInstalacion"),
    ("NIF", "{*}Evento/{*}ObligadoEmision/{*}NIF"),
    ("TipoEvento", "{*}Evento/{*}TipoEvento"),
    ("HuellaEvento", "{*}Evento/{*}Encadenamiento/{*}EventoAnterior/{*}HuellaEvento"),
    ("FechaHoraHusoGenEvento", "{*}Evento/{*}FechaHoraHusoGenEvento"),
)


@dataclass(frozen=True, slots=True)
class ParsedEvent:
    """What an audit reads back from a stored event's XML."""

    computed: str  # the huella recomputed from the 9 fields
    written: str | None  # HuellaEvento
    previous: str | None  # EventoAnterior/HuellaEvento (None: PrimerEvento)
    generated_at: str | None  # FechaHoraHusoGenEvento, as written


def read_event(xml: bytes) -> ParsedEvent:
    """Recompute an event's huella from the fields inside its own XML."""
    root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
    values = []
    for name, path in _HASHED:
        node = root.find(path)
        values.append((name, None if node is None else node.text))
    written = root.find("{*}Evento/{*}HuellaEvento")
    return ParsedEvent(
        digest(canonical_text(values)),
        None if written is None else written.text,
        values[7][1] or None,
        values[8][1],
    )


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


def sign_event(
    document: bytes, key: PrivateKeyTypes, certificate_chain: Sequence[x509.Certificate]
) -> bytes:
    """The event signed: a XAdES enveloped signature over the whole `RegistroEvento`, placed
    where EventosSIF.xsd wants it, as `Evento`'s last child. The enveloped-signature transform
    leaves the Signature element out wherever it stands, so moving it there (with no text after
    it) leaves what was signed unchanged: xmlsec1 verifies the document as stored."""
    root = etree.fromstring(sign_enveloped(document, key, certificate_chain), _PARSER)
    signature = root[-1]
    signature.tail = None
    root.find("{*}Evento").append(signature)
    return etree.tostring(root, encoding="UTF-8", xml_declaration=False)


def verify_event(xml: bytes) -> VerifiedSignature:
    """Check a stored event's signature (SignatureInvalid when missing or not matching)."""
    try:
        root = etree.fromstring(xml, _PARSER)
    except etree.XMLSyntaxError as error:
        raise SignatureInvalid(f"not XML: {error}") from None
    evento = root.find("{*}Evento")
    signature = None if evento is None or len(evento) == 0 else evento[-1]
    if signature is None or etree.QName(signature).localname != "Signature":
        raise SignatureInvalid("the event has no ds:Signature")
    root.append(signature)
    return verify_enveloped(etree.tostring(root))

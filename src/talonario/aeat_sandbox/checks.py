"""What AEAT checks inside one record, without looking at what it already holds (pure).

Each check returns the AEAT code of the first problem or None. Rejections come before
admissible errors, as a record has one code in its answer line.
"""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from lxml import etree

from talonario.aeat_sandbox.codes import Code
from talonario.kit.taxid import spanish_nif
from talonario.verifactu.codes import InvoiceType
from talonario.verifactu.hashing import canonical_text, digest
from talonario.verifactu.xml import NS_SF, NS_SUM

_NS = {"sf": NS_SF, "sum": NS_SUM}
TOLERANCE = Decimal("10.00")  # AEAT VAL 16/17 and 1142: ±10 € before an amount is wrong
F2_LIMIT = Decimal("3000.00")  # AEAT 1150
# Regimes whose totals legitimately differ from the breakdown (AEAT VAL 16/17).
_TOTALS_EXEMPT_REGIMES = frozenset({"03", "05", "06", "08", "09"})
_NO_QUOTA_CHECK_TYPES = frozenset({"R2", "R3"})


@dataclass(frozen=True, slots=True)
class Link:
    """Encadenamiento/RegistroAnterior, as text."""

    issuer_nif: str
    number: str
    issue_date: str  # dd-mm-yyyy
    huella: str


@dataclass(frozen=True, slots=True)
class Incoming:
    """One RegistroFactura of a submission, with the values the checks and the answer need."""

    position: int
    element: etree._Element  # sf:RegistroAlta or sf:RegistroAnulacion
    operation: str  # Alta | Anulacion (L22)
    issuer_nif: str
    number: str
    issue_date_text: str
    issue_date: date
    external_ref: str | None
    correction: str | None  # Subsanacion as sent
    previous_rejection: str | None  # RechazoPrevio as sent
    no_prior_record: str | None  # SinRegistroPrevio as sent
    previous: Link | None  # None: PrimerRegistro=S
    huella: str
    installation: str  # SistemaInformatico/NumeroInstalacion

    @property
    def is_alta(self) -> bool:
        return self.operation == "Alta"

    @property
    def xml(self) -> str:
        return etree.tostring(self.element, encoding="unicode")

    def value(self, path: str) -> str | None:
        text = self.element.findtext(path, namespaces=_NS)
        return None if text is None else text.strip()

    def recipient_nifs(self) -> list[str]:
        found = self.element.iterfind("sf:Destinatarios/sf:IDDestinatario/sf:NIF", _NS)
        return [(nif.text or "").strip() for nif in found]

    def period(self) -> tuple[int, int]:
        """PeriodoImputacion: FechaOperacion's year and month, else the issue date's."""
        operation = self.value("sf:FechaOperacion")
        day = parse_day(operation) if operation else self.issue_date
        return day.year, day.month


def read_records(document: etree._Element) -> list[Incoming]:
    """The records of a schema-valid submission, in order. ValueError on a date that does not
    exist (the schema only checks the dd-mm-yyyy shape)."""
    records = []
    for position, wrapper in enumerate(document.iterfind("sum:RegistroFactura", _NS)):
        element = wrapper[0]
        alta = element.tag == f"{{{NS_SF}}}RegistroAlta"
        suffix = "" if alta else "Anulada"
        ident = "sf:IDFactura/sf:"
        record = Incoming(
            position=position,
            element=element,
            operation="Alta" if alta else "Anulacion",
            issuer_nif=_text(element, f"{ident}IDEmisorFactura{suffix}"),
            number=_text(element, f"{ident}NumSerieFactura{suffix}"),
            issue_date_text=_text(element, f"{ident}FechaExpedicionFactura{suffix}"),
            issue_date=parse_day(_text(element, f"{ident}FechaExpedicionFactura{suffix}")),
            external_ref=_optional(element, "sf:RefExterna"),
            correction=_optional(element, "sf:Subsanacion"),
            previous_rejection=_optional(element, "sf:RechazoPrevio"),
            no_prior_record=_optional(element, "sf:SinRegistroPrevio"),
            previous=_link(element),
            huella=_text(element, "sf:Huella"),
            installation=_text(element, "sf:SistemaInformatico/sf:NumeroInstalacion"),
        )
        records.append(record)
    return records


def parse_day(text: str) -> date:
    return datetime.strptime(text, "%d-%m-%Y").date()


def valid_nif(value: str) -> bool:
    """A Spanish NIF/NIE/CIF with a right checksum, written as AEAT wants it (9, uppercase)."""
    try:
        return spanish_nif(value) == value
    except ValueError:
        return False


def rejection(record: Incoming, header_nif: str, today: date) -> int | None:
    """The first error that keeps the record out (Incorrecto), before looking at AEAT's state."""
    if record.issuer_nif != header_nif:
        return Code.ISSUER_NOT_HEADER
    if record.is_alta:
        if record.previous_rejection == "X" and record.correction != "S":
            return Code.X_WITHOUT_CORRECTION
        if record.previous_rejection == "S" and record.correction != "S":
            return Code.S_WITHOUT_CORRECTION
        if record.issue_date > today:
            return Code.FUTURE_ISSUE_DATE
        return _content(record)
    return None


def admissible(record: Incoming) -> int | None:
    """The first error that leaves the record stored with errors (AceptadoConErrores), chain
    aside (see `chain`)."""
    if record.huella != digest(canonical_text(_hash_fields(record))):
        return Code.HUELLA
    if record.is_alta:
        return _totals(record)
    return None


def chain(record: Incoming, head: Link | None) -> int | None:
    """The record against the last one received for its chain (None: nothing received yet).

    AEAT only flags the link as admissible errors (VAL 3.1.3.18): PrimerRegistro while records
    exist (2007), a previous huella equal to the record's own (2008), and here a RegistroAnterior
    that is not the last record held (2003, the code for previous-huella content)."""
    if record.previous is None:
        return None if head is None else Code.FIRST_RECORD_AGAIN
    if record.previous.huella == record.huella:
        return Code.SAME_HUELLA
    if head is not None and record.previous != head:
        return Code.PREVIOUS_HUELLA
    return None


def _content(record: Incoming) -> int | None:
    kind = record.value("sf:TipoFactura")
    if kind is None:  # the schema requires it: nothing further to check
        return None
    recipients = record.element.find("sf:Destinatarios", _NS) is not None
    # TipoFactura passed the schema, so it is one of L2.
    names_recipient = InvoiceType(kind).names_recipient
    if names_recipient and not recipients:
        return Code.RECIPIENTS_REQUIRED
    if not names_recipient and recipients:
        return Code.RECIPIENTS_FORBIDDEN
    if any(not valid_nif(nif) for nif in record.recipient_nifs()):
        return Code.RECIPIENT_ID
    lines = _lines(record)
    if kind == "F2" and _f2_limited(record):
        gross = sum((line.base + line.quota for line in lines), Decimal(0))
        if gross > F2_LIMIT + TOLERANCE:
            return Code.SIMPLIFIED_OVER_LIMIT
    skip_quota = record.value("sf:TipoRectificativa") == "I" or kind in _NO_QUOTA_CHECK_TYPES
    if not skip_quota:
        for line in lines:
            rate = line.rate
            if line.qualification != "S1" or rate is None or not line.has_quota:
                continue
            if abs(line.quota - line.taxed_base * rate / 100) > TOLERANCE:
                return Code.QUOTA_OUT_OF_TOLERANCE
    return None


def _f2_limited(record: Incoming) -> bool:
    """The 3000 € ceiling does not apply with a billing agreement or under ROF art. 6.1.d."""
    return (
        record.value("sf:NumRegistroAcuerdoFacturacion") is None
        and record.value("sf:FacturaSinIdentifDestinatarioArt61d") != "S"
    )


def _totals(record: Incoming) -> int | None:
    lines = _lines(record)
    if any(line.regime in _TOTALS_EXEMPT_REGIMES for line in lines):
        return None
    quotas = sum((line.quota + line.surcharge for line in lines), Decimal(0))
    bases = sum((line.base for line in lines), Decimal(0))
    if abs(Decimal(record.value("sf:ImporteTotal") or "0") - bases - quotas) > TOLERANCE:
        return Code.TOTAL_AMOUNT
    if abs(Decimal(record.value("sf:CuotaTotal") or "0") - quotas) > TOLERANCE:
        return Code.TOTAL_TAX
    return None


@dataclass(frozen=True, slots=True)
class _Line:
    """The figures of one DetalleDesglose (absent amounts are zero)."""

    regime: str | None
    qualification: str | None
    rate: Decimal | None
    base: Decimal
    taxed_base: Decimal  # BaseImponibleACoste when given (AEAT 1140/1144)
    has_quota: bool
    quota: Decimal
    surcharge: Decimal


def _lines(record: Incoming) -> list[_Line]:
    lines = []
    for item in record.element.iterfind("sf:Desglose/sf:DetalleDesglose", _NS):
        base = _amount(item, "sf:BaseImponibleOimporteNoSujeto")
        at_cost = item.findtext("sf:BaseImponibleACoste", namespaces=_NS)
        rate = item.findtext("sf:TipoImpositivo", namespaces=_NS)
        lines.append(
            _Line(
                regime=item.findtext("sf:ClaveRegimen", namespaces=_NS),
                qualification=item.findtext("sf:CalificacionOperacion", namespaces=_NS),
                rate=None if rate is None else Decimal(rate),
                base=base,
                taxed_base=base if at_cost is None else Decimal(at_cost),
                has_quota=item.find("sf:CuotaRepercutida", _NS) is not None,
                quota=_amount(item, "sf:CuotaRepercutida"),
                surcharge=_amount(item, "sf:CuotaRecargoEquivalencia"),
            )
        )
    return lines


def _amount(element: etree._Element, path: str) -> Decimal:
    text = element.findtext(path, namespaces=_NS)
    return Decimal(text) if text else Decimal(0)


def _hash_fields(record: Incoming) -> tuple[tuple[str, str | None], ...]:
    """AEAT's huella input, taken from the text of the record as received (spec §4.1)."""
    previous = "" if record.previous is None else record.previous.huella
    generated = record.value("sf:FechaHoraHusoGenRegistro")
    if not record.is_alta:
        return (
            ("IDEmisorFacturaAnulada", record.issuer_nif),
            ("NumSerieFacturaAnulada", record.number),
            ("FechaExpedicionFacturaAnulada", record.issue_date_text),
            ("Huella", previous),
            ("FechaHoraHusoGenRegistro", generated),
        )
    return (
        ("IDEmisorFactura", record.issuer_nif),
        ("NumSerieFactura", record.number),
        ("FechaExpedicionFactura", record.issue_date_text),
        ("TipoFactura", record.value("sf:TipoFactura")),
        ("CuotaTotal", record.value("sf:CuotaTotal")),
        ("ImporteTotal", record.value("sf:ImporteTotal")),
        ("Huella", previous),
        ("FechaHoraHusoGenRegistro", generated),
    )


def _link(element: etree._Element) -> Link | None:
    previous = element.find("sf:Encadenamiento/sf:RegistroAnterior", _NS)
    if previous is None:
        return None
    return Link(
        _text(previous, "sf:IDEmisorFactura"),
        _text(previous, "sf:NumSerieFactura"),
        _text(previous, "sf:FechaExpedicionFactura"),
        _text(previous, "sf:Huella"),
    )


def _text(element: etree._Element, path: str) -> str:
    return (element.findtext(path, namespaces=_NS) or "").strip()


def _optional(element: etree._Element, path: str) -> str | None:
    text = element.findtext(path, namespaces=_NS)
    return None if text is None else text.strip()

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
# IVA rates AEAT takes on S1 lines (VAL 15.1), by FechaOperacion or else the issue date. AEAT's
# own table, kept apart from taxes/totals.py on purpose: the sandbox checks our records.
_PERMANENT_RATES = frozenset({Decimal(0), Decimal(4), Decimal(10), Decimal(21)})
_TEMPORARY_RATES = {
    Decimal(5): (date(2022, 7, 1), date(2024, 9, 30), Code.RATE_5_WINDOW),
    Decimal(2): (date(2024, 10, 1), date(2024, 12, 31), Code.RATE_2_WINDOW),
    Decimal("7.5"): (date(2024, 10, 1), date(2024, 12, 31), Code.RATE_7_5_WINDOW),
}
_VAT = (None, "01")  # Impuesto absent or 01


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

    def operation_day(self) -> date:
        """FechaOperacion, else the issue date (the day the tax rules of a line apply to)."""
        operation = self.value("sf:FechaOperacion")
        return parse_day(operation) if operation else self.issue_date

    def period(self) -> tuple[int, int]:
        """PeriodoImputacion: the operation day's year and month."""
        day = self.operation_day()
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


def end_date(text: str, today: date) -> int | None:
    """The renounce's last day of VERI*FACTU (FechaFinVeriFactu): 31 December of this year or
    the last; else 4120 (4106 when it is no date)."""
    try:
        day = parse_day(text.strip())
    except ValueError:
        return Code.DATE_FORMAT
    if (day.month, day.day) != (12, 31) or day.year not in (today.year, today.year - 1):
        return Code.END_DATE
    return None


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
    code = _rectification(record, InvoiceType(kind)) or _foreign_ids(record)
    if code is not None:
        return code
    lines = _lines(record)
    on = record.operation_day()
    by_nif = bool(record.recipient_nifs())
    for line in lines:
        code = _line_rule(line, on, by_nif)
        if code is not None:
            return code
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


def _rectification(record: Incoming, kind: InvoiceType) -> int | None:
    """TipoRectificativa on R1-R5 only (1114/1115); ImporteRectificacion iff S (1118/1119)."""
    method = record.value("sf:TipoRectificativa")
    if kind.is_rectifying and method is None:
        return Code.RECTIFICATION_TYPE_REQUIRED
    if not kind.is_rectifying and method is not None:
        return Code.RECTIFICATION_TYPE_FORBIDDEN
    amounts = record.element.find("sf:ImporteRectificacion", _NS) is not None
    if method == "S" and not amounts:
        return Code.RECTIFIED_AMOUNTS_REQUIRED
    if method != "S" and amounts:
        return Code.RECTIFIED_AMOUNTS_FORBIDDEN
    return None


def _foreign_ids(record: Incoming) -> int | None:
    """A recipient's IDOtro with CodigoPais ES: only a passport (03) or no censado (07)."""
    for other in record.element.iterfind("sf:Destinatarios/sf:IDDestinatario/sf:IDOtro", _NS):
        country = other.findtext("sf:CodigoPais", namespaces=_NS)
        if country == "ES" and other.findtext("sf:IDType", namespaces=_NS) not in ("03", "07"):
            return Code.COUNTRY_ES_ID_TYPE
    return None


def _line_rule(line: "_Line", on: date, recipients_by_nif: bool) -> int | None:
    """What one DetalleDesglose may carry for its qualification and regime (VAL 15; spec §7.2,
    §7.11)."""
    vat = line.tax in _VAT
    carries = line.rate is not None or line.has_quota or line.has_surcharge
    if line.exemption is not None:
        if carries:
            return Code.EXEMPT_AMOUNTS
        if line.exemption in ("E2", "E3") and line.regime == "01":
            return Code.EXPORT_UNDER_GENERAL_REGIME
        if line.exemption == "E5" and vat and recipients_by_nif:
            return Code.INTRA_EU_RECIPIENT
        return None
    if line.regime == "02":
        return Code.EXPORT_REGIME_NOT_EXEMPT
    if line.qualification in ("N1", "N2"):
        return Code.NOT_SUBJECT_AMOUNTS if vat and carries else None
    if line.qualification == "S2":
        if line.rate != 0 or not line.has_quota or line.quota != 0:
            return Code.REVERSE_CHARGE_AMOUNTS
        return None
    if line.rate is None or not line.has_quota:
        return Code.TAXED_WITHOUT_RATE
    if not vat or line.rate in _PERMANENT_RATES:
        return None
    window = _TEMPORARY_RATES.get(line.rate)
    if window is None:
        return Code.RATE_NOT_ALLOWED
    start, end, code = window
    return None if start <= on <= end else code


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

    tax: str | None  # Impuesto (absent: IVA)
    regime: str | None
    qualification: str | None
    exemption: str | None
    rate: Decimal | None
    base: Decimal
    taxed_base: Decimal  # BaseImponibleACoste when given (AEAT 1140/1144)
    has_quota: bool
    quota: Decimal
    has_surcharge: bool  # TipoRecargoEquivalencia or CuotaRecargoEquivalencia given
    surcharge: Decimal


def _lines(record: Incoming) -> list[_Line]:
    lines = []
    for item in record.element.iterfind("sf:Desglose/sf:DetalleDesglose", _NS):
        base = _amount(item, "sf:BaseImponibleOimporteNoSujeto")
        at_cost = item.findtext("sf:BaseImponibleACoste", namespaces=_NS)
        rate = item.findtext("sf:TipoImpositivo", namespaces=_NS)
        lines.append(
            _Line(
                tax=item.findtext("sf:Impuesto", namespaces=_NS),
                regime=item.findtext("sf:ClaveRegimen", namespaces=_NS),
                qualification=item.findtext("sf:CalificacionOperacion", namespaces=_NS),
                exemption=item.findtext("sf:OperacionExenta", namespaces=_NS),
                rate=None if rate is None else Decimal(rate),
                base=base,
                taxed_base=base if at_cost is None else Decimal(at_cost),
                has_quota=item.find("sf:CuotaRepercutida", _NS) is not None,
                quota=_amount(item, "sf:CuotaRepercutida"),
                has_surcharge=item.find("sf:TipoRecargoEquivalencia", _NS) is not None
                or item.find("sf:CuotaRecargoEquivalencia", _NS) is not None,
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

"""AEAT's answers as frozen values, and the Consulta request: the XML of the web service that is
not a record (RespuestaSuministro.xsd, ConsultaLR.xsd, RespuestaConsultaLR.xsd, SOAP faults).

Parsing is lenient on purpose: AEAT may add elements, so we read the ones we know by path and
ignore the rest; only a document that is not an answer at all is an error (UnexpectedAnswer).
"""

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from lxml import etree

from talonario.verifactu import formats
from talonario.verifactu.records import InvalidRecord, InvoiceId, Party
from talonario.verifactu.xml import NS_SF, NS_SOAP

_WS = NS_SF.rsplit("/", 1)[0] + "/"
NS_RESPONSE = _WS + "RespuestaSuministro.xsd"
NS_QUERY = _WS + "ConsultaLR.xsd"
NS_QUERY_RESPONSE = _WS + "RespuestaConsultaLR.xsd"
_NS = {"env": NS_SOAP, "sf": NS_SF, "r": NS_RESPONSE, "q": NS_QUERY_RESPONSE}
_FAULT_CODE = re.compile(r"Codigo\[(\d+)\]")


class UnexpectedAnswer(ValueError):
    """The body is neither an AEAT answer nor a SOAP fault (AEAT says: resend later)."""


class SubmissionStatus(StrEnum):
    """L18 EstadoEnvio."""

    ACCEPTED = "Correcto"  # every record stored without errors
    PARTIALLY_ACCEPTED = "ParcialmenteCorrecto"  # some rejected or accepted with errors
    REJECTED = "Incorrecto"  # every record rejected


class RecordStatus(StrEnum):
    """L19 EstadoRegistro of a response line."""

    ACCEPTED = "Correcto"  # stored
    ACCEPTED_WITH_ERRORS = "AceptadoConErrores"  # stored; admissible error, usually to correct
    REJECTED = "Incorrecto"  # not stored

    @property
    def stored(self) -> bool:
        return self is not RecordStatus.REJECTED


class StoredStatus(StrEnum):
    """L21 EstadoRegistroDuplicado: the state of the record AEAT already holds."""

    ACCEPTED = "Correcta"
    ACCEPTED_WITH_ERRORS = "AceptadaConErrores"
    CANCELLED = "Anulada"


class QueriedStatus(StrEnum):
    """EstadoRegistro of a Consulta answer."""

    ACCEPTED = "Correcto"
    ACCEPTED_WITH_ERRORS = "AceptadoConErrores"
    CANCELLED = "Anulado"


class Operation(StrEnum):
    """L22 TipoOperacion."""

    REGISTRATION = "Alta"
    CANCELLATION = "Anulacion"


@dataclass(frozen=True, slots=True)
class Fault:
    """A SOAP 1.1 Fault: `Client` (the request is wrong) or `Server` (try again later)."""

    code: str  # faultcode without its prefix: Client | Server
    message: str  # faultstring, `Codigo[NNNN].text` at AEAT
    aeat_code: int | None  # the NNNN of faultstring

    @property
    def is_client(self) -> bool:
        return self.code == "Client"


@dataclass(frozen=True, slots=True)
class DuplicateRecord:
    """RegistroDuplicado: what AEAT already holds for an alta rejected as duplicate (3000)."""

    request_id: str  # IdPeticionRegistroDuplicado
    status: StoredStatus  # EstadoRegistroDuplicado
    code: int | None  # CodigoErrorRegistro
    description: str | None  # DescripcionErrorRegistro


@dataclass(frozen=True, slots=True)
class ResponseLine:
    """RespuestaLinea: AEAT's verdict on one record of the submission."""

    invoice: InvoiceId  # IDFactura
    operation: Operation  # Operacion/TipoOperacion
    correction: bool  # Operacion/Subsanacion
    previous_rejection: str | None  # Operacion/RechazoPrevio (N, S or X as sent)
    no_prior_record: bool  # Operacion/SinRegistroPrevio
    external_ref: str | None  # RefExterna
    status: RecordStatus  # EstadoRegistro
    code: int | None  # CodigoErrorRegistro
    description: str | None  # DescripcionErrorRegistro
    duplicate: DuplicateRecord | None  # RegistroDuplicado


@dataclass(frozen=True, slots=True)
class SubmissionResult:
    """RespuestaRegFactuSistemaFacturacion. Lines are not guaranteed to keep the request order:
    match them by invoice and operation (`line_for`)."""

    csv: str | None  # CSV: present when at least one record was stored; store it
    status: SubmissionStatus  # EstadoEnvio
    wait_seconds: int  # TiempoEsperaEnvio: wait this long before the next submission
    lines: tuple[ResponseLine, ...]  # RespuestaLinea
    presenter_nif: str | None  # DatosPresentacion/NIFPresentador
    presented_at: datetime | None  # DatosPresentacion/TimestampPresentacion
    raw: str  # the response body as received

    def line_for(
        self, invoice: InvoiceId, operation: Operation = Operation.REGISTRATION
    ) -> ResponseLine | None:
        for line in self.lines:
            if line.invoice == invoice and line.operation is operation:
                return line
        return None

    def by_record(self) -> dict[tuple[InvoiceId, Operation], ResponseLine]:
        """Every line by (invoice, operation), the first one where several match, as
        `line_for` finds it: for a whole batch, one pass instead of one per record."""
        found: dict[tuple[InvoiceId, Operation], ResponseLine] = {}
        for line in self.lines:
            found.setdefault((line.invoice, line.operation), line)
        return found


@dataclass(frozen=True, slots=True)
class QueriedRecord:
    """RegistroRespuestaConsultaFactuSistemaFacturacion: one invoice as AEAT holds it."""

    invoice: InvoiceId  # IDFactura
    status: QueriedStatus  # EstadoRegistro/EstadoRegistro
    code: int | None  # EstadoRegistro/CodigoErrorRegistro
    description: str | None  # EstadoRegistro/DescripcionErrorRegistro
    last_modified: datetime | None  # EstadoRegistro/TimestampUltimaModificacion
    huella: str | None  # DatosRegistroFacturacion/Huella
    external_ref: str | None  # DatosRegistroFacturacion/RefExterna
    invoice_type: str | None  # DatosRegistroFacturacion/TipoFactura
    total_tax: Decimal | None  # DatosRegistroFacturacion/CuotaTotal
    total_amount: Decimal | None  # DatosRegistroFacturacion/ImporteTotal
    generated_at: str | None  # DatosRegistroFacturacion/FechaHoraHusoGenRegistro, as stored
    request_id: str | None  # DatosPresentacion/IdPeticion
    presented_at: datetime | None  # DatosPresentacion/TimestampPresentacion


@dataclass(frozen=True, slots=True)
class QueryResult:
    """RespuestaConsultaFactuSistemaFacturacion (the CSV is never part of it)."""

    records: tuple[QueriedRecord, ...]
    has_more: bool  # IndicadorPaginacion = S: ask again with `after=next_page`
    next_page: InvoiceId | None  # ClavePaginacion
    raw: str


@dataclass(frozen=True, slots=True, kw_only=True)
class QueryFilter:
    """What a taxpayer asks AEAT about its own records (ConsultaFactuSistemaFacturacion)."""

    taxpayer: Party  # Cabecera/ObligadoEmision (NombreRazon + NIF)
    year: int  # PeriodoImputacion/Ejercicio (year of FechaOperacion, else of the issue date)
    month: int  # PeriodoImputacion/Periodo
    number: str | None = None  # NumSerieFactura
    issue_date: date | None = None  # FechaExpedicionFactura/FechaExpedicionFactura
    issued_from: date | None = None  # FechaExpedicionFactura/RangoFechaExpedicion/Desde
    issued_to: date | None = None  # FechaExpedicionFactura/RangoFechaExpedicion/Hasta
    external_ref: str | None = None  # RefExterna
    after: InvoiceId | None = None  # ClavePaginacion: the `next_page` of the previous answer

    def __post_init__(self) -> None:
        if self.taxpayer.nif is None:
            raise InvalidRecord("a query is made by a taxpayer identified by its NIF")
        if not 1 <= self.month <= 12 or not 1000 <= self.year <= 9999:
            raise InvalidRecord(f"no such period {self.year}-{self.month}")
        if self.issue_date is not None and (self.issued_from or self.issued_to):
            raise InvalidRecord("query an exact issue date or a range, not both")


def query_document(query: QueryFilter) -> bytes:
    """`ConsultaFactuSistemaFacturacion` (valid against ConsultaLR.xsd), ready for
    `xml.soap_envelope`. The filter's own children are in the ConsultaLR namespace, their
    content in SuministroInformacion's."""
    root = etree.Element(f"{{{NS_QUERY}}}ConsultaFactuSistemaFacturacion", nsmap=_QUERY_NSMAP)
    head = _sub(root, NS_QUERY, "Cabecera")
    _leaf(head, "IDVersion", "1.0")
    taxpayer = _leaf(head, "ObligadoEmision")
    _leaf(taxpayer, "NombreRazon", query.taxpayer.name)
    _leaf(taxpayer, "NIF", query.taxpayer.nif or "")
    where = _sub(root, NS_QUERY, "FiltroConsulta")
    period = _sub(where, NS_QUERY, "PeriodoImputacion")
    _leaf(period, "Ejercicio", f"{query.year:04d}")
    _leaf(period, "Periodo", f"{query.month:02d}")
    if query.number is not None:
        _sub(where, NS_QUERY, "NumSerieFactura").text = query.number
    if query.issue_date is not None or query.issued_from or query.issued_to:
        dates = _sub(where, NS_QUERY, "FechaExpedicionFactura")
        if query.issue_date is not None:
            _leaf(dates, "FechaExpedicionFactura", formats.day(query.issue_date))
        else:
            span = _leaf(dates, "RangoFechaExpedicion")
            if query.issued_from is not None:
                _leaf(span, "Desde", formats.day(query.issued_from))
            if query.issued_to is not None:
                _leaf(span, "Hasta", formats.day(query.issued_to))
    if query.external_ref is not None:
        _sub(where, NS_QUERY, "RefExterna").text = query.external_ref
    if query.after is not None:
        key = _sub(where, NS_QUERY, "ClavePaginacion")
        _invoice_fields(key, query.after)
    # The declaration exactly as xml.py writes it, which `soap_envelope` strips.
    declaration = '<?xml version="1.0" encoding="UTF-8"?>\n'
    return (declaration + etree.tostring(root, encoding="unicode")).encode("utf-8")


def body_element(raw: bytes) -> etree._Element:
    """The first element inside soapenv:Body (the answer or the Fault)."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False, huge_tree=True)
    try:
        root = etree.fromstring(raw, parser)
    except etree.XMLSyntaxError as exc:
        raise UnexpectedAnswer(f"the answer is not XML: {exc}") from None
    body = root.find("env:Body", _NS)
    if root.tag != f"{{{NS_SOAP}}}Envelope" or body is None or len(body) == 0:
        raise UnexpectedAnswer(f"the answer is not a SOAP 1.1 envelope (root {root.tag})")
    return body[0]


def fault(element: etree._Element) -> Fault | None:
    """The Fault if `element` is one (SOAP 1.1 puts faultcode/faultstring unqualified)."""
    if element.tag != f"{{{NS_SOAP}}}Fault":
        return None
    code = (element.findtext("faultcode") or "").strip()
    message = (element.findtext("faultstring") or "").strip()
    found = _FAULT_CODE.search(message)
    return Fault(code.rsplit(":", 1)[-1], message, int(found.group(1)) if found else None)


def submission_result(element: etree._Element, raw: str) -> SubmissionResult:
    """A RespuestaRegFactuSistemaFacturacion element as a SubmissionResult."""
    if element.tag != f"{{{NS_RESPONSE}}}RespuestaRegFactuSistemaFacturacion":
        raise UnexpectedAnswer(f"expected RespuestaRegFactuSistemaFacturacion, got {element.tag}")
    try:
        lines = tuple(_line(line) for line in element.iterfind("r:RespuestaLinea", _NS))
        return SubmissionResult(
            csv=_opt(element, "r:CSV"),
            status=SubmissionStatus(_req(element, "r:EstadoEnvio")),
            wait_seconds=int(_req(element, "r:TiempoEsperaEnvio") or 0),
            lines=lines,
            presenter_nif=_opt(element, "r:DatosPresentacion/sf:NIFPresentador"),
            presented_at=_timestamp(_opt(element, "r:DatosPresentacion/sf:TimestampPresentacion")),
            raw=raw,
        )
    except (ValueError, InvalidRecord) as exc:
        raise UnexpectedAnswer(f"unreadable submission answer: {exc}") from None


def query_result(element: etree._Element, raw: str) -> QueryResult:
    """A RespuestaConsultaFactuSistemaFacturacion element as a QueryResult."""
    if element.tag != f"{{{NS_QUERY_RESPONSE}}}RespuestaConsultaFactuSistemaFacturacion":
        raise UnexpectedAnswer(
            f"expected RespuestaConsultaFactuSistemaFacturacion, got {element.tag}"
        )
    try:
        records = tuple(
            _queried(item)
            for item in element.iterfind("q:RegistroRespuestaConsultaFactuSistemaFacturacion", _NS)
        )
        key = element.find("q:ClavePaginacion", _NS)
        return QueryResult(
            records=records,
            has_more=_req(element, "q:IndicadorPaginacion") == "S",
            next_page=None if key is None else _invoice(key, "sf"),
            raw=raw,
        )
    except (ValueError, InvalidRecord) as exc:
        raise UnexpectedAnswer(f"unreadable query answer: {exc}") from None


_QUERY_NSMAP = {"con": NS_QUERY, "sf": NS_SF}


def _sub(parent: etree._Element, ns: str, tag: str) -> etree._Element:
    return etree.SubElement(parent, f"{{{ns}}}{tag}")


def _leaf(parent: etree._Element, tag: str, text: str | None = None) -> etree._Element:
    element = etree.SubElement(parent, f"{{{NS_SF}}}{tag}")
    if text is not None:
        element.text = text
    return element


def _invoice_fields(parent: etree._Element, invoice: InvoiceId) -> None:
    _leaf(parent, "IDEmisorFactura", invoice.issuer_nif)
    _leaf(parent, "NumSerieFactura", invoice.number)
    _leaf(parent, "FechaExpedicionFactura", formats.day(invoice.issue_date))


def _line(element: etree._Element) -> ResponseLine:
    duplicate = element.find("r:RegistroDuplicado", _NS)
    return ResponseLine(
        invoice=_invoice(element.find("r:IDFactura", _NS), "sf"),
        operation=Operation(_req(element, "r:Operacion/sf:TipoOperacion")),
        correction=_opt(element, "r:Operacion/sf:Subsanacion") == "S",
        previous_rejection=_opt(element, "r:Operacion/sf:RechazoPrevio"),
        no_prior_record=_opt(element, "r:Operacion/sf:SinRegistroPrevio") == "S",
        external_ref=_opt(element, "r:RefExterna"),
        status=RecordStatus(_req(element, "r:EstadoRegistro")),
        code=_int(_opt(element, "r:CodigoErrorRegistro")),
        description=_opt(element, "r:DescripcionErrorRegistro"),
        duplicate=None if duplicate is None else _duplicate(duplicate),
    )


def _duplicate(element: etree._Element) -> DuplicateRecord:
    return DuplicateRecord(
        request_id=_req(element, "sf:IdPeticionRegistroDuplicado"),
        status=StoredStatus(_req(element, "sf:EstadoRegistroDuplicado")),
        code=_int(_opt(element, "sf:CodigoErrorRegistro")),
        description=_opt(element, "sf:DescripcionErrorRegistro"),
    )


def _queried(element: etree._Element) -> QueriedRecord:
    data = "q:DatosRegistroFacturacion/q:"
    return QueriedRecord(
        invoice=_invoice(element.find("q:IDFactura", _NS), "sf"),
        status=QueriedStatus(_req(element, "q:EstadoRegistro/q:EstadoRegistro")),
        code=_int(_opt(element, "q:EstadoRegistro/q:CodigoErrorRegistro")),
        description=_opt(element, "q:EstadoRegistro/q:DescripcionErrorRegistro"),
        last_modified=_timestamp(_opt(element, "q:EstadoRegistro/q:TimestampUltimaModificacion")),
        huella=_opt(element, data + "Huella"),
        external_ref=_opt(element, data + "RefExterna"),
        invoice_type=_opt(element, data + "TipoFactura"),
        total_tax=_decimal(_opt(element, data + "CuotaTotal")),
        total_amount=_decimal(_opt(element, data + "ImporteTotal")),
        generated_at=_opt(element, data + "FechaHoraHusoGenRegistro"),
        request_id=_opt(element, "q:DatosPresentacion/sf:IdPeticion"),
        presented_at=_timestamp(_opt(element, "q:DatosPresentacion/sf:TimestampPresentacion")),
    )


def _invoice(element: etree._Element | None, prefix: str) -> InvoiceId:
    if element is None:
        raise ValueError("IDFactura missing")
    return InvoiceId(
        _req(element, f"{prefix}:IDEmisorFactura"),
        _req(element, f"{prefix}:NumSerieFactura"),
        parse_day(_req(element, f"{prefix}:FechaExpedicionFactura")),
    )


def parse_day(text: str) -> date:
    """`dd-mm-yyyy` (AEAT type `fecha`) as a date."""
    return datetime.strptime(text, "%d-%m-%Y").date()


def _opt(element: etree._Element, path: str) -> str | None:
    text = element.findtext(path, namespaces=_NS)
    return None if text is None else text.strip()


def _req(element: etree._Element, path: str) -> str:
    text = _opt(element, path)
    if text is None:
        raise ValueError(f"{path} missing")
    return text


def _int(text: str | None) -> int | None:
    return None if text is None or text == "" else int(text)


def _decimal(text: str | None) -> Decimal | None:
    if text is None:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValueError(f"{text!r} is not an amount") from None


def _timestamp(text: str | None) -> datetime | None:
    return None if not text else datetime.fromisoformat(text)

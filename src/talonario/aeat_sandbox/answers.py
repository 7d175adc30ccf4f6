"""The sandbox's answers as AEAT writes them: RespuestaRegFactuSistemaFacturacion
(RespuestaSuministro.xsd) and RespuestaConsultaFactuSistemaFacturacion (RespuestaConsultaLR.xsd).

The answers reuse the request's and the stored records' elements: a response element declared
locally in a response schema takes that schema's namespace, while its content keeps the
SuministroInformacion one, so copies are renamed at exactly those levels.
"""

import copy
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from lxml import etree

from talonario.aeat_sandbox.checks import Incoming
from talonario.aeat_sandbox.models import SandboxInvoice
from talonario.verifactu import formats
from talonario.verifactu.responses import NS_QUERY, NS_QUERY_RESPONSE, NS_RESPONSE
from talonario.verifactu.xml import NS_SF, NS_SUM

AEAT_ZONE = ZoneInfo("Europe/Madrid")  # AEAT stamps its answers with Madrid's offset
_NS = {"sf": NS_SF, "sum": NS_SUM, "con": NS_QUERY}
# RespuestaDatosRegistroFacturacionType, in order; the record's own elements are copied.
_RECORD_DATA = (
    "NombreRazonEmisor",
    "RefExterna",
    "Subsanacion",
    "RechazoPrevio",
    "SinRegistroPrevio",
    "GeneradoPor",
    "Generador",
    "TipoFactura",
    "TipoRectificativa",
    "FacturasRectificadas",
    "FacturasSustituidas",
    "ImporteRectificacion",
    "FechaOperacion",
    "DescripcionOperacion",
    "FacturaSimplificadaArt7273",
    "FacturaSinIdentifDestinatarioArt61d",
    "Macrodato",
    "EmitidaPorTerceroODestinatario",
    "Tercero",
    "Destinatarios",
    "Cupon",
    "Desglose",
    "CuotaTotal",
    "ImporteTotal",
    "Encadenamiento",
    "SistemaInformatico",
    "FechaHoraHusoGenRegistro",
    "NumRegistroAcuerdoFacturacion",
    "IdAcuerdoSistemaInformatico",
    "TipoHuella",
    "Huella",
)
# Blocks whose children are also declared locally in RespuestaConsultaLR.xsd.
_LOCAL_CHILDREN = frozenset(
    {"FacturasRectificadas", "FacturasSustituidas", "Destinatarios", "Encadenamiento"}
)
# Shown only when asked for in DatosAdicionalesRespuesta (Mostrar... = S).
_OPTIONAL_DATA = {
    "NombreRazonEmisor": "MostrarNombreRazonEmisor",
    "SistemaInformatico": "MostrarSistemaInformatico",
}


_DUPLICATE_STATES = {
    "Correcto": "Correcta",
    "AceptadoConErrores": "AceptadaConErrores",
    "Anulado": "Anulada",
}


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the sandbox decided for one record."""

    record: Incoming
    status: str  # Correcto | AceptadoConErrores | Incorrecto
    code: int | None = None
    description: str | None = None
    duplicate: SandboxInvoice | None = None  # the invoice held, when rejected as duplicate


def aeat_time(moment: datetime) -> str:
    return moment.astimezone(AEAT_ZONE).isoformat(timespec="seconds")


def submission(
    request: etree._Element,
    verdicts: list[Verdict],
    *,
    wait_seconds: int,
    csv: str | None,
    presenter_nif: str,
    presented_at: datetime,
) -> etree._Element:
    """RespuestaRegFactuSistemaFacturacion for the submission `request`."""
    answer = etree.Element(
        f"{{{NS_RESPONSE}}}RespuestaRegFactuSistemaFacturacion",
        nsmap={"tikR": NS_RESPONSE, "tik": NS_SF},
    )
    if csv is not None:
        _el(answer, NS_RESPONSE, "CSV", csv)
        presentation = _el(answer, NS_RESPONSE, "DatosPresentacion")
        _el(presentation, NS_SF, "NIFPresentador", presenter_nif)
        _el(presentation, NS_SF, "TimestampPresentacion", aeat_time(presented_at))
    answer.append(_renamed(request.find("sum:Cabecera", _NS), NS_RESPONSE))
    _el(answer, NS_RESPONSE, "TiempoEsperaEnvio", str(wait_seconds))
    _el(answer, NS_RESPONSE, "EstadoEnvio", overall_status(verdicts))
    for verdict in verdicts:
        answer.append(_line(verdict))
    return answer


def overall_status(verdicts: list[Verdict]) -> str:
    """L18: Correcto if every record is, Incorrecto if every record is rejected."""
    if all(v.status == "Correcto" for v in verdicts):
        return "Correcto"
    if all(v.status == "Incorrecto" for v in verdicts):
        return "Incorrecto"
    return "ParcialmenteCorrecto"


def query(request: etree._Element, invoices: list[SandboxInvoice], *, more: bool) -> etree._Element:
    """RespuestaConsultaFactuSistemaFacturacion over the invoices found."""
    answer = etree.Element(
        f"{{{NS_QUERY_RESPONSE}}}RespuestaConsultaFactuSistemaFacturacion",
        nsmap={"tikLRRC": NS_QUERY_RESPONSE, "tik": NS_SF},
    )
    answer.append(_renamed(request.find("con:Cabecera", _NS), NS_QUERY_RESPONSE))
    period = _el(answer, NS_QUERY_RESPONSE, "PeriodoImputacion")
    asked = "con:FiltroConsulta/con:PeriodoImputacion/sf:"
    _el(period, NS_QUERY_RESPONSE, "Ejercicio", request.findtext(asked + "Ejercicio", None, _NS))
    _el(period, NS_QUERY_RESPONSE, "Periodo", request.findtext(asked + "Periodo", None, _NS))
    _el(answer, NS_QUERY_RESPONSE, "IndicadorPaginacion", "S" if more else "N")
    _el(answer, NS_QUERY_RESPONSE, "ResultadoConsulta", "ConDatos" if invoices else "SinDatos")
    show = _shown(request)
    for invoice in invoices:
        answer.append(_queried(invoice, show))
    if more and invoices:
        _invoice_id(_el(answer, NS_QUERY_RESPONSE, "ClavePaginacion"), invoices[-1])
    return answer


def _line(verdict: Verdict) -> etree._Element:
    record = verdict.record
    line = etree.Element(f"{{{NS_RESPONSE}}}RespuestaLinea")
    ident = _el(line, NS_RESPONSE, "IDFactura")
    _el(ident, NS_SF, "IDEmisorFactura", record.issuer_nif)
    _el(ident, NS_SF, "NumSerieFactura", record.number)
    _el(ident, NS_SF, "FechaExpedicionFactura", record.issue_date_text)
    operation = _el(line, NS_RESPONSE, "Operacion")
    _el(operation, NS_SF, "TipoOperacion", record.operation)
    for tag, value in (
        ("Subsanacion", record.correction),
        ("RechazoPrevio", record.previous_rejection),
        ("SinRegistroPrevio", record.no_prior_record),
    ):
        if value is not None:
            _el(operation, NS_SF, tag, value)
    if record.external_ref is not None:
        _el(line, NS_RESPONSE, "RefExterna", record.external_ref)
    _el(line, NS_RESPONSE, "EstadoRegistro", verdict.status)
    if verdict.code is not None:
        _el(line, NS_RESPONSE, "CodigoErrorRegistro", str(verdict.code))
        _el(line, NS_RESPONSE, "DescripcionErrorRegistro", (verdict.description or "")[:1500])
    held = verdict.duplicate
    if held is not None:
        duplicate = _el(line, NS_RESPONSE, "RegistroDuplicado")
        _el(duplicate, NS_SF, "IdPeticionRegistroDuplicado", held.request_id)
        _el(duplicate, NS_SF, "EstadoRegistroDuplicado", _DUPLICATE_STATES[held.state])
        if held.code is not None:
            _el(duplicate, NS_SF, "CodigoErrorRegistro", str(held.code))
            _el(duplicate, NS_SF, "DescripcionErrorRegistro", (held.description or "")[:500])
    return line


def _queried(invoice: SandboxInvoice, show: frozenset[str]) -> etree._Element:
    item = etree.Element(f"{{{NS_QUERY_RESPONSE}}}RegistroRespuestaConsultaFactuSistemaFacturacion")
    _invoice_id(_el(item, NS_QUERY_RESPONSE, "IDFactura"), invoice)
    data = _el(item, NS_QUERY_RESPONSE, "DatosRegistroFacturacion")
    # The data of the last record held: the anulación once cancelled, else the alta.
    source = invoice.anulacion_xml if invoice.state == "Anulado" else invoice.alta_xml
    record = etree.fromstring(source or invoice.alta_xml or "")
    for name in _RECORD_DATA:
        if name in _OPTIONAL_DATA and name not in show:
            continue
        element = record.find(f"sf:{name}", _NS)
        if element is not None:
            data.append(_renamed(element, NS_QUERY_RESPONSE, children=name in _LOCAL_CHILDREN))
    presentation = _el(item, NS_QUERY_RESPONSE, "DatosPresentacion")
    _el(presentation, NS_SF, "NIFPresentador", invoice.presenter_nif)
    _el(presentation, NS_SF, "TimestampPresentacion", aeat_time(invoice.presented_at))
    _el(presentation, NS_SF, "IdPeticion", invoice.request_id)
    state = _el(item, NS_QUERY_RESPONSE, "EstadoRegistro")
    _el(state, NS_QUERY_RESPONSE, "TimestampUltimaModificacion", aeat_time(invoice.updated_at))
    _el(state, NS_QUERY_RESPONSE, "EstadoRegistro", invoice.state)
    if invoice.code is not None:
        _el(state, NS_QUERY_RESPONSE, "CodigoErrorRegistro", str(invoice.code))
        _el(state, NS_QUERY_RESPONSE, "DescripcionErrorRegistro", (invoice.description or "")[:500])
    return item


def _shown(request: etree._Element) -> frozenset[str]:
    extra = "con:DatosAdicionalesRespuesta/con:"
    return frozenset(
        name
        for name, flag in _OPTIONAL_DATA.items()
        if request.findtext(extra + flag, None, _NS) == "S"
    )


def _invoice_id(parent: etree._Element, invoice: SandboxInvoice) -> None:
    _el(parent, NS_SF, "IDEmisorFactura", invoice.issuer_nif)
    _el(parent, NS_SF, "NumSerieFactura", invoice.number)
    _el(parent, NS_SF, "FechaExpedicionFactura", formats.day(invoice.issue_date))


def _renamed(
    element: etree._Element | None, namespace: str, *, children: bool = False
) -> etree._Element:
    if element is None:
        raise ValueError("a schema-valid document lacks an element")
    duplicate = copy.deepcopy(element)
    duplicate.tag = f"{{{namespace}}}{etree.QName(element).localname}"
    if children:
        for child in duplicate:
            child.tag = f"{{{namespace}}}{etree.QName(child).localname}"
    return duplicate


def _el(
    parent: etree._Element, namespace: str, tag: str, text: str | None = None
) -> etree._Element:
    element = etree.SubElement(parent, f"{{{namespace}}}{tag}")
    if text is not None:
        element.text = text
    return element

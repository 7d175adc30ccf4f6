"""Records and submissions as AEAT XML: the only module that speaks AEAT's Spanish tag names.

A string renderer, not a tree builder: element order is the XSD sequence, values come from
`formats` (the same text the huella hashes) and every free text is escaped. Building the same
elements with lxml measured five times slower (10k vs 50k one-line altas per second), and the
golden tests validate this output against AEAT's XSD. One element per line, no indentation:
readable diffs, and the same text at any depth.
"""

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from talonario.verifactu import formats
from talonario.verifactu.codes import HashType
from talonario.verifactu.records import (
    BreakdownLine,
    CancellationRecord,
    InvoiceId,
    Party,
    PreviousRecord,
    Record,
    RectifiedAmounts,
    RegistrationRecord,
    SoftwareSystem,
    SubmissionHeader,
)

_WS = "https://www2.agenciatributaria.gob.es/static_files/common/internet/dep/aplicaciones/es/aeat/tike/cont/ws/"
NS_SF = _WS + "SuministroInformacion.xsd"
NS_SUM = _WS + "SuministroLR.xsd"
NS_SOAP = "http://schemas.xmlsoap.org/soap/envelope/"
MAX_RECORDS = 1000  # RegistroFactura maxOccurs (AEAT 4114)

_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
_SPECIAL = re.compile(r"[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"}

_Out = Callable[[str], None]


def record_element(record: Record) -> str:
    """`<sf:RegistroAlta>` or `<sf:RegistroAnulacion>` without namespace declarations, to be
    placed inside a document that binds the `sf` prefix (a submission does)."""
    if not record.huella:
        raise ValueError("the record has no huella yet: hashing.seal() it before rendering")
    parts: list[str] = []
    if isinstance(record, RegistrationRecord):
        _registration(record, parts.append)
    else:
        _cancellation(record, parts.append)
    return "".join(parts)


def record_document(record: Record) -> bytes:
    """The record as a standalone UTF-8 document (valid against SuministroInformacion.xsd), the
    form to store. Rendering is deterministic: a record always gives the same text, here and
    inside a submission."""
    element = record_element(record)
    tag_end = element.index(">")
    root = f'{element[:tag_end]} xmlns:sf="{NS_SF}"{element[tag_end:]}'
    return (_DECLARATION + root).encode("utf-8")


def submission_document(header: SubmissionHeader, records: Sequence[Record]) -> bytes:
    """`sum:RegFactuSistemaFacturacion`: the Cabecera and 1 to 1000 records of one taxpayer,
    in generation order (valid against SuministroLR.xsd)."""
    _check_batch(header, records)
    parts = [
        _DECLARATION,
        f'<sum:RegFactuSistemaFacturacion xmlns:sum="{NS_SUM}" xmlns:sf="{NS_SF}">\n',
    ]
    out = parts.append
    _header(header, out)
    for record in records:
        out("<sum:RegistroFactura>\n")
        out(record_element(record))
        out("</sum:RegistroFactura>\n")
    out("</sum:RegFactuSistemaFacturacion>\n")
    return "".join(parts).encode("utf-8")


def soap_envelope(document: bytes) -> bytes:
    """Wrap a request document (e.g. a submission) in the SOAP 1.1 envelope AEAT expects."""
    body = document.removeprefix(_DECLARATION.encode("utf-8"))
    head = f'{_DECLARATION}<soapenv:Envelope xmlns:soapenv="{NS_SOAP}">\n<soapenv:Header/>\n'
    return b"".join(
        (f"{head}<soapenv:Body>\n".encode(), body, b"</soapenv:Body>\n</soapenv:Envelope>\n")
    )


def _check_batch(header: SubmissionHeader, records: Sequence[Record]) -> None:
    if not 1 <= len(records) <= MAX_RECORDS:
        raise ValueError(f"a submission carries 1 to {MAX_RECORDS} records, not {len(records)}")
    nif = header.taxpayer.nif
    for record in records:
        if record.invoice.issuer_nif != nif:
            # AEAT rejects the record (1108): one submission per taxpayer.
            raise ValueError(f"record of {record.invoice.issuer_nif} in a submission of {nif}")


def _header(header: SubmissionHeader, out: _Out) -> None:
    out("<sum:Cabecera>\n")
    out(_party("ObligadoEmision", header.taxpayer))
    if header.representative is not None:
        out(_party("Representante", header.representative))
    if header.incident or header.verifactu_end_date is not None:
        out("<sf:RemisionVoluntaria>\n")
        if header.verifactu_end_date is not None:
            out(_leaf("FechaFinVeriFactu", formats.day(header.verifactu_end_date)))
        if header.incident:
            out("<sf:Incidencia>S</sf:Incidencia>\n")
        out("</sf:RemisionVoluntaria>\n")
    out("</sum:Cabecera>\n")


def _registration(r: RegistrationRecord, out: _Out) -> None:
    out("<sf:RegistroAlta>\n<sf:IDVersion>1.0</sf:IDVersion>\n")
    out(_invoice_id("IDFactura", r.invoice))
    if r.external_ref is not None:
        out(_leaf("RefExterna", _text(r.external_ref)))
    out(_leaf("NombreRazonEmisor", _text(r.issuer_name)))
    if r.correction:
        out("<sf:Subsanacion>S</sf:Subsanacion>\n")
    if r.previous_rejection is not None:
        out(_leaf("RechazoPrevio", r.previous_rejection))
    out(_leaf("TipoFactura", r.invoice_type))
    if r.rectification_type is not None:
        out(_leaf("TipoRectificativa", r.rectification_type))
    if r.rectified_invoices:
        out(_invoice_list("FacturasRectificadas", "IDFacturaRectificada", r.rectified_invoices))
    if r.substituted_invoices:
        out(_invoice_list("FacturasSustituidas", "IDFacturaSustituida", r.substituted_invoices))
    if r.rectified_amounts is not None:
        out(_rectified_amounts(r.rectified_amounts))
    if r.operation_date is not None:
        out(_leaf("FechaOperacion", formats.day(r.operation_date)))
    out(_leaf("DescripcionOperacion", _text(r.description)))
    _flags_and_parties(r, out)
    out("<sf:Desglose>\n")
    for line in r.breakdown:
        out(_breakdown_line(line))
    out(
        f"</sf:Desglose>\n<sf:CuotaTotal>{formats.amount(r.total_tax)}</sf:CuotaTotal>\n"
        f"<sf:ImporteTotal>{formats.amount(r.total_amount)}</sf:ImporteTotal>\n"
    )
    out(_chain(r.previous))
    out(_system(r.system))
    out(_leaf("FechaHoraHusoGenRegistro", formats.timestamp(r.generated_at)))
    if r.billing_agreement is not None:
        out(_leaf("NumRegistroAcuerdoFacturacion", _text(r.billing_agreement)))
    if r.system_agreement is not None:
        out(_leaf("IdAcuerdoSistemaInformatico", _text(r.system_agreement)))
    out(_hash(r.hash_type, r.huella))
    out("</sf:RegistroAlta>\n")


def _cancellation(r: CancellationRecord, out: _Out) -> None:
    invoice = r.invoice
    out("<sf:RegistroAnulacion>\n<sf:IDVersion>1.0</sf:IDVersion>\n<sf:IDFactura>\n")
    out(_leaf("IDEmisorFacturaAnulada", _text(invoice.issuer_nif)))
    out(_leaf("NumSerieFacturaAnulada", _text(invoice.number)))
    out(_leaf("FechaExpedicionFacturaAnulada", formats.day(invoice.issue_date)))
    out("</sf:IDFactura>\n")
    if r.external_ref is not None:
        out(_leaf("RefExterna", _text(r.external_ref)))
    if r.no_prior_record:
        out("<sf:SinRegistroPrevio>S</sf:SinRegistroPrevio>\n")
    if r.previous_rejection:
        out("<sf:RechazoPrevio>S</sf:RechazoPrevio>\n")
    if r.generated_by is not None:
        out(_leaf("GeneradoPor", r.generated_by))
    if r.generator is not None:
        out(_party("Generador", r.generator))
    out(_chain(r.previous))
    out(_system(r.system))
    out(_leaf("FechaHoraHusoGenRegistro", formats.timestamp(r.generated_at)))
    out(_hash(r.hash_type, r.huella))
    out("</sf:RegistroAnulacion>\n")


def _flags_and_parties(r: RegistrationRecord, out: _Out) -> None:
    """From FacturaSimplificadaArt7273 to Cupon. Only `S` flags are written: absent means N."""
    if r.simplified_art_7273:
        out("<sf:FacturaSimplificadaArt7273>S</sf:FacturaSimplificadaArt7273>\n")
    if r.no_recipient_art_61d:
        out("<sf:FacturaSinIdentifDestinatarioArt61d>S</sf:FacturaSinIdentifDestinatarioArt61d>\n")
    if r.macrodato:
        out("<sf:Macrodato>S</sf:Macrodato>\n")
    if r.issued_by is not None:
        out(_leaf("EmitidaPorTerceroODestinatario", r.issued_by))
    if r.third_party is not None:
        out(_party("Tercero", r.third_party))
    if r.recipients:
        out("<sf:Destinatarios>\n")
        for recipient in r.recipients:
            out(_party("IDDestinatario", recipient))
        out("</sf:Destinatarios>\n")
    if r.coupon:
        out("<sf:Cupon>S</sf:Cupon>\n")


def _id_fields(invoice: InvoiceId) -> str:
    """IDEmisorFactura, NumSerieFactura and FechaExpedicionFactura, shared by four blocks."""
    return (
        f"<sf:IDEmisorFactura>{_text(invoice.issuer_nif)}</sf:IDEmisorFactura>\n"
        f"<sf:NumSerieFactura>{_text(invoice.number)}</sf:NumSerieFactura>\n"
        f"<sf:FechaExpedicionFactura>{formats.day(invoice.issue_date)}"
        "</sf:FechaExpedicionFactura>\n"
    )


def _invoice_id(tag: str, invoice: InvoiceId) -> str:
    return f"<sf:{tag}>\n{_id_fields(invoice)}</sf:{tag}>\n"


def _invoice_list(tag: str, item: str, invoices: tuple[InvoiceId, ...]) -> str:
    items = "".join([_invoice_id(item, invoice) for invoice in invoices])
    return f"<sf:{tag}>\n{items}</sf:{tag}>\n"


def _rectified_amounts(amounts: RectifiedAmounts) -> str:
    surcharge = amounts.surcharge_quota
    return (
        "<sf:ImporteRectificacion>\n"
        + _leaf("BaseRectificada", formats.amount(amounts.base))
        + _leaf("CuotaRectificada", formats.amount(amounts.quota))
        + ("" if surcharge is None else _leaf("CuotaRecargoRectificado", formats.amount(surcharge)))
        + "</sf:ImporteRectificacion>\n"
    )


def _party(tag: str, party: Party) -> str:
    """NombreRazon plus NIF or IDOtro, under `tag`."""
    return f"<sf:{tag}>\n{_leaf('NombreRazon', _text(party.name))}{_identity(party)}</sf:{tag}>\n"


def _identity(party: Party) -> str:
    if party.nif is not None:
        return _leaf("NIF", _text(party.nif))
    other = party.foreign_id
    assert other is not None  # Party guarantees exactly one of the two
    country = "" if other.country is None else _leaf("CodigoPais", _text(other.country))
    return (
        f"<sf:IDOtro>\n{country}{_leaf('IDType', other.id_type)}"
        f"{_leaf('ID', _text(other.identifier))}</sf:IDOtro>\n"
    )


def _breakdown_line(line: BreakdownLine) -> str:
    """One template with optional pieces: this is the innermost loop of a submission."""
    amount, rate = formats.amount, formats.rate
    regime = "" if line.regime is None else f"<sf:ClaveRegimen>{line.regime}</sf:ClaveRegimen>\n"
    if line.qualification is not None:
        kind = f"<sf:CalificacionOperacion>{line.qualification}</sf:CalificacionOperacion>\n"
    else:
        kind = f"<sf:OperacionExenta>{line.exemption}</sf:OperacionExenta>\n"
    tax_rate = "" if line.rate is None else _leaf("TipoImpositivo", rate(line.rate))
    at_cost = line.base_at_cost
    at_cost_text = "" if at_cost is None else _leaf("BaseImponibleACoste", amount(at_cost))
    quota = "" if line.quota is None else _leaf("CuotaRepercutida", amount(line.quota))
    surcharge = ""
    if line.surcharge_rate is not None:
        surcharge = _leaf("TipoRecargoEquivalencia", rate(line.surcharge_rate))
    if line.surcharge_quota is not None:
        surcharge += _leaf("CuotaRecargoEquivalencia", amount(line.surcharge_quota))
    return (
        f"<sf:DetalleDesglose>\n<sf:Impuesto>{line.tax}</sf:Impuesto>\n{regime}{kind}{tax_rate}"
        f"<sf:BaseImponibleOimporteNoSujeto>{amount(line.base)}</sf:BaseImponibleOimporteNoSujeto>\n"
        f"{at_cost_text}{quota}{surcharge}</sf:DetalleDesglose>\n"
    )


def _chain(previous: PreviousRecord | None) -> str:
    if previous is None:
        return (
            "<sf:Encadenamiento>\n<sf:PrimerRegistro>S</sf:PrimerRegistro>\n</sf:Encadenamiento>\n"
        )
    return (
        f"<sf:Encadenamiento>\n<sf:RegistroAnterior>\n{_id_fields(previous.invoice)}"
        f"<sf:Huella>{_text(previous.huella)}</sf:Huella>\n"
        "</sf:RegistroAnterior>\n</sf:Encadenamiento>\n"
    )


@lru_cache(maxsize=256)
def _system(system: SoftwareSystem) -> str:
    """The same block in every record of an installation, so it is rendered once."""
    producer = system.producer
    return "".join(
        (
            "<sf:SistemaInformatico>\n",
            _leaf("NombreRazon", _text(producer.name)),
            _identity(producer),
            _leaf("NombreSistemaInformatico", _text(system.name)),
            _leaf("IdSistemaInformatico", _text(system.system_id)),
            _leaf("Version", _text(system.version)),
            _leaf("NumeroInstalacion", _text(system.installation_number)),
            _leaf("TipoUsoPosibleSoloVerifactu", _yes_no(system.only_verifactu)),
            _leaf("TipoUsoPosibleMultiOT", _yes_no(system.multi_taxpayer_capable)),
            _leaf("IndicadorMultiplesOT", _yes_no(system.multiple_taxpayers)),
            "</sf:SistemaInformatico>\n",
        )
    )


def _hash(hash_type: HashType, huella: str) -> str:
    return f"<sf:TipoHuella>{hash_type}</sf:TipoHuella>\n<sf:Huella>{_text(huella)}</sf:Huella>\n"


def _leaf(tag: str, text: str) -> str:
    """One element with already-escaped text."""
    return f"<sf:{tag}>{text}</sf:{tag}>\n"


def _yes_no(flag: bool) -> str:
    return "S" if flag else "N"


def _text(value: str) -> str:
    """Escape XML text; characters XML 1.0 cannot carry at all are refused, not dropped."""
    if _SPECIAL.search(value) is None:
        return value
    return _SPECIAL.sub(_escape, value)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _ESCAPES:
        return _ESCAPES[char]
    raise ValueError(f"character U+{ord(char):04X} cannot appear in XML text")

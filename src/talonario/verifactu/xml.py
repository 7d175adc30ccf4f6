"""Records and submissions as AEAT XML: the only module that speaks AEAT's Spanish tag names.

A string renderer, not a tree builder: element order is the XSD sequence, values come from
`formats` (the same text the huella hashes) and every free text is escaped. Building the same
elements with lxml measured five times slower (10k vs 50k one-line altas per second), and the
golden tests validate this output against AEAT's XSD. One element per line, no indentation:
readable diffs, and the same text at any depth.
"""

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
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
_SF_BINDING = f' xmlns:sf="{NS_SF}"'
_SPECIAL = re.compile(r"[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"}

_Out = Callable[[str], None]


def record_element(record: Record) -> str:
    """`<sf:RegistroAlta>` or `<sf:RegistroAnulacion>` without namespace declarations, to be
    placed inside a document that binds the `sf` prefix (a submission does)."""
    parts: list[str] = []
    _record(record, parts.append, "")
    return "".join(parts)


def record_document(record: Record) -> bytes:
    """The record as a standalone UTF-8 document (valid against SuministroInformacion.xsd), the
    form to store. Rendering is deterministic: a record always gives the same text, here and
    inside a submission."""
    parts = [_DECLARATION]
    _record(record, parts.append, _SF_BINDING)  # the root element binds the `sf` prefix
    return "".join(parts).encode("utf-8")


def submission_document(header: SubmissionHeader, records: Sequence[Record]) -> bytes:
    """`sum:RegFactuSistemaFacturacion`: the Cabecera and 1 to 1000 records of one taxpayer,
    in generation order (valid against SuministroLR.xsd)."""
    _check_batch(header, records)

    def write(out: _Out) -> None:
        for record in records:
            # Straight into the document's parts: no intermediate string per record.
            out("<sum:RegistroFactura>\n")
            _record(record, out, "")
            out("</sum:RegistroFactura>\n")

    return _submission(header, write)


def _submission(header: SubmissionHeader, write_records: Callable[[_Out], None]) -> bytes:
    parts = [
        _DECLARATION,
        f'<sum:RegFactuSistemaFacturacion xmlns:sum="{NS_SUM}"{_SF_BINDING}>\n',
    ]
    _header(header, parts.append)
    write_records(parts.append)
    parts.append("</sum:RegFactuSistemaFacturacion>\n")
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
    if header.requirement_ref is not None:
        out("<sf:RemisionRequerimiento>\n")
        out(_leaf("RefRequerimiento", _text(header.requirement_ref)))
        if header.requirement_end is not None:
            out(_leaf("FinRequerimiento", _yes_no(header.requirement_end)))
        out("</sf:RemisionRequerimiento>\n")
    out("</sum:Cabecera>\n")


def _record(record: Record, out: _Out, binding: str) -> None:
    """The record's element; `binding` goes into its start tag (the `sf` namespace declaration
    of a standalone document, or nothing inside a submission)."""
    if not record.huella:
        raise ValueError("the record has no huella yet: hashing.seal() it before rendering")
    if isinstance(record, RegistrationRecord):
        _registration(record, out, binding)
    else:
        _cancellation(record, out, binding)


def _registration(r: RegistrationRecord, out: _Out, binding: str) -> None:
    # The mandatory elements are written as a few large templates and the optional ones as
    # they come: fewer calls in the loop that renders a 1,000-record submission. Codes are
    # written from `_value_`, as in _breakdown_line.
    out(
        f"<sf:RegistroAlta{binding}>\n<sf:IDVersion>1.0</sf:IDVersion>\n"
        f"<sf:IDFactura>\n{_id_fields(r.invoice)}</sf:IDFactura>\n"
    )
    if r.external_ref is not None:
        out(_leaf("RefExterna", _text(r.external_ref)))
    out(f"<sf:NombreRazonEmisor>{_text(r.issuer_name)}</sf:NombreRazonEmisor>\n")
    if r.correction:
        out("<sf:Subsanacion>S</sf:Subsanacion>\n")
    if r.previous_rejection is not None:
        out(_leaf("RechazoPrevio", r.previous_rejection))
    out(f"<sf:TipoFactura>{r.invoice_type._value_}</sf:TipoFactura>\n")
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
    out(f"<sf:DescripcionOperacion>{_text(r.description)}</sf:DescripcionOperacion>\n")
    _flags_and_parties(r, out)
    amount = formats.amount
    out(
        f"<sf:Desglose>\n{''.join([_breakdown_line(line) for line in r.breakdown])}"
        f"</sf:Desglose>\n<sf:CuotaTotal>{amount(r.total_tax)}</sf:CuotaTotal>\n"
        f"<sf:ImporteTotal>{amount(r.total_amount)}</sf:ImporteTotal>\n"
        f"{_chain(r.previous)}{_system(r.system)}<sf:FechaHoraHusoGenRegistro>"
        f"{formats.timestamp(r.generated_at)}</sf:FechaHoraHusoGenRegistro>\n"
    )
    if r.billing_agreement is not None:
        out(_leaf("NumRegistroAcuerdoFacturacion", _text(r.billing_agreement)))
    if r.system_agreement is not None:
        out(_leaf("IdAcuerdoSistemaInformatico", _text(r.system_agreement)))
    out(f"{_hash(r.hash_type, r.huella)}</sf:RegistroAlta>\n")


def _cancellation(r: CancellationRecord, out: _Out, binding: str) -> None:
    invoice = r.invoice
    out(f"<sf:RegistroAnulacion{binding}>\n<sf:IDVersion>1.0</sf:IDVersion>\n<sf:IDFactura>\n")
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
    name = _text(party.name)
    return f"<sf:{tag}>\n<sf:NombreRazon>{name}</sf:NombreRazon>\n{_identity(party)}</sf:{tag}>\n"


def _identity(party: Party) -> str:
    if party.nif is not None:
        return f"<sf:NIF>{_text(party.nif)}</sf:NIF>\n"
    other = party.foreign_id
    assert other is not None  # Party guarantees exactly one of the two
    country = "" if other.country is None else _leaf("CodigoPais", _text(other.country))
    return (
        f"<sf:IDOtro>\n{country}{_leaf('IDType', other.id_type)}"
        f"{_leaf('ID', _text(other.identifier))}</sf:IDOtro>\n"
    )


def _breakdown_line(line: BreakdownLine) -> str:
    """One template with optional pieces: this is the innermost loop of a submission. The
    pieces are made first and the template joins them once (no growing string); the usual
    ones are written inline, without a call to _leaf.

    Codes are written from `_value_`: the text of the member, without the cost of formatting
    an enum (a str subclass) in the f-string, three times per line.
    """
    amount, rate = formats.amount, formats.rate
    regime = line.regime
    regime_text = "" if regime is None else f"<sf:ClaveRegimen>{regime._value_}</sf:ClaveRegimen>\n"
    if line.qualification is not None:
        qualification = line.qualification._value_
        kind = f"<sf:CalificacionOperacion>{qualification}</sf:CalificacionOperacion>\n"
    else:
        assert line.exemption is not None  # BreakdownLine guarantees exactly one of the two
        kind = f"<sf:OperacionExenta>{line.exemption._value_}</sf:OperacionExenta>\n"
    tax_rate = (
        "" if line.rate is None else f"<sf:TipoImpositivo>{rate(line.rate)}</sf:TipoImpositivo>\n"
    )
    base = amount(line.base)
    at_cost = (
        "" if line.base_at_cost is None else _leaf("BaseImponibleACoste", amount(line.base_at_cost))
    )
    quota = (
        ""
        if line.quota is None
        else f"<sf:CuotaRepercutida>{amount(line.quota)}</sf:CuotaRepercutida>\n"
    )
    surcharge_rate = (
        ""
        if line.surcharge_rate is None
        else _leaf("TipoRecargoEquivalencia", rate(line.surcharge_rate))
    )
    surcharge_quota = (
        ""
        if line.surcharge_quota is None
        else _leaf("CuotaRecargoEquivalencia", amount(line.surcharge_quota))
    )
    return (
        f"<sf:DetalleDesglose>\n<sf:Impuesto>{line.tax._value_}</sf:Impuesto>\n{regime_text}{kind}"
        f"{tax_rate}<sf:BaseImponibleOimporteNoSujeto>{base}</sf:BaseImponibleOimporteNoSujeto>\n"
        f"{at_cost}{quota}{surcharge_rate}{surcharge_quota}"
        "</sf:DetalleDesglose>\n"
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
    return (
        f"<sf:TipoHuella>{hash_type._value_}</sf:TipoHuella>\n"
        f"<sf:Huella>{_text(huella)}</sf:Huella>\n"
    )


def _leaf(tag: str, text: str) -> str:
    """One element with already-escaped text."""
    return f"<sf:{tag}>{text}</sf:{tag}>\n"


def _yes_no(flag: bool) -> str:
    return "S" if flag else "N"


def _text(value: str) -> str:
    """Escape XML text; characters XML 1.0 cannot carry at all are refused, not dropped."""
    # Fast path, ten times per record: printable text (no control characters, surrogates or
    # non-characters) without & < > has nothing _SPECIAL matches, and these checks run several
    # times faster than the regex's character class.
    if value.isprintable() and "&" not in value and "<" not in value and ">" not in value:
        return value
    if _SPECIAL.search(value) is None:
        return value
    return _SPECIAL.sub(_escape, value)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _ESCAPES:
        return _ESCAPES[char]
    raise ValueError(f"character U+{ord(char):04X} cannot appear in XML text")


def submission_of_stored(header: SubmissionHeader, documents: Sequence[str]) -> bytes:
    """A submission of records already stored as standalone documents (`record_document`), so
    what leaves is exactly what was sealed and stored: the same element text, its `sf` binding
    moved up to the submission."""
    if not 1 <= len(documents) <= MAX_RECORDS:
        raise ValueError(f"a submission carries 1 to {MAX_RECORDS} records, not {len(documents)}")

    def write(out: _Out) -> None:
        for document in documents:
            out(_stored_entry(document))

    return _submission(header, write)


def stored_submission_parts(
    header: SubmissionHeader, pages: Iterable[Sequence[str]]
) -> Iterator[bytes]:
    """The document `submission_of_stored` makes, in pieces: the opening and Cabecera, one
    piece per page of stored records, the closing tag. For streaming a long chain without
    holding it; the caller bounds it to 1 to 1000 records (a count checked as it goes, so a
    wrong caller ends the document short of valid rather than past AEAT's limit)."""
    parts = [
        _DECLARATION,
        f'<sum:RegFactuSistemaFacturacion xmlns:sum="{NS_SUM}"{_SF_BINDING}>\n',
    ]
    _header(header, parts.append)
    yield "".join(parts).encode("utf-8")
    count = 0
    for documents in pages:
        count += len(documents)
        if count > MAX_RECORDS:
            raise ValueError(f"a submission carries at most {MAX_RECORDS} records")
        yield "".join([_stored_entry(document) for document in documents]).encode("utf-8")
    if not count:
        raise ValueError("a submission carries at least one record")
    yield b"</sum:RegFactuSistemaFacturacion>\n"


def _stored_entry(document: str) -> str:
    """A stored standalone record as a RegistroFactura: its `sf` binding left to the root."""
    element = document.removeprefix(_DECLARATION).replace(_SF_BINDING, "", 1)
    return f"<sum:RegistroFactura>\n{element}</sum:RegistroFactura>\n"

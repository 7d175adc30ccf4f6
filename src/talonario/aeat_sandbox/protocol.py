"""The sandbox's side of the SOAP exchange: read and check a request as AEAT does before any
record is looked at (well-formed, SOAP 1.1, schema, at most 1000 records), and write faults.

A request that fails here is answered with a SOAP Client fault `Codigo[NNNN].text`, the whole
submission rejected, exactly as AEAT answers (spec §8.4, §8.7 A).
"""

from dataclasses import dataclass
from enum import StrEnum

from lxml import etree

from talonario.aeat_sandbox.codes import Code, description
from talonario.verifactu import xsd
from talonario.verifactu.responses import NS_QUERY
from talonario.verifactu.xml import MAX_RECORDS, NS_SOAP, NS_SUM

MAX_BODY_BYTES = 64 * 1024 * 1024  # 1000 records are a few MB; anything far larger is abuse


class Operation(StrEnum):
    """The two operations of the WSDL's sfVerifactu binding, by their input element."""

    SUBMIT = "RegFactuSistemaFacturacion"
    QUERY = "ConsultaFactuSistemaFacturacion"


_OPERATIONS = {
    f"{{{NS_SUM}}}{Operation.SUBMIT}": (Operation.SUBMIT, xsd.Schema.SUBMISSION),
    f"{{{NS_QUERY}}}{Operation.QUERY}": (Operation.QUERY, xsd.Schema.QUERY),
}


class RequestFault(Exception):
    """The request is answered with a SOAP fault: `Client` (fix it) or `Server` (retry)."""

    def __init__(self, code: int, detail: str = "", *, server: bool = False) -> None:
        text = description(code) + (f": {detail}" if detail else "")
        super().__init__(text)
        self.code = code
        self.text = text
        self.server = server


@dataclass(frozen=True, slots=True)
class Request:
    operation: Operation
    body: etree._Element  # the operation's element, valid against its schema


def read_request(raw: bytes) -> Request:
    """The operation and its document, or RequestFault."""
    if not raw.strip():
        raise RequestFault(Code.EMPTY)
    if len(raw) > MAX_BODY_BYTES:
        raise RequestFault(Code.SCHEMA, f"more than {MAX_BODY_BYTES} bytes")
    parser = etree.XMLParser(no_network=True, resolve_entities=False, huge_tree=True)
    try:
        root = etree.fromstring(raw, parser)
    except etree.XMLSyntaxError as exc:
        raise RequestFault(Code.MALFORMED, str(exc)) from None
    body = root.find(f"{{{NS_SOAP}}}Body")
    if root.tag != f"{{{NS_SOAP}}}Envelope" or body is None:
        raise RequestFault(Code.SCHEMA, "not a SOAP 1.1 envelope")
    children = [child for child in body if isinstance(child.tag, str)]
    if len(children) != 1 or children[0].tag not in _OPERATIONS:
        raise RequestFault(Code.SCHEMA, "the body holds no operation of the service")
    document = children[0]
    operation, schema = _OPERATIONS[document.tag]
    if operation is Operation.SUBMIT:
        count = len(document.findall(f"{{{NS_SUM}}}RegistroFactura"))
        if count > MAX_RECORDS:
            raise RequestFault(Code.TOO_MANY_RECORDS, f"{count} registros")
    compiled = xsd.load(schema)
    if not compiled.validate(document):
        first = compiled.error_log[0]
        raise RequestFault(Code.SCHEMA, f"línea {first.line}: {first.message}")
    return Request(operation, document)


def fault_envelope(fault: RequestFault) -> bytes:
    """A SOAP 1.1 Fault; faultcode and faultstring are unqualified, as SOAP 1.1 wants."""
    envelope = etree.Element(f"{{{NS_SOAP}}}Envelope", nsmap={"env": NS_SOAP})
    body = etree.SubElement(envelope, f"{{{NS_SOAP}}}Body")
    element = etree.SubElement(body, f"{{{NS_SOAP}}}Fault")
    etree.SubElement(element, "faultcode").text = "env:Server" if fault.server else "env:Client"
    etree.SubElement(element, "faultstring").text = f"Codigo[{fault.code}].{fault.text}"
    return etree.tostring(envelope, xml_declaration=True, encoding="UTF-8")


def envelope(answer: etree._Element) -> bytes:
    """`answer` inside a SOAP 1.1 envelope."""
    root = etree.Element(f"{{{NS_SOAP}}}Envelope", nsmap={"env": NS_SOAP})
    etree.SubElement(root, f"{{{NS_SOAP}}}Header")
    etree.SubElement(root, f"{{{NS_SOAP}}}Body").append(answer)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")

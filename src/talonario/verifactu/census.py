"""AEAT's identification census: is this NIF in AEAT's census, and under this name?

The "Servicio web de Calidad de datos identificativos" (VNifV2) is how a billing system checks
a recipient before naming it in a record (a record with an unknown recipient NIF is refused or
accepted with errors). SOAP 1.1 document/literal with an empty SOAPAction, over mutual TLS with a
certificate AEAT's sede accepts (a personal or representative one at www1, a seal at www10).

* The request `VNifV2Ent` holds 1 to 10,000 `Contribuyente` {`Nif`, `Nombre`}, namespace
  `…/burt/jdit/ws/VNifV2Ent.xsd`.
* The answer `VNifV2Sal` holds one `Contribuyente` {`Nif`, `Nombre`, `Resultado`} per one asked,
  namespace `…/VNifV2Sal.xsd`. For a natural person AEAT compares the name (tolerating small
  differences) and answers it as sent; an entity is identified by its NIF and answered with the
  name of its census entry.

AEAT keeps no test copy of the census: checks go to the production hosts whatever the
company's VERI*FACTU environment. Like the rest of this package it is pure: the caller gives
the endpoint, the TLS context or a transport.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from lxml import etree

from talonario.verifactu.client import AeatClient, CertificateKind, TransientError
from talonario.verifactu.responses import UnexpectedAnswer
from talonario.verifactu.xml import soap_envelope

_WS = (
    "http://www2.agenciatributaria.gob.es/static_files/common/internet/dep/aplicaciones"
    "/es/aeat/burt/jdit/ws/"
)
NS_REQUEST = _WS + "VNifV2Ent.xsd"
NS_ANSWER = _WS + "VNifV2Sal.xsd"
MAX_TAXPAYERS = 10_000  # Contribuyente maxOccurs of VNifV2Ent

_PATH = "/wlpl/BURT-JDIT/ws/VNifV2SOAP"
ENDPOINTS = {
    CertificateKind.PERSONAL: "https://www1.agenciatributaria.gob.es" + _PATH,
    CertificateKind.SEAL: "https://www10.agenciatributaria.gob.es" + _PATH,
}


class Resultado(StrEnum):
    """What AEAT answers for one Contribuyente (the manual's values; AEAT writes them in mixed
    case at times, e.g. "No identificado -similar": `resultado()` reads any spelling)."""

    IDENTIFIED = "IDENTIFICADO"  # the NIF is in the census (a person's: under that name)
    NOT_IDENTIFIED = "NO IDENTIFICADO"  # not in the census, or not under that name
    SIMILAR = "NO IDENTIFICADO-SIMILAR"  # a person's NIF whose name is only close; AEAT's name
    DEREGISTERED = "IDENTIFICADO-BAJA"  # in the census, deregistered (baja)
    REVOKED = "IDENTIFICADO-REVOCADO"  # in the census, its NIF revoked (no longer valid)
    NOT_PROCESSED = "NO PROCESADO"  # AEAT could not look now: ask again later
    NOT_IDENTIFIABLE = "NO IDENTIFICABLE"  # too little to look the NIF up by


def resultado(text: str) -> Resultado:
    """`Resultado` in any case and spacing ("No identificado -similar" included)."""
    words = " ".join(text.upper().split()).replace(" -", "-").replace("- ", "-")
    try:
        return Resultado(words)
    except ValueError:
        raise UnexpectedAnswer(f"unknown Resultado {text[:60]!r}") from None


@dataclass(frozen=True, slots=True)
class Taxpayer:
    """A Contribuyente asked about: the NIF and the name (empty for an entity, if unknown)."""

    nif: str
    name: str = ""


@dataclass(frozen=True, slots=True)
class Identification:
    """A Contribuyente answered."""

    nif: str
    name: str
    result: Resultado


def request_document(taxpayers: Sequence[Taxpayer]) -> etree._Element:
    """VNifV2Ent asking about `taxpayers`."""
    if not 1 <= len(taxpayers) <= MAX_TAXPAYERS:
        raise ValueError(f"VNifV2Ent asks about 1 to {MAX_TAXPAYERS} taxpayers")
    root = etree.Element(f"{{{NS_REQUEST}}}VNifV2Ent", nsmap={"vnif": NS_REQUEST})
    for taxpayer in taxpayers:
        _row(root, NS_REQUEST, Nif=taxpayer.nif, Nombre=taxpayer.name)
    return root


def read_request(element: etree._Element) -> list[Taxpayer]:
    """The taxpayers a VNifV2Ent asks about; ValueError when it is not one (the sandbox)."""
    if element.tag != f"{{{NS_REQUEST}}}VNifV2Ent":
        raise ValueError(f"the body holds {element.tag}, not VNifV2Ent")
    asked = []
    for row in element:
        if not isinstance(row.tag, str):
            continue
        if row.tag != f"{{{NS_REQUEST}}}Contribuyente":
            raise ValueError(f"unexpected element {row.tag} in VNifV2Ent")
        nif = row.find(f"{{{NS_REQUEST}}}Nif")
        name = row.find(f"{{{NS_REQUEST}}}Nombre")
        if nif is None or name is None:
            raise ValueError("a Contribuyente needs Nif and Nombre")
        asked.append(Taxpayer((nif.text or "").strip(), " ".join((name.text or "").split())))
    if not 1 <= len(asked) <= MAX_TAXPAYERS:
        raise ValueError(f"VNifV2Ent asks about 1 to {MAX_TAXPAYERS} taxpayers")
    return asked


def answer_document(rows: Sequence[Identification]) -> etree._Element:
    """VNifV2Sal answering `rows` (the sandbox)."""
    root = etree.Element(f"{{{NS_ANSWER}}}VNifV2Sal", nsmap={"VNifV2Sal": NS_ANSWER})
    for row in rows:
        _row(root, NS_ANSWER, Nif=row.nif, Nombre=row.name, Resultado=row.result.value)
    return root


def read_answer(element: etree._Element) -> list[Identification]:
    """The Contribuyente rows of a VNifV2Sal; UnexpectedAnswer when it is not one."""
    if element.tag != f"{{{NS_ANSWER}}}VNifV2Sal":
        raise UnexpectedAnswer(f"expected VNifV2Sal, got {element.tag}")
    rows = [
        Identification(
            nif=(row.findtext(f"{{{NS_ANSWER}}}Nif") or "").strip(),
            name=" ".join((row.findtext(f"{{{NS_ANSWER}}}Nombre") or "").split()),
            result=resultado(row.findtext(f"{{{NS_ANSWER}}}Resultado") or ""),
        )
        for row in element.iterfind(f"{{{NS_ANSWER}}}Contribuyente")
    ]
    if not rows:
        raise UnexpectedAnswer("VNifV2Sal answers no Contribuyente")
    return rows


class CensusClient(AeatClient):
    """The census at one endpoint, with AeatClient's transport and failure kinds (a fault,
    timeout or HTTP error is a TransientError or a PermanentError; an answer that is not a
    VNifV2Sal, a TransientError)."""

    def __init__(self, url: str, *, headers: dict[str, str] | None = None, **kw: Any) -> None:
        super().__init__(url, **kw)
        self._http.headers.update(headers or {})

    def identify(self, nif: str, name: str = "") -> Identification:
        """AEAT's answer for one NIF and name."""
        document = etree.tostring(request_document([Taxpayer(nif, name)]), encoding="unicode")
        element, raw = self._exchange(soap_envelope(document.encode("utf-8")))
        try:
            rows = read_answer(element)
        except UnexpectedAnswer as exc:
            raise TransientError(str(exc), http_status=200, raw=raw) from None
        return next((row for row in rows if row.nif == nif), rows[0])


def _row(parent: etree._Element, ns: str, **fields: str) -> None:
    row = etree.SubElement(parent, f"{{{ns}}}Contribuyente")
    for tag, text in fields.items():
        etree.SubElement(row, f"{{{ns}}}{tag}").text = text

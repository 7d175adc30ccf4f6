"""The sandbox's stand-ins for AEAT's identification census (VNifV2) and the EU's VIES, offline.

    POST /VNifV2SOAP        VNifV2Ent -> VNifV2Sal (verifactu/census.py)
    POST /checkVatService   checkVat -> checkVatResponse (verifactu/vies.py)

Every answer follows from the number asked, so tests and demos can reach each one:

Census (any name; a name is answered upper-cased, as AEAT holds it):
    00000001R   NO IDENTIFICADO
    00000002W   NO IDENTIFICADO-SIMILAR, AEAT's name SIMILAR_NAME (asked under that name:
                IDENTIFICADO)
    00000003A   IDENTIFICADO-BAJA (deregistered)
    00000004G   IDENTIFICADO-REVOCADO (its NIF revoked)
    00000005M   NO PROCESADO (AEAT could not look: ask later)
    any other valid NIF   IDENTIFICADO under the name asked (none asked: DEFAULT_NAME)
    a NIF with a wrong check character   NO IDENTIFICADO
VIES:
    DE100000008   valid false (not registered)
    DE100000016   fault MS_UNAVAILABLE (the member state's register does not answer)
    DE100000024   valid, name and address not shared (`---`, as Germany answers)
    any other valid EU VAT number   valid, VIES_NAME at VIES_ADDRESS
    a country code VIES does not know (GR: Greece's is EL)   fault INVALID_INPUT

The switches `census_unavailable` and `vies_unavailable` of the control API (faults.py) make
the next requests fail: the census with a SOAP Server fault, VIES with MS_UNAVAILABLE, both HTTP
500. A switch a company's key sets hits only the requests that company's server sends: they
name the asking company's NIF in CALLER_HEADER (AEAT knows the caller by its certificate).
"""

import threading
from datetime import datetime
from zoneinfo import ZoneInfo

import httpx
from lxml import etree
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from stdnum.eu.vat import MEMBER_STATES

from talonario.aeat_sandbox import faults
from talonario.aeat_sandbox.faults import FaultKind
from talonario.aeat_sandbox.store import store_of
from talonario.db import Database
from talonario.kit.taxid import eu_vat_number, spanish_nif
from talonario.verifactu import census, vies
from talonario.verifactu.census import Identification, Resultado, Taxpayer
from talonario.verifactu.xml import NS_SOAP

CENSUS_PATH = "/VNifV2SOAP"
VIES_PATH = "/checkVatService"
CALLER_HEADER = "X-Sandbox-Caller-Nif"
_XML = "text/xml; charset=utf-8"

DEFAULT_NAME = "CONTRIBUYENTE DE PRUEBAS"
SIMILAR_NAME = "ESPAÑOL ESPAÑOL JUAN"
CENSUS_ANSWERS = {
    "00000001R": Resultado.NOT_IDENTIFIED,
    "00000002W": Resultado.SIMILAR,
    "00000003A": Resultado.DEREGISTERED,
    "00000004G": Resultado.REVOKED,
    "00000005M": Resultado.NOT_PROCESSED,
}
VAT_INVALID = "DE100000008"
VAT_MS_UNAVAILABLE = "DE100000016"
VAT_NOT_SHARED = "DE100000024"
VIES_NAME = "EMPRESA DE PRUEBAS VIES"
VIES_ADDRESS = "TESTSTRASSE 1, 10115 BERLIN"
# VIES's country codes: the member states' VAT prefixes (Greece EL) and Northern Ireland's XI.
VIES_COUNTRIES = frozenset("EL" if c == "gr" else c.upper() for c in MEMBER_STATES)

Answer = tuple[int, bytes]  # HTTP status and SOAP body


def identify(asked: Taxpayer) -> Identification:
    """The census's answer for one taxpayer."""
    nif = asked.nif.upper()
    name = asked.name.upper()
    try:
        nif = spanish_nif(nif)
    except ValueError:
        return Identification(nif, name, Resultado.NOT_IDENTIFIED)
    result = CENSUS_ANSWERS.get(nif, Resultado.IDENTIFIED)
    if result is Resultado.SIMILAR and name == SIMILAR_NAME:
        result = Resultado.IDENTIFIED
    elif result is Resultado.SIMILAR:
        name = SIMILAR_NAME
    elif result is not Resultado.NOT_IDENTIFIED:
        name = name or DEFAULT_NAME
    return Identification(nif, name, result)


def check_vat(country: str, number: str) -> vies.VatCheck | str:
    """VIES's answer for one VAT number, or the faultstring it answers instead."""
    if country not in VIES_COUNTRIES or not number:
        return vies.INVALID_INPUT
    full = country + number
    if full == VAT_MS_UNAVAILABLE:
        return "MS_UNAVAILABLE"
    now = datetime.now(ZoneInfo("Europe/Brussels")).isoformat()
    date = now[:10] + now[-6:]  # as VIES writes requestDate: 2026-12-07+01:00
    try:
        eu_vat_number(full)
    except ValueError:
        return vies.VatCheck(country, number, False, None, None, date)
    if full == VAT_INVALID:
        return vies.VatCheck(country, number, False, None, None, date)
    if full == VAT_NOT_SHARED:
        return vies.VatCheck(country, number, True, None, None, date)
    return vies.VatCheck(country, number, True, VIES_NAME, VIES_ADDRESS, date)


def census_answer(store: Database, raw: bytes, caller: str | None) -> Answer:
    if _switched(store, FaultKind.CENSUS_UNAVAILABLE, caller):
        return 500, _fault("Server", "Servicio no disponible temporalmente (sandbox)")
    try:
        asked = census.read_request(_body(raw))
    except ValueError as exc:
        return 500, _fault("Client", f"Petición incorrecta: {exc}")
    return 200, _envelope(census.answer_document([identify(row) for row in asked]))


def vies_answer(store: Database, raw: bytes, caller: str | None) -> Answer:
    if _switched(store, FaultKind.VIES_UNAVAILABLE, caller):
        return 500, _fault("Server", "MS_UNAVAILABLE")
    try:
        country, number = vies.read_request(_body(raw))
    except ValueError:
        return 500, _fault("Server", vies.INVALID_INPUT)
    found = check_vat(country, number)
    if isinstance(found, str):
        return 500, _fault("Server", found)
    return 200, _envelope(vies.answer_document(found))


def routes(store: Database) -> list[Route]:
    """The two SOAP endpoints, for the sandbox app (app.py)."""

    async def census_endpoint(request: Request) -> Response:
        raw, caller = await request.body(), request.headers.get(CALLER_HEADER)
        status, body = await run_in_threadpool(census_answer, store, raw, caller)
        return Response(body, status_code=status, media_type=_XML)

    async def vies_endpoint(request: Request) -> Response:
        raw, caller = await request.body(), request.headers.get(CALLER_HEADER)
        status, body = await run_in_threadpool(vies_answer, store, raw, caller)
        return Response(body, status_code=status, media_type=_XML)

    return [
        Route(CENSUS_PATH, census_endpoint, methods=["POST"]),
        Route(VIES_PATH, vies_endpoint, methods=["POST"]),
    ]


class LocalChecks(httpx.BaseTransport):
    """Both endpoints answered inside the calling process (as local.py answers VERI*FACTU for
    the worker): a server that mounts the sandbox asks its own census and VIES this way."""

    def __init__(self, db: Database) -> None:
        self._store = store_of(db)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        caller = request.headers.get(CALLER_HEADER)
        if request.method != "POST":
            status, body = 405, b""
        elif path.endswith(CENSUS_PATH):
            status, body = census_answer(self._store, request.read(), caller)
        elif path.endswith(VIES_PATH):
            status, body = vies_answer(self._store, request.read(), caller)
        else:
            status, body = 404, b""
        return httpx.Response(status, headers={"Content-Type": _XML}, content=body, request=request)


_transports: dict[int, LocalChecks] = {}
_lock = threading.Lock()


def local_transport(db: Database) -> LocalChecks:
    """One transport per database in a process (it keeps no state of its own)."""
    with _lock:
        found = _transports.get(id(db))
        if found is None:
            found = _transports[id(db)] = LocalChecks(db)
        return found


def _switched(store: Database, kind: FaultKind, caller: str | None) -> bool:
    with store.write_session() as session:
        used = faults.take(session, kind, caller)
        session.commit()
    return used is not None


def _body(raw: bytes) -> etree._Element:
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    try:
        root = etree.fromstring(raw, parser)
    except etree.XMLSyntaxError as exc:
        raise ValueError(f"not XML: {exc}") from None
    body = root.find(f"{{{NS_SOAP}}}Body")
    children = [] if body is None else [c for c in body if isinstance(c.tag, str)]
    if root.tag != f"{{{NS_SOAP}}}Envelope" or len(children) != 1:
        raise ValueError("not a SOAP 1.1 envelope with one operation")
    return children[0]


def _envelope(answer: etree._Element) -> bytes:
    root = etree.Element(f"{{{NS_SOAP}}}Envelope", nsmap={"env": NS_SOAP})
    etree.SubElement(root, f"{{{NS_SOAP}}}Body").append(answer)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _fault(code: str, text: str) -> bytes:
    # SOAP 1.1: faultcode and faultstring unqualified, answered with HTTP 500.
    root = etree.Element(f"{{{NS_SOAP}}}Envelope", nsmap={"env": NS_SOAP})
    fault = etree.SubElement(etree.SubElement(root, f"{{{NS_SOAP}}}Body"), f"{{{NS_SOAP}}}Fault")
    etree.SubElement(fault, "faultcode").text = f"env:{code}"
    etree.SubElement(fault, "faultstring").text = text
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")

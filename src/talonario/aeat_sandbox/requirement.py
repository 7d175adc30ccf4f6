"""The sandbox's requirement endpoint (WSDL service sfRequerimiento, `RequerimientoSOAP`): the
records of a NO VERI*FACTU system that AEAT asked for with a RefRequerimiento.

As AEAT answers (spec §3.2, §8.7 A, VAL §4.3.2):

* the Cabecera must carry `RemisionRequerimiento/RefRequerimiento` here (4125), alphanumeric
  (4133), with its FinRequerimiento (4129: the error list calls it mandatory, though the XSD
  lets it out), and must not carry them on the VERI*FACTU endpoint (4126, or 4130 for a
  FinRequerimiento there); RemisionVoluntaria is for VERI*FACTU systems only (4127). Only
  RegFactuSistemaFacturacion is served here.
* business-rule errors are admissible: the records must show what was kept, so a record that
  the VERI*FACTU endpoint would reject is answered `AceptadoConErrores` with the same code,
  except identification errors (a NIF or IDOtro), which still reject it.
* the voluntary and requirement systems are separate at AEAT (SWEB §6.6): nothing sent here is
  held with the records remitted to the VERI*FACTU endpoint, nor chained against them.
"""

import secrets
import string
from datetime import date

from lxml import etree

from talonario.aeat_sandbox import answers, checks
from talonario.aeat_sandbox.answers import Verdict
from talonario.aeat_sandbox.checks import Incoming
from talonario.aeat_sandbox.codes import Code, description
from talonario.aeat_sandbox.protocol import RequestFault, envelope
from talonario.aeat_sandbox.service import MAX_WAIT_SECONDS
from talonario.kit.clock import today_in, utcnow
from talonario.verifactu.xml import NS_SF, NS_SUM

PATH = "/RequerimientoSOAP"
_NS = {"sf": NS_SF, "sum": NS_SUM}
_REQUIREMENT = "sum:Cabecera/sf:RemisionRequerimiento"
# Identification errors stay rejections even under a requirement (VAL §4.3.2).
IDENTIFICATION = frozenset(
    {Code.ISSUER_NOT_HEADER, Code.COUNTRY_ES_ID_TYPE, Code.RECIPIENT_ID, Code.INTRA_EU_RECIPIENT}
)


def check_header(document: etree._Element, *, requirement: bool) -> None:
    """The Cabecera's remission block against the endpoint it was sent to, or RequestFault."""
    block = document.find(_REQUIREMENT, _NS)
    if requirement:
        if document.find("sum:Cabecera/sf:RemisionVoluntaria", _NS) is not None:
            raise RequestFault(Code.VOLUNTARY_NOT_VERIFACTU)
        ref = "" if block is None else block.findtext("sf:RefRequerimiento", "", _NS).strip()
        if not ref:
            raise RequestFault(Code.REQUIREMENT_REF_MISSING)
        if not ref.isascii() or not ref.isalnum():
            raise RequestFault(Code.REQUIREMENT_REF_FORMAT, ref)
        if block is not None and block.find("sf:FinRequerimiento", _NS) is None:
            raise RequestFault(Code.REQUIREMENT_END_MISSING)
        return
    if block is not None:
        if block.find("sf:FinRequerimiento", _NS) is not None:
            raise RequestFault(Code.REQUIREMENT_END_FORBIDDEN)
        raise RequestFault(Code.REQUIREMENT_REF_FORBIDDEN)


def answer(document: etree._Element, *, wait_seconds: int) -> bytes:
    """The answer to a schema-valid requirement submission whose header passed check_header."""
    header_nif = (document.findtext("sum:Cabecera/sf:ObligadoEmision/sf:NIF", "", _NS)).strip()
    if not checks.valid_nif(header_nif):
        raise RequestFault(Code.HEADER_NIF, header_nif)
    try:
        records = checks.read_records(document)
    except ValueError as exc:
        raise RequestFault(Code.DATE_FORMAT, str(exc)) from None
    today = today_in("Europe/Madrid")
    verdicts = [_verdict(record, header_nif, today) for record in records]
    now = utcnow()
    accepted = any(v.status != "Incorrecto" for v in verdicts)
    body = answers.submission(
        document,
        verdicts,
        wait_seconds=min(max(wait_seconds, 0), MAX_WAIT_SECONDS),
        csv=_csv() if accepted else None,
        presenter_nif=header_nif,
        presented_at=now,
    )
    return envelope(body)


def _verdict(record: Incoming, header_nif: str, today: date) -> Verdict:
    code = checks.rejection(record, header_nif, today)
    if code is not None and code in IDENTIFICATION:
        return Verdict(record, "Incorrecto", code, description(code))
    if code is None:
        code = checks.admissible(record)
    if code is None:
        return Verdict(record, "Correcto")
    return Verdict(record, "AceptadoConErrores", code, description(code))


def _csv() -> str:
    """A 16-character secure verification code, like AEAT's."""
    alphabet = string.ascii_uppercase + string.digits
    return "".join(secrets.choice(alphabet) for _ in range(16))

"""VIES, the EU's VAT Information Exchange System: is this EU VAT number valid now?

A recipient identified by an EU VAT number (IDOtro with IDType 02) is checked here, as a Spanish
NIF is in AEAT's census (census.py). The checkVatService is SOAP 1.1 document/literal, open to
anyone (no certificate), namespace `urn:ec.europa.eu:taxud:vies:services:checkVat:types`:

* `checkVat` {`countryCode` (the VAT prefix: EL for Greece, XI for Northern Ireland),
  `vatNumber` (without it)};
* `checkVatResponse` {`countryCode`, `vatNumber`, `requestDate`, `valid`, `name`, `address`},
  where a member state that shares no details answers `---` for both;
* a SOAP fault whose faultstring says why there is no answer: `INVALID_INPUT` (the request),
  `MS_UNAVAILABLE`, `TIMEOUT`, `SERVICE_UNAVAILABLE`, `MS_MAX_CONCURRENT_REQ`,
  `GLOBAL_MAX_CONCURRENT_REQ`, … (try again later).
"""

from dataclasses import dataclass
from typing import Any

from lxml import etree

from talonario.verifactu.client import AeatClient, AeatError, PermanentError, TransientError
from talonario.verifactu.responses import UnexpectedAnswer
from talonario.verifactu.xml import soap_envelope

NS = "urn:ec.europa.eu:taxud:vies:services:checkVat:types"
ENDPOINT = "https://ec.europa.eu/taxation_customs/vies/services/checkVatService"
NOT_SHARED = "---"  # name or address a member state does not give out
INVALID_INPUT = "INVALID_INPUT"


class InvalidInput(PermanentError):
    """VIES refuses the question itself (a country code it does not know, an empty number)."""


@dataclass(frozen=True, slots=True)
class VatCheck:
    country: str
    number: str
    valid: bool
    name: str | None  # None when VIES gives none (NOT_SHARED)
    address: str | None
    request_date: str | None


def request_document(country: str, number: str) -> etree._Element:
    root = etree.Element(f"{{{NS}}}checkVat", nsmap={"urn": NS})
    etree.SubElement(root, f"{{{NS}}}countryCode").text = country
    etree.SubElement(root, f"{{{NS}}}vatNumber").text = number
    return root


def read_request(element: etree._Element) -> tuple[str, str]:
    """(countryCode, vatNumber) of a checkVat; ValueError when it is not one (the sandbox)."""
    if element.tag != f"{{{NS}}}checkVat":
        raise ValueError(f"the body holds {element.tag}, not checkVat")
    country = (element.findtext(f"{{{NS}}}countryCode") or "").strip().upper()
    number = "".join((element.findtext(f"{{{NS}}}vatNumber") or "").split()).upper()
    return country, number


def answer_document(check: VatCheck) -> etree._Element:
    """checkVatResponse for `check` (the sandbox)."""
    root = etree.Element(f"{{{NS}}}checkVatResponse", nsmap={"ns2": NS})
    fields = {
        "countryCode": check.country,
        "vatNumber": check.number,
        "requestDate": check.request_date or "",
        "valid": "true" if check.valid else "false",
        "name": check.name or NOT_SHARED,
        "address": check.address or NOT_SHARED,
    }
    for tag, text in fields.items():
        etree.SubElement(root, f"{{{NS}}}{tag}").text = text
    return root


def read_answer(element: etree._Element) -> VatCheck:
    if element.tag != f"{{{NS}}}checkVatResponse":
        raise UnexpectedAnswer(f"expected checkVatResponse, got {element.tag}")
    valid = (element.findtext(f"{{{NS}}}valid") or "").strip().lower()
    if valid not in ("true", "false"):
        raise UnexpectedAnswer(f"checkVatResponse says valid={valid[:20]!r}")
    return VatCheck(
        country=(element.findtext(f"{{{NS}}}countryCode") or "").strip(),
        number=(element.findtext(f"{{{NS}}}vatNumber") or "").strip(),
        valid=valid == "true",
        name=_shared(element.findtext(f"{{{NS}}}name")),
        address=_shared(element.findtext(f"{{{NS}}}address")),
        request_date=(element.findtext(f"{{{NS}}}requestDate") or "").strip() or None,
    )


class ViesClient(AeatClient):
    """VIES at one endpoint, with AeatClient's transport and failure kinds; a fault saying
    INVALID_INPUT is an InvalidInput, any other fault a TransientError."""

    def __init__(
        self, url: str = ENDPOINT, *, headers: dict[str, str] | None = None, **kw: Any
    ) -> None:
        super().__init__(url, **kw)
        self._http.headers.update(headers or {})

    def check(self, country: str, number: str) -> VatCheck:
        document = etree.tostring(request_document(country, number), encoding="unicode")
        try:
            element, raw = self._exchange(soap_envelope(document.encode("utf-8")))
        except AeatError as exc:
            if INVALID_INPUT in exc.message:
                raise InvalidInput(exc.message, http_status=exc.http_status) from exc
            raise
        try:
            return read_answer(element)
        except UnexpectedAnswer as exc:
            raise TransientError(str(exc), http_status=200, raw=raw) from None


def _shared(text: str | None) -> str | None:
    value = " ".join((text or "").split())
    return None if value in ("", NOT_SHARED) else value

"""The sandbox's NIF census and VIES as any SOAP client meets them: AEAT's and the EU's message
shapes, the documented magic numbers, malformed requests and the fault switches."""

from typing import Any

import httpx
import pytest
from lxml import etree

from tests.aeat_sandbox.helpers import SandboxServer

ENT = (
    "http://www2.agenciatributaria.gob.es/static_files/common/internet/dep/aplicaciones"
    "/es/aeat/burt/jdit/ws/VNifV2Ent.xsd"
)
SAL = ENT.replace("VNifV2Ent", "VNifV2Sal")
VIES = "urn:ec.europa.eu:taxud:vies:services:checkVat:types"
SOAP = "http://schemas.xmlsoap.org/soap/envelope/"


def envelope(body: str, **namespaces: str) -> bytes:
    declared = "".join(f' xmlns:{prefix}="{uri}"' for prefix, uri in namespaces.items())
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="{SOAP}"'
        f"{declared}><soapenv:Header/><soapenv:Body>{body}</soapenv:Body></soapenv:Envelope>"
    ).encode()


def census(sandbox: SandboxServer, *taxpayers: tuple[str, str]) -> httpx.Response:
    rows = "".join(
        f"<vnif:Contribuyente><vnif:Nif>{nif}</vnif:Nif><vnif:Nombre>{name}</vnif:Nombre>"
        "</vnif:Contribuyente>"
        for nif, name in taxpayers
    )
    body = envelope(f"<vnif:VNifV2Ent>{rows}</vnif:VNifV2Ent>", vnif=ENT)
    return httpx.post(sandbox.base + "/VNifV2SOAP", content=body, timeout=10)


def check_vat(sandbox: SandboxServer, country: str, number: str) -> httpx.Response:
    body = envelope(
        f"<urn:checkVat><urn:countryCode>{country}</urn:countryCode>"
        f"<urn:vatNumber>{number}</urn:vatNumber></urn:checkVat>",
        urn=VIES,
    )
    return httpx.post(sandbox.base + "/checkVatService", content=body, timeout=10)


def rows(answer: httpx.Response) -> list[dict[str, Any]]:
    root = etree.fromstring(answer.content)
    out = root.find(f"{{{SOAP}}}Body/{{{SAL}}}VNifV2Sal")
    assert out is not None, answer.text
    return [{child.tag.split("}")[1]: child.text for child in row} for row in out]


def fault(answer: httpx.Response) -> tuple[str, str]:
    assert answer.status_code == 500, answer.text
    found = etree.fromstring(answer.content).find(f"{{{SOAP}}}Body/{{{SOAP}}}Fault")
    assert found is not None, answer.text
    return found.findtext("faultcode") or "", found.findtext("faultstring") or ""


def test_the_census_answers_each_taxpayer_asked(sandbox: SandboxServer) -> None:
    answer = census(
        sandbox,
        ("B65410011", "Cliente Ejemplo SL"),
        ("00000001R", "Nadie"),
        ("00000002W", "Juan Español"),
        ("00000003A", ""),
        ("00000004G", "Revocada SL"),
        ("00000005M", "Luego"),
        ("B65410012", "Mal Escrito SL"),
    )

    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/xml")
    assert rows(answer) == [
        {"Nif": "B65410011", "Nombre": "CLIENTE EJEMPLO SL", "Resultado": "IDENTIFICADO"},
        {"Nif": "00000001R", "Nombre": "NADIE", "Resultado": "NO IDENTIFICADO"},
        {
            "Nif": "00000002W",
            "Nombre": "ESPAÑOL ESPAÑOL JUAN",
            "Resultado": "NO IDENTIFICADO-SIMILAR",
        },
        {
            "Nif": "00000003A",
            "Nombre": "CONTRIBUYENTE DE PRUEBAS",
            "Resultado": "IDENTIFICADO-BAJA",
        },
        {"Nif": "00000004G", "Nombre": "REVOCADA SL", "Resultado": "IDENTIFICADO-REVOCADO"},
        {"Nif": "00000005M", "Nombre": "LUEGO", "Resultado": "NO PROCESADO"},
        {"Nif": "B65410012", "Nombre": "MAL ESCRITO SL", "Resultado": "NO IDENTIFICADO"},
    ]


@pytest.mark.parametrize(
    "body",
    [
        b"not xml",
        envelope("<vnif:VNifV2Ent/>", vnif=ENT),  # nobody asked about
        envelope("<vnif:Otro/>", vnif=ENT),
        envelope(
            "<vnif:VNifV2Ent><vnif:Contribuyente><vnif:Nif>B65410011</vnif:Nif>"
            "</vnif:Contribuyente></vnif:VNifV2Ent>",
            vnif=ENT,
        ),  # no Nombre
    ],
)
def test_a_malformed_census_request_is_a_client_fault(sandbox: SandboxServer, body: bytes) -> None:
    answer = httpx.post(sandbox.base + "/VNifV2SOAP", content=body, timeout=10)
    code, _ = fault(answer)
    assert code == "env:Client"


def test_vies_answers_the_documented_numbers(sandbox: SandboxServer) -> None:
    def read(answer: httpx.Response) -> dict[str, Any]:
        assert answer.status_code == 200, answer.text
        found = etree.fromstring(answer.content).find(f"{{{SOAP}}}Body/{{{VIES}}}checkVatResponse")
        assert found is not None, answer.text
        return {child.tag.split("}")[1]: child.text for child in found}

    valid = read(check_vat(sandbox, "DE", "100000032"))
    assert valid["valid"] == "true" and valid["name"] == "EMPRESA DE PRUEBAS VIES"
    assert (valid["countryCode"], valid["vatNumber"]) == ("DE", "100000032")
    assert valid["requestDate"] and valid["requestDate"][10] in "+-Z"
    assert read(check_vat(sandbox, "DE", "100000008"))["valid"] == "false"
    assert read(check_vat(sandbox, "DE", "100000033"))["valid"] == "false"  # bad checksum
    hidden = read(check_vat(sandbox, "DE", "100000024"))
    assert (hidden["valid"], hidden["name"], hidden["address"]) == ("true", "---", "---")
    assert read(check_vat(sandbox, "EL", "094259216"))["valid"] == "true"
    assert fault(check_vat(sandbox, "DE", "100000016")) == ("env:Server", "MS_UNAVAILABLE")
    assert fault(check_vat(sandbox, "GR", "094259216")) == ("env:Server", "INVALID_INPUT")


def test_the_switches_fail_the_next_requests_only(sandbox: SandboxServer) -> None:
    sandbox.fault(kind="census_unavailable")
    sandbox.fault(kind="vies_unavailable")
    try:
        assert fault(census(sandbox, ("B65410011", "X")))[0] == "env:Server"
        assert fault(check_vat(sandbox, "DE", "100000032")) == ("env:Server", "MS_UNAVAILABLE")
        assert census(sandbox, ("B65410011", "X")).status_code == 200
        assert check_vat(sandbox, "DE", "100000032").status_code == 200
    finally:
        sandbox.control("DELETE", "/control/faults")


def test_a_switch_scoped_to_a_nif_hits_only_that_caller(sandbox: SandboxServer) -> None:
    sandbox.fault(kind="census_unavailable", nif="B12345674")
    try:
        body = envelope(
            "<vnif:VNifV2Ent><vnif:Contribuyente><vnif:Nif>B65410011</vnif:Nif>"
            "<vnif:Nombre/></vnif:Contribuyente></vnif:VNifV2Ent>",
            vnif=ENT,
        )
        url = sandbox.base + "/VNifV2SOAP"
        assert httpx.post(url, content=body).status_code == 200  # nobody named
        other = {"X-Sandbox-Caller-Nif": "A58818501"}
        assert httpx.post(url, content=body, headers=other).status_code == 200
        caller = {"X-Sandbox-Caller-Nif": "B12345674"}
        assert httpx.post(url, content=body, headers=caller).status_code == 500
    finally:
        sandbox.control("DELETE", "/control/faults")

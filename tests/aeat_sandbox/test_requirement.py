"""The sandbox's requirement endpoint (RequerimientoSOAP) answers as AEAT does: a
RefRequerimiento is mandatory there (4125) and refused on the VERI*FACTU endpoint (4126, 4130
for a FinRequerimiento), business errors are admitted, identification errors are not, and
nothing sent under a requirement is held with the voluntary remission's records."""

from datetime import date
from decimal import Decimal as D

import httpx

from talonario.aeat_sandbox.requirement import PATH
from talonario.kit.clock import today_in
from talonario.verifactu import xsd
from talonario.verifactu.client import requirement_url
from talonario.verifactu.records import Party, Record, SubmissionHeader
from talonario.verifactu.xml import soap_envelope, submission_document
from tests.aeat_sandbox.helpers import SandboxServer, Taxpayer, vat_line
from tests.aeat_sandbox.test_sandbox import answer, fault_string, held, lines


def post_to(url: str, envelope: bytes) -> httpx.Response:
    headers = {"Content-Type": "text/xml; charset=utf-8", "SOAPAction": '""'}
    return httpx.post(url, content=envelope, headers=headers, timeout=10)


def required(
    taxpayer: Taxpayer, *records: Record, ref: str | None, end: bool | None = None
) -> bytes:
    header = SubmissionHeader(taxpayer=taxpayer.party, requirement_ref=ref, requirement_end=end)
    return soap_envelope(submission_document(header, records))


def test_the_requirement_endpoint_is_beside_the_verifactu_one(sandbox: SandboxServer) -> None:
    assert requirement_url(sandbox.url) == sandbox.base + PATH
    assert requirement_url(
        "https://prewww1.aeat.es/wlpl/TIKE-CONT/ws/SistemaFacturacion/VerifactuSOAP"
    ) == ("https://prewww1.aeat.es/wlpl/TIKE-CONT/ws/SistemaFacturacion/RequerimientoSOAP")


def test_a_requirement_with_its_ref_is_answered_and_business_errors_are_admitted(
    sandbox: SandboxServer,
) -> None:
    taxpayer = Taxpayer()
    records = (
        taxpayer.alta("F-0001"),
        # Rejected at the VERI*FACTU endpoint (1142); admitted under a requirement.
        taxpayer.alta(
            "F-0002",
            breakdown=(vat_line("100.00", quota="40.00"),),
            total_tax=D("40.00"),
            total_amount=D("140.00"),
        ),
        # An identification error still rejects the record (1239).
        taxpayer.alta("F-0003", recipients=(Party("CLIENTE SL", "B12345675"),)),
    )
    envelope = required(taxpayer, *records, ref="REQ2026000123", end=True)

    element = answer(post_to(requirement_url(sandbox.url), envelope), xsd.Schema.RESPONSE)

    assert lines(element) == [
        ("F-0001", "Correcto", None),
        ("F-0002", "AceptadoConErrores", "1142"),
        ("F-0003", "Incorrecto", "1239"),
    ]
    assert element.findtext("{*}EstadoEnvio") == "ParcialmenteCorrecto"
    assert len(element.findtext("{*}CSV") or "") == 16
    echoed = element.find("{*}Cabecera/{*}RemisionRequerimiento")
    assert echoed is not None and echoed.findtext("{*}RefRequerimiento") == "REQ2026000123"
    # The requirement system is not the voluntary one: nothing is held for remission.
    assert held(sandbox, taxpayer) == {}


def test_a_requirement_without_its_ref_is_refused_4125(sandbox: SandboxServer) -> None:
    taxpayer = Taxpayer()
    envelope = required(taxpayer, taxpayer.alta("F-0001"), ref=None)  # FinRequerimiento: none

    assert fault_string(post_to(requirement_url(sandbox.url), envelope)).startswith("Codigo[4125]")


def test_a_requirement_without_fin_requerimiento_or_with_a_bad_ref_is_refused_4129_4133(
    sandbox: SandboxServer,
) -> None:
    taxpayer = Taxpayer()
    record = taxpayer.alta("F-0001")
    url = requirement_url(sandbox.url)

    unended = post_to(url, required(taxpayer, record, ref="REQ1"))
    bad_ref = required(taxpayer, record, ref="REQX", end=True).replace(b"REQX", b"REQ-1")

    assert fault_string(unended).startswith("Codigo[4129]")
    assert fault_string(post_to(url, bad_ref)).startswith("Codigo[4133]")


def test_the_verifactu_endpoint_refuses_a_ref_4126_and_a_fin_requerimiento_4130(
    sandbox: SandboxServer,
) -> None:
    taxpayer = Taxpayer()
    record = taxpayer.alta("F-0001")

    refused = post_to(sandbox.url, required(taxpayer, record, ref="REQ1"))
    ended = post_to(sandbox.url, required(taxpayer, record, ref="REQ1", end=True))

    assert fault_string(refused).startswith("Codigo[4126]")
    assert fault_string(ended).startswith("Codigo[4130]")
    assert held(sandbox, taxpayer) == {}


def test_the_requirement_endpoint_refuses_a_voluntary_remission_4127(
    sandbox: SandboxServer,
) -> None:
    taxpayer = Taxpayer()
    header = SubmissionHeader(taxpayer=taxpayer.party, incident=True)
    envelope = soap_envelope(submission_document(header, (taxpayer.alta("F-0001"),)))

    assert fault_string(post_to(requirement_url(sandbox.url), envelope)).startswith("Codigo[4127]")


def test_a_renounce_must_end_on_31_december_of_this_year_or_the_last_4120(
    sandbox: SandboxServer,
) -> None:
    year = today_in("Europe/Madrid").year

    def renouncing(end: date) -> httpx.Response:
        taxpayer = Taxpayer()
        header = SubmissionHeader(taxpayer=taxpayer.party, verifactu_end_date=end)
        envelope = soap_envelope(submission_document(header, (taxpayer.alta("F-0001"),)))
        return post_to(sandbox.url, envelope)

    for wrong in (date(year, 12, 30), date(year + 1, 12, 31), date(year - 2, 12, 31)):
        assert fault_string(renouncing(wrong)).startswith("Codigo[4120]"), wrong
    for right in (date(year, 12, 31), date(year - 1, 12, 31)):
        found = lines(answer(renouncing(right), xsd.Schema.RESPONSE))
        assert [status for _, status, _ in found] == ["Correcto"], right

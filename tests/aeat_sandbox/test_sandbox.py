"""The sandbox as AEAT's stand-in, over real HTTP: the checks it makes, the state it keeps,
and that every answer is a document AEAT's own schemas accept."""

import os
from datetime import timedelta
from decimal import Decimal as D
from pathlib import Path

import httpx
from fastapi.testclient import TestClient
from lxml import etree

from talonario.runtime import Runtime
from talonario.verifactu import xsd
from talonario.verifactu.client import AeatClient
from talonario.verifactu.codes import PreviousRejection
from talonario.verifactu.records import Party
from talonario.verifactu.responses import NS_QUERY, QueryFilter, query_document
from talonario.verifactu.xml import NS_SF, NS_SOAP, soap_envelope
from tests.aeat_sandbox.helpers import (
    WAIT_SECONDS,
    SandboxServer,
    Taxpayer,
    running_sandbox,
    vat_line,
)
from tests.conftest import make_settings
from tests.fixtures.servers import HOST, health_answers, launched, talonario_command

NS = {"env": NS_SOAP, "sf": NS_SF}


def post(sandbox: SandboxServer, envelope: bytes) -> httpx.Response:
    return httpx.post(
        sandbox.url,
        content=envelope,
        headers={"Content-Type": "text/xml; charset=utf-8", "SOAPAction": '""'},
        timeout=10,
    )


def answer(response: httpx.Response, schema: xsd.Schema) -> etree._Element:
    """The answer inside the SOAP body, checked against AEAT's response schema."""
    assert response.status_code == 200, response.text
    element = etree.fromstring(response.content).find("env:Body", NS)[0]
    compiled = xsd.load(schema)
    assert compiled.validate(element), compiled.error_log
    return element


def lines(element: etree._Element) -> list[tuple[str, str, str | None]]:
    """(NumSerieFactura, EstadoRegistro, CodigoErrorRegistro) of each RespuestaLinea."""
    found = []
    for line in element:
        if etree.QName(line).localname != "RespuestaLinea":
            continue
        values = {etree.QName(child).localname: child for child in line}
        found.append(
            (
                values["IDFactura"].findtext("sf:NumSerieFactura", None, NS),
                values["EstadoRegistro"].text,
                values["CodigoErrorRegistro"].text if "CodigoErrorRegistro" in values else None,
            )
        )
    return found


def submit(sandbox: SandboxServer, taxpayer: Taxpayer, *records: object) -> list:
    response = post(sandbox, taxpayer.envelope(*records))  # type: ignore[arg-type]
    return lines(answer(response, xsd.Schema.RESPONSE))


def fault_string(response: httpx.Response) -> str:
    assert response.status_code == 500
    fault = etree.fromstring(response.content).find("env:Body/env:Fault", NS)
    assert fault is not None, response.text
    assert fault.findtext("faultcode") == "env:Client"
    return fault.findtext("faultstring") or ""


def held(sandbox: SandboxServer, taxpayer: Taxpayer) -> dict[str, dict]:
    data = sandbox.control("GET", "/control/records", params={"nif": taxpayer.nif}).json()
    return {row["number"]: row for row in data["data"]}


def test_answer_with_every_kind_of_line_validates_against_respuesta_suministro(
    sandbox: SandboxServer,
) -> None:
    taxpayer = Taxpayer()
    submit(sandbox, taxpayer, taxpayer.alta("F-0001", external_ref="ref-1"))
    duplicate = taxpayer.alta("F-0001")
    wrong_huella = taxpayer.alta("F-0002")
    envelope = taxpayer.envelope(duplicate, wrong_huella, taxpayer.alta("F-0003"))
    envelope = envelope.replace(wrong_huella.huella.encode(), b"0" * 64, 1)

    element = answer(post(sandbox, envelope), xsd.Schema.RESPONSE)

    assert lines(element) == [
        ("F-0001", "Incorrecto", "3000"),
        ("F-0002", "AceptadoConErrores", "2000"),
        # Links to the huella F-0002 should have had, not to the one received.
        ("F-0003", "AceptadoConErrores", "2003"),
    ]
    assert element.findtext("{*}EstadoEnvio") == "ParcialmenteCorrecto"
    assert element.findtext("{*}TiempoEsperaEnvio") == str(WAIT_SECONDS)
    assert element.findtext("{*}Cabecera/sf:ObligadoEmision/sf:NIF", None, NS) == taxpayer.nif


def test_not_well_formed_xml_is_fault_4103_and_empty_body_4138(sandbox: SandboxServer) -> None:
    assert fault_string(post(sandbox, b"<soapenv:Envelope")).startswith("Codigo[4103]")
    assert fault_string(post(sandbox, b"")).startswith("Codigo[4138]")


def test_unknown_operation_is_schema_fault_4102(sandbox: SandboxServer) -> None:
    envelope = soap_envelope(b"<Otra xmlns='urn:x'/>")
    assert fault_string(post(sandbox, envelope)).startswith("Codigo[4102]")


def test_more_than_1000_records_is_fault_4114(sandbox: SandboxServer) -> None:
    taxpayer = Taxpayer()
    envelope = taxpayer.envelope(taxpayer.alta("F-0001")).decode()
    start = envelope.index("<sum:RegistroFactura>")
    end = envelope.index("</sum:RegistroFactura>") + len("</sum:RegistroFactura>\n")
    many = envelope[:start] + envelope[start:end] * 1001 + envelope[end:]

    assert fault_string(post(sandbox, many.encode())).startswith("Codigo[4114]")


def test_header_nif_with_a_wrong_check_letter_rejects_the_whole_submission(
    sandbox: SandboxServer,
) -> None:
    taxpayer = Taxpayer()
    envelope = taxpayer.envelope(taxpayer.alta("F-0001"))
    wrong = taxpayer.nif[:8] + ("A" if taxpayer.nif[8] != "A" else "B")
    envelope = envelope.replace(
        f"<sf:NIF>{taxpayer.nif}</sf:NIF>".encode(), f"<sf:NIF>{wrong}</sf:NIF>".encode(), 1
    )

    assert fault_string(post(sandbox, envelope)).startswith("Codigo[4116]")
    assert held(sandbox, taxpayer) == {}


def test_record_of_another_issuer_is_rejected_1108(sandbox: SandboxServer) -> None:
    taxpayer, other = Taxpayer(), Taxpayer()
    record = other.alta("F-0001")
    envelope = taxpayer.envelope(taxpayer.alta("F-0000")).replace(
        b"<sum:RegistroFactura>",
        b"<sum:RegistroFactura>\n"
        + etree.tostring(etree.fromstring(other.envelope(record)).find(".//sf:RegistroAlta", NS))
        + b"\n</sum:RegistroFactura>\n<sum:RegistroFactura>",
        1,
    )

    assert lines(answer(post(sandbox, envelope), xsd.Schema.RESPONSE)) == [
        ("F-0001", "Incorrecto", "1108"),
        ("F-0000", "Correcto", None),
    ]


def test_recipient_nif_with_a_wrong_checksum_is_rejected_1239(sandbox: SandboxServer) -> None:
    taxpayer = Taxpayer()
    record = taxpayer.alta("F-0001", recipients=(Party("CLIENTE SL", "B12345675"),))

    assert submit(sandbox, taxpayer, record) == [("F-0001", "Incorrecto", "1239")]
    assert held(sandbox, taxpayer) == {}


def test_totals_off_by_more_than_ten_euros_are_accepted_with_errors(
    sandbox: SandboxServer,
) -> None:
    taxpayer = Taxpayer()
    records = (
        taxpayer.alta("F-0001", total_amount=D("150.00")),
        taxpayer.alta("F-0002", total_tax=D("40.00")),
        taxpayer.alta("F-0003", total_amount=D("130.00")),  # within the ±10 € tolerance
    )

    assert submit(sandbox, taxpayer, *records) == [
        ("F-0001", "AceptadoConErrores", "2005"),
        ("F-0002", "AceptadoConErrores", "2006"),
        ("F-0003", "Correcto", None),
    ]
    assert held(sandbox, taxpayer)["F-0001"]["state"] == "AceptadoConErrores"


def test_quota_far_from_base_times_rate_is_rejected_1142(sandbox: SandboxServer) -> None:
    taxpayer = Taxpayer()
    record = taxpayer.alta(
        "F-0001",
        breakdown=(vat_line("100.00", quota="40.00"),),
        total_tax=D("40.00"),
        total_amount=D("140.00"),
    )

    assert submit(sandbox, taxpayer, record) == [("F-0001", "Incorrecto", "1142")]


def test_invoice_dated_after_today_is_rejected_1112(sandbox: SandboxServer) -> None:
    taxpayer = Taxpayer()
    taxpayer.issue_date += timedelta(days=2)

    assert submit(sandbox, taxpayer, taxpayer.alta("F-0001")) == [("F-0001", "Incorrecto", "1112")]


def test_subsanacion_flags_follow_what_the_sandbox_holds(sandbox: SandboxServer) -> None:
    taxpayer = Taxpayer()
    correction = {"correction": True}
    rejected_before = {"correction": True, "previous_rejection": PreviousRejection.NOT_AT_AEAT}

    # Correcting an invoice never stored: 3002; the "alta por rechazo" (S + X) is the way in.
    assert submit(sandbox, taxpayer, taxpayer.alta("F-0001", **correction)) == [
        ("F-0001", "Incorrecto", "3002")
    ]
    assert submit(sandbox, taxpayer, taxpayer.alta("F-0001", **rejected_before)) == [
        ("F-0001", "Correcto", None)
    ]
    # Now held: S + X again is a duplicate, and a subsanación replaces the stored data.
    assert submit(sandbox, taxpayer, taxpayer.alta("F-0001", **rejected_before)) == [
        ("F-0001", "Incorrecto", "3000")
    ]
    replacement = taxpayer.alta("F-0001", description="Datos corregidos", **correction)
    assert submit(sandbox, taxpayer, replacement) == [("F-0001", "Correcto", None)]
    assert held(sandbox, taxpayer)["F-0001"]["huella"] == replacement.huella


def test_rechazo_previo_without_subsanacion_is_rejected_1153_and_1161(
    sandbox: SandboxServer,
) -> None:
    taxpayer = Taxpayer()
    x, s = taxpayer.alta("F-0001"), taxpayer.alta("F-0002")
    envelope = taxpayer.envelope(x, s).decode()
    for record, flag in ((x, "X"), (s, "S")):
        own = f"<sf:NumSerieFactura>{record.invoice.number}</sf:NumSerieFactura>"
        at = envelope.index("<sf:TipoFactura>", envelope.index(own))
        envelope = envelope[:at] + f"<sf:RechazoPrevio>{flag}</sf:RechazoPrevio>\n" + envelope[at:]

    assert lines(answer(post(sandbox, envelope.encode()), xsd.Schema.RESPONSE)) == [
        ("F-0001", "Incorrecto", "1153"),
        ("F-0002", "Incorrecto", "1161"),
    ]


def test_anulacion_flags_follow_what_the_sandbox_holds(sandbox: SandboxServer) -> None:
    taxpayer = Taxpayer()
    # Cancelling what was never stored: 3002, unless it says so (SinRegistroPrevio=S).
    assert submit(sandbox, taxpayer, taxpayer.anulacion("F-0001")) == [
        ("F-0001", "Incorrecto", "3002")
    ]
    assert submit(sandbox, taxpayer, taxpayer.anulacion("F-0001", no_prior_record=True)) == [
        ("F-0001", "Correcto", None)
    ]
    assert held(sandbox, taxpayer)["F-0001"]["state"] == "Anulado"
    # A held invoice is cancelled; a subsanación brings it back.
    submit(sandbox, taxpayer, taxpayer.alta("F-0002"))
    assert submit(sandbox, taxpayer, taxpayer.anulacion("F-0002", no_prior_record=True)) == [
        ("F-0002", "Incorrecto", "3000")
    ]
    assert submit(sandbox, taxpayer, taxpayer.anulacion("F-0002")) == [("F-0002", "Correcto", None)]
    assert held(sandbox, taxpayer)["F-0002"]["state"] == "Anulado"
    assert submit(sandbox, taxpayer, taxpayer.alta("F-0002", correction=True)) == [
        ("F-0002", "Correcto", None)
    ]
    assert held(sandbox, taxpayer)["F-0002"]["state"] == "Correcto"


def test_rejected_record_stays_a_link_of_the_chain(sandbox: SandboxServer) -> None:
    taxpayer = Taxpayer()
    rejected = taxpayer.alta("F-0001", recipients=(Party("CLIENTE SL", "B12345675"),))
    next_one = taxpayer.alta("F-0002")

    assert submit(sandbox, taxpayer, rejected) == [("F-0001", "Incorrecto", "1239")]
    assert submit(sandbox, taxpayer, next_one) == [("F-0002", "Correcto", None)]


def test_consulta_answer_validates_and_pages(runtime: Runtime, database_url: str) -> None:
    settings = make_settings(database_url, sandbox_wait_seconds=WAIT_SECONDS)
    taxpayer = Taxpayer()
    day = taxpayer.issue_date
    records = [taxpayer.alta(f"F-{n:04d}", external_ref=f"ref-{n}") for n in range(1, 4)]
    with running_sandbox(settings, runtime.db, query_page_size=2) as sandbox:
        submit(sandbox, taxpayer, *records)
        submit(sandbox, taxpayer, taxpayer.anulacion("F-0003"))
        with AeatClient(sandbox.url, timeout=10) as client:
            ask = QueryFilter(taxpayer=taxpayer.party, year=day.year, month=day.month)
            first = client.query(ask)
            second = client.query(
                QueryFilter(
                    taxpayer=taxpayer.party, year=day.year, month=day.month, after=first.next_page
                )
            )
        show_all = query_document(ask).replace(
            b"</con:ConsultaFactuSistemaFacturacion>",
            b"<con:DatosAdicionalesRespuesta><con:MostrarNombreRazonEmisor>S"
            b"</con:MostrarNombreRazonEmisor><con:MostrarSistemaInformatico>S"
            b"</con:MostrarSistemaInformatico></con:DatosAdicionalesRespuesta>"
            b"</con:ConsultaFactuSistemaFacturacion>",
        )
        plain = answer(post(sandbox, soap_envelope(query_document(ask))), xsd.Schema.QUERY_RESPONSE)
        shown = answer(post(sandbox, soap_envelope(show_all)), xsd.Schema.QUERY_RESPONSE)

    assert plain.find(".//{*}NombreRazonEmisor") is None
    assert shown.findtext(".//{*}NombreRazonEmisor") == taxpayer.name
    assert shown.find(".//{*}SistemaInformatico") is not None
    assert first.has_more and not second.has_more
    assert [r.invoice.number for r in first.records + second.records] == [
        "F-0001",
        "F-0002",
        "F-0003",
    ]
    assert [r.external_ref for r in first.records] == ["ref-1", "ref-2"]
    assert second.records[0].status.value == "Anulado"


def test_consulta_by_the_recipient_needs_the_supplier_and_sees_its_invoices(
    sandbox: SandboxServer,
) -> None:
    taxpayer = Taxpayer()
    submit(sandbox, taxpayer, taxpayer.alta("F-0001"))
    day = taxpayer.issue_date
    document = query_document(
        QueryFilter(
            taxpayer=Party("CLIENTE EJEMPLO SA", "B12345674"), year=day.year, month=day.month
        )
    ).decode()
    document = document.replace("ObligadoEmision>", "Destinatario>")
    supplier = (
        f"<con:Contraparte><sf:NombreRazon>{taxpayer.name}</sf:NombreRazon>"
        f"<sf:NIF>{taxpayer.nif}</sf:NIF></con:Contraparte>"
    )
    asked = document.replace("</con:PeriodoImputacion>", "</con:PeriodoImputacion>" + supplier)
    assert NS_QUERY in asked

    element = answer(post(sandbox, soap_envelope(asked.encode())), xsd.Schema.QUERY_RESPONSE)

    numbers = [n.text for n in element.iterfind(".//sf:NumSerieFactura", NS)]
    assert numbers == ["F-0001"]
    assert fault_string(post(sandbox, soap_envelope(document.encode()))).startswith("Codigo[4102]")


def test_control_api_rejects_incomplete_fault_switches_and_lists_and_clears_them(
    sandbox: SandboxServer,
) -> None:
    assert (
        sandbox.control("POST", "/control/faults", json={"kind": "record_error"}).status_code == 400
    )
    assert sandbox.control("POST", "/control/faults", json={"kind": "nope"}).status_code == 400
    assert sandbox.control("GET", "/control/records").status_code == 400
    sandbox.fault(kind="delay", seconds=0.1, count=3)

    listed = sandbox.control("GET", "/control/faults").json()["data"]
    assert [(f["kind"], f["remaining"], f["seconds"]) for f in listed] == [("delay", 3, 0.1)]
    assert sandbox.control("DELETE", "/control/faults").json() == {"deleted": 1}
    assert sandbox.control("GET", "/control/faults").json() == {"data": []}


def test_submissions_and_forgetting_a_taxpayer(sandbox: SandboxServer) -> None:
    taxpayer = Taxpayer()
    submit(sandbox, taxpayer, taxpayer.alta("F-0001"), taxpayer.anulacion("F-0009"))

    sent = sandbox.control("GET", "/control/submissions", params={"nif": taxpayer.nif}).json()
    [submission] = sent["data"]
    assert submission["status"] == "ParcialmenteCorrecto"
    assert [(r["number"], r["operation"], r["code"]) for r in submission["records"]] == [
        ("F-0001", "Alta", None),
        ("F-0009", "Anulacion", 3002),
    ]
    forget = sandbox.control("DELETE", "/control/records", params={"nif": taxpayer.nif})
    assert forget.status_code == 204
    assert held(sandbox, taxpayer) == {}
    # Forgotten: the chain starts again.
    taxpayer.last = None
    assert submit(sandbox, taxpayer, taxpayer.alta("F-0001")) == [("F-0001", "Correcto", None)]


def test_api_server_serves_the_sandbox_under_aeat_sandbox(app_client: TestClient) -> None:
    taxpayer = Taxpayer()
    response = app_client.post(
        "/aeat-sandbox/VerifactuSOAP", content=taxpayer.envelope(taxpayer.alta("F-0001"))
    )

    element = etree.fromstring(response.content).find("env:Body", NS)[0]
    assert element.findtext("{*}EstadoEnvio") == "Correcto"


def test_talonario_sandbox_command_serves_it_alone(database_url: str, tmp_path: Path) -> None:
    env = os.environ | {
        "TALONARIO_DATABASE_URL": database_url,
        "TALONARIO_SANDBOX_WAIT_SECONDS": "3",
    }
    command = [talonario_command(), "sandbox", "--no-migrate", "--host", HOST]
    with launched(
        lambda port: [*command, "--port", str(port)],
        env,
        tmp_path / "sandbox.log",
        lambda port: health_answers(f"http://{HOST}:{port}"),
    ) as (_, port):
        taxpayer = Taxpayer()
        with AeatClient(f"http://{HOST}:{port}/VerifactuSOAP", timeout=10) as client:
            result = client.submit(taxpayer.envelope(taxpayer.alta("F-0001")))
    assert result.wait_seconds == 3

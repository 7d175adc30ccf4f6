"""Golden files of every record kind, each valid against AEAT's XSD.

Golden files are written only with REGENERATE_GOLDEN=1 (then review the diff); never by hand.
"""

import os
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from talonario.verifactu import xml
from talonario.verifactu.records import Party, Record
from talonario.verifactu.xsd import Schema, SchemaViolation, validate
from tests.verifactu import samples

GOLDEN = Path(__file__).parent / "golden"
REGENERATE = os.environ.get("REGENERATE_GOLDEN") == "1"
SF = f"{{{xml.NS_SF}}}"


def check_golden(name: str, rendered: bytes) -> None:
    path = GOLDEN / name
    if REGENERATE:
        path.write_bytes(rendered)
    assert path.exists(), f"{path.name} missing: run the tests with REGENERATE_GOLDEN=1"
    assert rendered == path.read_bytes(), f"{path.name} differs (REGENERATE_GOLDEN=1 to accept)"


CASES = samples.GOLDEN_CASES


@pytest.mark.parametrize("name", CASES)
def test_record_document_matches_golden_and_xsd(name: str) -> None:
    document = xml.record_document(CASES[name]())
    validate(document, Schema.RECORDS)
    check_golden(f"{name}.xml", document)


@pytest.mark.parametrize("name", CASES)
def test_every_record_is_valid_inside_a_submission(name: str) -> None:
    validate(xml.submission_document(samples.header(), [CASES[name]()]), Schema.SUBMISSION)


def _canonical(element: etree._Element) -> bytes:
    """Exclusive C14N without the indentation: equal for the same XML information."""
    for node in element.iter():
        if len(node) and node.text is not None and not node.text.strip():
            node.text = None
        if node.tail is not None and not node.tail.strip():
            node.tail = None
    return etree.tostring(element, method="c14n", exclusive=True)


def test_spec_example_renders_exactly_the_spec_record_and_header() -> None:
    """spec §3.7: the example submission, element for element."""
    spec = etree.parse(str(Path(__file__).parent / "data" / "spec-3.7-example.xml")).getroot()
    ours = etree.fromstring(
        xml.soap_envelope(xml.submission_document(samples.header(), [samples.spec_example()]))
    )
    for path in (".//sf:RegistroAlta", ".//sf:ObligadoEmision"):
        (expected,) = spec.findall(path, {"sf": xml.NS_SF})
        (rendered,) = ours.findall(path, {"sf": xml.NS_SF})
        assert _canonical(rendered) == _canonical(expected)


def test_free_text_is_escaped_and_read_back_intact() -> None:
    record = samples.f1_mixed()
    root = etree.fromstring(xml.record_document(record))
    assert root.findtext(f"{SF}DescripcionOperacion") == record.description
    names = [el.text for el in root.iter(f"{SF}NombreRazon")]
    assert "Kunde & Söhne <GmbH>" in names


def test_characters_xml_cannot_carry_are_refused() -> None:
    record = replace(samples.spec_example(), description="bell\x07")
    with pytest.raises(ValueError, match="U\\+0007"):
        xml.record_document(record)


def test_a_carriage_return_survives_parsing() -> None:
    record = replace(samples.spec_example(), description="line 1\r\nline 2")
    root = etree.fromstring(xml.record_document(record))
    assert root.findtext(f"{SF}DescripcionOperacion") == "line 1\r\nline 2"


def test_an_unsealed_record_is_not_rendered() -> None:
    with pytest.raises(ValueError, match="seal"):
        xml.record_document(replace(samples.spec_example(), huella=""))


def test_macrodato_follows_the_total() -> None:
    big = samples.alta(
        "A-BIG",
        breakdown=(samples.vat("100000000.00"),),
        total_tax=Decimal("21000000.00"),
        total_amount=Decimal("121000000.00"),
    )
    document = xml.record_document(big)
    validate(document, Schema.RECORDS)
    assert b"<sf:Macrodato>S</sf:Macrodato>" in document
    assert b"Macrodato" not in xml.record_document(samples.spec_example())


def test_submission_with_representative_and_incident_matches_golden() -> None:
    header = samples.header(
        representative=Party("ASESORIA FISCAL SL", "B12345674"),
        incident=True,
    )
    records: list[Record] = [samples.spec_example(), samples.f1_mixed(), samples.anulacion()]
    document = xml.submission_document(header, records)
    validate(document, Schema.SUBMISSION)
    check_golden("submission_representative_incident.xml", document)


def test_a_plain_header_is_just_the_taxpayer() -> None:
    document = xml.submission_document(samples.header(), [samples.spec_example()])
    root = etree.fromstring(document)
    header = root.find(f"{{{xml.NS_SUM}}}Cabecera")
    assert header is not None
    assert [child.tag.removeprefix(SF) for child in header] == ["ObligadoEmision"]


def test_renouncing_verifactu_sends_the_end_date() -> None:
    header = samples.header(verifactu_end_date=date(2026, 12, 31))
    document = xml.submission_document(header, [samples.spec_example()])
    validate(document, Schema.SUBMISSION)
    expected = b"<sf:RemisionVoluntaria>\n<sf:FechaFinVeriFactu>31-12-2026</sf:FechaFinVeriFactu>"
    assert expected in document
    assert b"Incidencia" not in document


def test_a_full_submission_of_1000_records_is_valid() -> None:
    records = samples.chain(1000)
    document = xml.submission_document(samples.header(), records)
    validate(document, Schema.SUBMISSION)
    root = etree.fromstring(document)
    assert len(root.findall(f"{{{xml.NS_SUM}}}RegistroFactura")) == 1000


def test_a_submission_holds_at_most_1000_records() -> None:
    records = samples.chain(1001)
    with pytest.raises(ValueError, match="1 to 1000"):
        xml.submission_document(samples.header(), records)
    with pytest.raises(ValueError, match="1 to 1000"):
        xml.submission_document(samples.header(), [])


def test_a_submission_holds_records_of_its_taxpayer_only() -> None:
    header = samples.header(taxpayer=Party("OTRA SL", "B12345674"))
    with pytest.raises(ValueError, match="89890001K"):
        xml.submission_document(header, [samples.spec_example()])


def test_the_xsd_catches_what_the_renderer_cannot_know() -> None:
    too_long = replace(samples.spec_example(), issuer_name="X" * 121)
    with pytest.raises(SchemaViolation, match="NombreRazonEmisor"):
        validate(xml.record_document(too_long), Schema.RECORDS)


def test_soap_envelope_wraps_the_submission() -> None:
    submission = xml.submission_document(samples.header(), [samples.spec_example()])
    envelope = etree.fromstring(xml.soap_envelope(submission))
    body = envelope.find(f"{{{xml.NS_SOAP}}}Body")
    assert body is not None and envelope.find(f"{{{xml.NS_SOAP}}}Header") is not None
    (payload,) = list(body)
    assert payload.tag == f"{{{xml.NS_SUM}}}RegFactuSistemaFacturacion"
    validate(etree.tostring(payload), Schema.SUBMISSION)

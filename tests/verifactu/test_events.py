"""The event record (RegistroEvento): its HuellaEvento against the derived vector, its chain,
and its XML against AEAT's EventosSIF.xsd."""

import json
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from talonario.verifactu.events import (
    Anomaly,
    AnomalyType,
    AuditLaunched,
    Event,
    EventsExported,
    EventType,
    RecordRef,
    RecordsExported,
    Summary,
    compute_huella,
    event_document,
    read_event,
    seal,
    sign_event,
    verify_event,
)
from talonario.verifactu.records import InvoiceId, Party, SoftwareSystem
from talonario.verifactu.signing import SignatureInvalid
from talonario.verifactu.xsd import Schema, SchemaViolation, validate
from tests.verifactu import samples
from tests.verifactu.test_signing import make_chain, xmlsec1_verify

VECTORS = json.loads((Path(__file__).parent / "data" / "hash-vectors.json").read_text("utf-8"))
EVENT_VECTOR = next(v for v in VECTORS["vectors"] if v["id"] == "derived-evento-first")
CET = timezone(timedelta(hours=1))
DSIG = "http://www.w3.org/2000/09/xmldsig#"

# A structurally complete ds:Signature: the schema requires one; its cryptography is tested
# where events are signed (signing.py), not here.
PLACEHOLDER_SIGNATURE = (
    f'<ds:Signature xmlns:ds="{DSIG}"><ds:SignedInfo>'
    '<ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>'
    '<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>'
    '<ds:Reference URI=""><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>'
    "<ds:DigestValue>AA==</ds:DigestValue></ds:Reference></ds:SignedInfo>"
    "<ds:SignatureValue>AA==</ds:SignatureValue></ds:Signature>"
)


def with_placeholder_signature(document: bytes) -> bytes:
    root = etree.fromstring(document)
    root.find("{*}Evento").append(etree.fromstring(PLACEHOLDER_SIGNATURE))
    return etree.tostring(root)


def vector_event() -> Event:
    return Event(
        system=SoftwareSystem(
            producer=Party("PRODUCTOR", "89890001K"),
            name="X",
            system_id="77",
            version="1.0.03",
            installation_number="383",
            only_verifactu=False,
            multi_taxpayer_capable=True,
            multiple_taxpayers=True,
        ),
        taxpayer=Party("EMPRESA EJEMPLO SL", "89890001K"),
        generated_at=datetime(2024, 1, 1, 19, 20, 30, tzinfo=CET),
        event_type=EventType.NO_VERIFACTU_START,
    )


def test_the_first_event_hashes_to_the_derived_vector() -> None:
    event = seal(vector_event())
    assert event.huella == EVENT_VECTOR["expected_huella"]
    assert read_event(event_document(event)).computed == EVENT_VECTOR["expected_huella"]


def test_an_event_links_to_the_previous_one_and_its_huella_covers_the_link() -> None:
    first = seal(vector_event())
    second = seal(
        replace(
            vector_event(),
            event_type=EventType.SUMMARY,
            generated_at=first.generated_at + timedelta(hours=6),
            previous=first.as_previous(),
            details=Summary(
                ((EventType.NO_VERIFACTU_START, 1),), None, None, 0, Decimal(0), Decimal(0), 0
            ),
        )
    )
    parsed = read_event(event_document(second))
    assert parsed.previous == first.huella
    assert parsed.computed == second.huella == parsed.written
    assert compute_huella(replace(second, previous=None)) != second.huella


RECORD = RecordRef(InvoiceId(samples.ISSUER_NIF, "A-1", date(2026, 9, 15)), "A" * 64)
LAST = RecordRef(InvoiceId(samples.ISSUER_NIF, "A-9", date(2026, 9, 15)), "B" * 64)


@pytest.mark.parametrize(
    ("event_type", "details"),
    [
        (EventType.NO_VERIFACTU_START, None),
        (EventType.RECORDS_AUDIT_LAUNCHED, AuditLaunched(False, 1000)),
        (EventType.EVENTS_AUDIT_LAUNCHED, AuditLaunched(True, 12)),
        (
            EventType.RECORDS_ANOMALY,
            Anomaly(False, AnomalyType.HUELLA, "huella mismatch", record=RECORD.invoice),
        ),
        (
            EventType.EVENTS_ANOMALY,
            Anomaly(
                True, AnomalyType.PREVIOUS_HUELLA, None, event=seal(vector_event()).as_previous()
            ),
        ),
        (
            EventType.RECORDS_EXPORTED,
            RecordsExported(
                samples.AT, samples.AT, RECORD, LAST, 9, Decimal("21.00"), Decimal("121.00"), 1
            ),
        ),
        (
            EventType.EVENTS_EXPORTED,
            EventsExported(
                samples.AT,
                samples.AT,
                seal(vector_event()).as_previous(),
                seal(vector_event()).as_previous(),
                1,
            ),
        ),
        (
            EventType.SUMMARY,
            Summary(
                ((EventType.NO_VERIFACTU_START, 1), (EventType.SUMMARY, 3)),
                RECORD,
                LAST,
                8,
                Decimal("-1.50"),
                Decimal("100.10"),
                1,
            ),
        ),
        (EventType.BACKUP_RESTORED, None),
    ],
)
def test_every_kind_of_event_is_valid_against_eventos_sif(
    event_type: EventType, details: object
) -> None:
    previous = seal(vector_event()).as_previous()
    event = seal(
        Event(
            system=samples.SYSTEM,
            taxpayer=samples.TAXPAYER,
            generated_at=samples.AT,
            event_type=event_type,
            details=details,  # type: ignore[arg-type]
            other="nota <&>",
            previous=previous,
        )
    )
    validate(with_placeholder_signature(event_document(event)), Schema.EVENTS)


def test_an_event_without_its_signature_is_not_valid() -> None:
    with pytest.raises(SchemaViolation, match="Signature"):
        validate(event_document(seal(vector_event())), Schema.EVENTS)


def test_altering_a_hashed_field_shows_in_the_recomputed_huella() -> None:
    document = event_document(seal(vector_event()))
    parsed = read_event(document.replace(b"<sf:TipoEvento>01<", b"<sf:TipoEvento>02<"))
    assert parsed.computed != parsed.written


def test_a_signed_event_is_valid_verifies_here_and_with_xmlsec1_and_one_byte_breaks_it(
    tmp_path: Path,
) -> None:
    key, chain, ca = make_chain()
    signed = sign_event(event_document(seal(vector_event())), key, chain)
    validate(signed, Schema.EVENTS)
    assert "EMPRESA EJEMPLO" in verify_event(signed).signer
    result = xmlsec1_verify(signed, ca, tmp_path)
    assert result.returncode == 0, result.stderr
    altered = signed.replace(b"<sf:TipoEvento>01<", b"<sf:TipoEvento>02<")
    with pytest.raises(SignatureInvalid):
        verify_event(altered)
    assert xmlsec1_verify(altered, ca, tmp_path).returncode != 0

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from talonario.verifactu.hashing import (
    BreakKind,
    canonical_string,
    canonical_text,
    compute_huella,
    digest,
    seal,
    verify_chain,
)
from talonario.verifactu.records import InvoiceId, PreviousRecord, Record, RegistrationRecord
from tests.verifactu import samples

VECTORS = json.loads((Path(__file__).parent / "data" / "hash-vectors.json").read_text("utf-8"))
ALL = VECTORS["vectors"]
OFFICIAL = {v["id"]: v for v in ALL if v["official"]}


def test_all_three_official_vectors_are_present() -> None:
    assert sorted(OFFICIAL) == [
        "aeat-6.1-alta-first",
        "aeat-6.2-alta-chained",
        "aeat-6.3-anulacion-chained",
    ]


@pytest.mark.parametrize("vector", ALL, ids=[v["id"] for v in ALL])
def test_canonical_text_and_digest_match_every_vector(vector: dict) -> None:
    fields = [(name, value) for name, value in vector["fields"]]
    text = canonical_text(fields)
    assert text == vector["hash_input"]
    assert digest(text) == vector["expected_huella"]


def _at(value: str) -> datetime:
    return datetime.fromisoformat(value)


def _aeat_alta(number: str, previous: PreviousRecord | None, at: str) -> RegistrationRecord:
    """The records behind AEAT's examples (12.35 on 111.10 is AEAT's illustration, not a rate)."""
    return samples.alta(
        number,
        invoice=InvoiceId("89890001K", number, date(2024, 1, 1)),
        breakdown=(samples.vat("111.10", quota="12.35"),),
        total_tax=Decimal("12.35"),
        total_amount=Decimal("123.45"),
        previous=previous,
        generated_at=_at(at),
    )


def test_records_reproduce_the_official_chain_of_three() -> None:
    first = _aeat_alta("12345678/G33", None, "2024-01-01T19:20:30+01:00")
    second = _aeat_alta("12345679/G34", first.as_previous(), "2024-01-01T19:20:35+01:00")
    cancel = samples.anulacion(
        invoice=second.invoice,
        previous=second.as_previous(),
        generated_at=_at("2024-01-01T19:20:40+01:00"),
    )
    for record, vector_id in (
        (first, "aeat-6.1-alta-first"),
        (second, "aeat-6.2-alta-chained"),
        (cancel, "aeat-6.3-anulacion-chained"),
    ):
        vector = OFFICIAL[vector_id]
        assert canonical_string(record) == vector["hash_input"]
        assert record.huella == vector["expected_huella"]
    assert verify_chain([first, second, cancel]) is None


def test_spec_example_record_hashes_to_the_derived_vector() -> None:
    vector = next(v for v in ALL if v["id"] == "derived-f1-21pct")
    record = samples.spec_example()
    assert canonical_string(record) == vector["hash_input"]
    assert record.huella == vector["expected_huella"]


def test_amounts_are_hashed_with_two_decimals_like_the_xml() -> None:
    vector = next(v for v in ALL if v["id"] == "derived-decimals-2")
    record = _aeat_alta("12345678/G33", None, "2024-01-01T19:20:30+01:00")
    record = seal(replace(record, total_amount=Decimal("123.1")))
    assert "ImporteTotal=123.10&" in canonical_string(record)
    assert record.huella == vector["expected_huella"]


def test_the_offset_of_the_timestamp_enters_the_hash() -> None:
    madrid = samples.alta("A-1")
    utc = samples.alta("A-1", generated_at=samples.AT.astimezone(UTC))
    assert madrid.generated_at == utc.generated_at
    assert "FechaHoraHusoGenRegistro=2026-09-15T08:30:00+00:00" in canonical_string(utc)
    assert madrid.huella != utc.huella


def test_seal_ignores_the_huella_already_present() -> None:
    record = samples.alta("A-1")
    assert seal(replace(record, huella="0" * 64)) == record
    assert compute_huella(record) == record.huella


def test_an_intact_chain_verifies() -> None:
    assert verify_chain(samples.chain(12)) is None


def test_a_segment_verifies_against_the_record_before_it() -> None:
    records = samples.chain(12)
    assert verify_chain(records[5:], previous=records[4].as_previous()) is None
    broken = verify_chain(records[5:])
    assert broken is not None and broken.index == 0 and broken.kind is BreakKind.LINK
    assert broken.expected == "PrimerRegistro"


def _alta_at(records: list[Record], index: int) -> RegistrationRecord:
    record = records[index]
    assert isinstance(record, RegistrationRecord)
    return record


def test_a_tampered_amount_breaks_the_chain_at_that_record() -> None:
    records = samples.chain(12)
    records[6] = replace(_alta_at(records, 6), total_amount=Decimal("1210.00"))
    broken = verify_chain(records)
    assert broken is not None
    assert (broken.index, broken.kind, broken.found) == (6, BreakKind.HUELLA, records[6].huella)


def test_a_resealed_record_breaks_the_link_of_the_next_one() -> None:
    records = samples.chain(12)
    records[6] = seal(replace(_alta_at(records, 6), total_amount=Decimal("1210.00")))
    broken = verify_chain(records)
    assert broken is not None and (broken.index, broken.kind) == (7, BreakKind.LINK)


def test_a_missing_record_breaks_the_link() -> None:
    records = samples.chain(12)
    del records[3]
    broken = verify_chain(records)
    assert broken is not None and (broken.index, broken.kind) == (3, BreakKind.LINK)


def test_a_second_first_record_breaks_the_chain() -> None:
    records = samples.chain(3)
    records[2] = seal(replace(records[2], previous=None))
    broken = verify_chain(records)
    assert broken is not None and (broken.index, broken.found) == (2, "PrimerRegistro")


def test_generation_time_is_rendered_to_the_second() -> None:
    precise = samples.alta("A-1", generated_at=samples.AT + timedelta(microseconds=999))
    assert precise.huella == samples.alta("A-1").huella

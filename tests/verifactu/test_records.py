from dataclasses import FrozenInstanceError, replace
from datetime import date, datetime
from decimal import Decimal as D

import pytest

from talonario.taxes.totals import Exemption as TotalsExemption
from talonario.taxes.totals import LineInput, LineTax, NotSubject, TaxType, compute_totals
from talonario.verifactu import xml
from talonario.verifactu.codes import (
    Exemption,
    IgicRegime,
    InvoiceType,
    IpsiRegime,
    IssuedBy,
    OperationQualification,
    PreviousRejection,
    RectificationType,
    Tax,
    VatRegime,
)
from talonario.verifactu.records import (
    BreakdownLine,
    InvalidRecord,
    InvoiceId,
    Party,
    RectifiedAmounts,
    breakdown_line,
)
from talonario.verifactu.xsd import Schema, validate
from tests.verifactu import samples


def test_records_are_immutable() -> None:
    record = samples.spec_example()
    with pytest.raises(FrozenInstanceError):
        record.huella = "0" * 64  # type: ignore[misc]


def test_a_float_amount_is_refused() -> None:
    with pytest.raises(InvalidRecord, match="Decimal"):
        samples.alta("A-1", total_amount=121.0)
    with pytest.raises(InvalidRecord, match="Decimal"):
        BreakdownLine(
            qualification=OperationQualification.SUBJECT,
            rate=21.0,  # type: ignore[arg-type]
            base=D("1.00"),
        )


def test_a_naive_generation_time_is_refused() -> None:
    with pytest.raises(InvalidRecord, match="offset"):
        samples.alta("A-1", generated_at=datetime(2026, 9, 15, 10, 30))


@pytest.mark.parametrize("number", ["", " A-1", "A-1 ", "X" * 61])
def test_invoice_numbers_must_be_what_aeat_stores(number: str) -> None:
    with pytest.raises(InvalidRecord, match="invoice number"):
        InvoiceId("89890001K", number, date(2026, 9, 15))


def test_nifs_have_nine_characters() -> None:
    with pytest.raises(InvalidRecord, match="9 characters"):
        InvoiceId("8989001K", "A-1", date(2026, 9, 15))
    with pytest.raises(InvalidRecord, match="9 characters"):
        Party("X", "B1234567")


def test_a_party_has_a_nif_or_a_foreign_id() -> None:
    with pytest.raises(InvalidRecord, match="exactly one"):
        Party("Nobody")


def test_a_line_is_qualified_or_exempt() -> None:
    with pytest.raises(InvalidRecord, match="qualification or an exemption"):
        BreakdownLine(base=D("1.00"))
    with pytest.raises(InvalidRecord, match="qualification or an exemption"):
        BreakdownLine(
            qualification=OperationQualification.SUBJECT,
            exemption=Exemption.DOMESTIC,
            base=D("1.00"),
        )


@pytest.mark.parametrize("count", [0, 13])
def test_breakdown_has_1_to_12_lines(count: int) -> None:
    with pytest.raises(InvalidRecord, match="1 to 12"):
        samples.alta("A-1", breakdown=(samples.vat("1.00"),) * count)


def test_recipients_are_required_except_for_simplified_types() -> None:
    with pytest.raises(InvalidRecord, match="need at least one recipient"):
        samples.alta("A-1", recipients=())
    with pytest.raises(InvalidRecord, match="carry no recipients"):
        samples.alta("A-1", invoice_type=InvoiceType.SIMPLIFIED)


def test_rectification_fields_belong_to_rectifying_invoices() -> None:
    with pytest.raises(InvalidRecord, match="rectification type"):
        samples.alta("R-1", invoice_type=InvoiceType.RECTIFYING_LEGAL)
    with pytest.raises(InvalidRecord, match="rectification type"):
        samples.alta("A-1", rectification_type=RectificationType.DIFFERENCES)
    with pytest.raises(InvalidRecord, match="rectified invoices"):
        samples.alta("A-1", rectified_invoices=(samples.PREVIOUS.invoice,))
    with pytest.raises(InvalidRecord, match="substitution"):
        samples.by_differences(
            "R-1", InvoiceType.RECTIFYING_LEGAL, rectified_amounts=RectifiedAmounts(D(1), D(0))
        )
    with pytest.raises(InvalidRecord, match="substitution"):
        samples.by_substitution("R-1", InvoiceType.RECTIFYING_LEGAL, rectified_amounts=None)


def test_only_f3_lists_substituted_invoices() -> None:
    with pytest.raises(InvalidRecord, match="F3"):
        samples.alta("A-1", substituted_invoices=(samples.PREVIOUS.invoice,))


def test_previous_rejection_needs_a_correction() -> None:
    with pytest.raises(InvalidRecord, match="subsanación"):
        samples.alta("A-1", previous_rejection=PreviousRejection.NOT_AT_AEAT)
    assert samples.alta("A-1", previous_rejection=PreviousRejection.NO).huella


def test_a_third_party_goes_with_issued_by_third_party() -> None:
    with pytest.raises(InvalidRecord, match="third party"):
        samples.alta("A-1", issued_by=IssuedBy.THIRD_PARTY)
    record = samples.alta(
        "A-1", issued_by=IssuedBy.THIRD_PARTY, third_party=Party("GESTORIA SL", "B12345674")
    )
    validate(xml.record_document(record), Schema.RECORDS)


def test_a_cancellation_by_someone_names_them() -> None:
    from talonario.verifactu.codes import GeneratedBy

    with pytest.raises(InvalidRecord, match="1224"):
        samples.anulacion(generated_by=GeneratedBy.RECIPIENT)


def test_the_header_identifies_people_by_nif() -> None:
    with pytest.raises(InvalidRecord, match="Spanish NIF"):
        samples.header(representative=samples.f1_mixed().recipients[0])


def test_the_next_link_names_this_record() -> None:
    record = samples.spec_example()
    link = record.as_previous()
    assert (link.invoice, link.huella) == (record.invoice, record.huella)
    cancel = samples.anulacion()
    assert cancel.as_previous().invoice == cancel.invoice


def test_breakdown_rows_from_invoice_totals_become_valid_lines() -> None:
    lines = [
        LineInput(D("2"), D("50.00"), tax=LineTax(rate=D("21"), surcharge_rate=D("5.2"))),
        LineInput(D("1"), D("30.00"), tax=LineTax(exemption=TotalsExemption.E5)),
        LineInput(D("1"), D("15.50"), tax=LineTax(not_subject=NotSubject.N2)),
        LineInput(D("1"), D("80.00"), tax=LineTax(rate=D("0"), reverse_charge=True)),
        LineInput(D("1"), D("10.00"), tax=LineTax(type=TaxType.IGIC, rate=D("7"))),
        LineInput(D("1"), D("10.00"), tax=LineTax(type=TaxType.IPSI, rate=D("4"), regime="19")),
    ]
    totals = compute_totals(lines)
    converted = tuple(breakdown_line(row) for row in totals.tax_breakdown)
    assert converted[0] == BreakdownLine(
        qualification=OperationQualification.SUBJECT,
        rate=D("21"),
        base=D("100.00"),
        quota=D("21.00"),
        surcharge_rate=D("5.2"),
        surcharge_quota=D("5.20"),
    )
    assert converted[1].exemption is Exemption.INTRA_EU_SUPPLY and converted[1].rate is None
    assert converted[2].qualification is OperationQualification.NOT_SUBJECT_LOCATION
    assert converted[3].qualification is OperationQualification.SUBJECT_REVERSE_CHARGE
    assert (converted[3].rate, converted[3].quota) == (D("0"), D("0.00"))
    assert (converted[4].tax, converted[4].regime) == (Tax.IGIC, IgicRegime.GENERAL)
    assert (converted[5].tax, converted[5].regime) == (Tax.IPSI, IpsiRegime.EXEMPT_INTERIOR)
    assert converted[0].regime is VatRegime.GENERAL
    record = samples.alta(
        "A-1",
        breakdown=converted,
        total_tax=totals.taxes_total + totals.surcharge_total,
        total_amount=totals.total,
    )
    validate(xml.record_document(record), Schema.RECORDS)


def test_macrodato_is_derived_from_the_total() -> None:
    record = samples.spec_example()
    assert not record.macrodato
    assert replace(record, total_amount=D("-100000000.00")).macrodato

"""Invoice totals and the AEAT tax breakdown (DetalleDesglose), as a customer would read them."""

import dataclasses
from collections.abc import Iterator
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from talonario.taxes.totals import (
    BreakdownRow,
    Exemption,
    InvoiceTotals,
    LineAmounts,
    LineInput,
    LineTax,
    NotSubject,
    TaxRuleViolation,
    TaxType,
    check_line_tax,
    compute_totals,
)

D = Decimal
IVA21 = LineTax(rate=D("21"))
IVA4 = LineTax(rate=D("4"))


def line(quantity: str, price: str, tax: LineTax = IVA21, discount: str = "0") -> LineInput:
    return LineInput(D(quantity), D(price), D(discount), tax)


# --- the figures a customer sees --------------------------------------------------------------


def test_mixed_rates_invoice() -> None:
    totals = compute_totals(
        [line("3", "100.00", discount="10"), line("1", "10.50"), line("2", "22.75", IVA4)]
    )
    assert totals.subtotal == D("326.00")
    assert totals.taxes_total == D("60.73")
    assert totals.surcharge_total == D("0.00")
    assert totals.withholding_total == D("0.00")
    assert totals.total == D("386.73")
    assert [(r.rate, r.base, r.tax_amount) for r in totals.tax_breakdown] == [
        (D("21"), D("280.50"), D("58.91")),
        (D("4"), D("45.50"), D("1.82")),
    ]
    assert [a.subtotal for a in totals.lines] == [D("270.00"), D("10.50"), D("45.50")]


def test_quota_is_computed_on_the_aggregated_base_not_summed_per_line() -> None:
    # Each line alone: 0.50 x 21% = 0.105 -> 0.11; the group: 1.00 x 21% = 0.21 (what AEAT checks).
    totals = compute_totals([line("1", "0.50"), line("1", "0.50")])
    assert [a.taxes for a in totals.lines] == [D("0.11"), D("0.11")]
    assert totals.taxes_total == D("0.21")
    assert totals.total == D("1.21")


def test_irpf_withholding_is_subtracted_and_not_in_the_breakdown() -> None:
    totals = compute_totals([line("1", "1000")], withholding_rate=D("15"))
    assert totals.withholding_rate == D("15")
    assert totals.withholding_total == D("150.00")
    assert totals.taxes_total == D("210.00")
    assert totals.total == D("1060.00")
    assert [r.tax_type for r in totals.tax_breakdown] == [TaxType.IVA]


def test_recargo_de_equivalencia() -> None:
    totals = compute_totals([line("1", "100", LineTax(rate=D("21"), surcharge_rate=D("5.2")))])
    assert totals.surcharge_total == D("5.20")
    assert totals.taxes_total == D("21.00")
    assert totals.total == D("126.20")
    (row,) = totals.tax_breakdown
    assert (row.surcharge_rate, row.surcharge_amount) == (D("5.2"), D("5.20"))
    assert totals.lines[0] == LineAmounts(D("100.00"), D("21.00"), D("5.20"), D("126.20"))


def test_credit_note_lines_keep_base_and_quota_with_the_same_sign() -> None:
    totals = compute_totals([line("-1", "280.50")])
    (row,) = totals.tax_breakdown
    assert (row.base, row.tax_amount) == (D("-280.50"), D("-58.91"))
    assert totals.total == D("-339.41")


def test_empty_invoice_is_all_zero_with_two_decimals() -> None:
    totals = compute_totals([])
    assert totals.tax_breakdown == ()
    assert [str(x) for x in (totals.subtotal, totals.taxes_total, totals.total)] == ["0.00"] * 3


# --- grouping as AEAT DetalleDesglose ---------------------------------------------------------


def test_same_rate_different_regime_or_surcharge_are_separate_rows() -> None:
    totals = compute_totals(
        [
            line("1", "100"),
            line("1", "100", LineTax(rate=D("21"), regime="03")),
            line("1", "100", LineTax(rate=D("21"), surcharge_rate=D("5.2"))),
            line("1", "50"),  # same combination as the first line: merged into its row
        ]
    )
    rows = totals.tax_breakdown
    assert [(r.regime, r.surcharge_rate, r.base) for r in rows] == [
        ("01", None, D("150.00")),
        ("03", None, D("100.00")),
        ("01", D("5.2"), D("100.00")),
    ]
    assert [r.tax_amount for r in rows] == [D("31.50"), D("21.00"), D("21.00")]
    assert rows[2].surcharge_amount == D("5.20")
    assert rows[0].surcharge_amount is None


def test_exempt_and_not_subject_rows_have_base_only() -> None:
    totals = compute_totals(
        [
            line("1", "100"),
            line("2", "40", LineTax(exemption=Exemption.E1)),
            line("1", "30", LineTax(not_subject=NotSubject.N1)),
        ]
    )
    assert totals.tax_breakdown[1:] == (
        BreakdownRow(TaxType.IVA, "01", "E1", None, D("80.00"), None, None, None),
        BreakdownRow(TaxType.IVA, "01", "N1", None, D("30.00"), None, None, None),
    )
    assert totals.subtotal == D("210.00")
    assert totals.taxes_total == D("21.00")
    assert totals.total == D("231.00")


def test_reverse_charge_row_has_rate_and_quota_zero() -> None:
    totals = compute_totals([line("1", "500", LineTax(reverse_charge=True))])
    (row,) = totals.tax_breakdown
    assert (row.operation, row.rate, row.tax_amount) == ("S2", D("0"), D("0.00"))
    assert row.surcharge_rate is None
    assert totals.total == D("500.00")


def test_tax_types_are_grouped_apart() -> None:
    totals = compute_totals(
        [line("1", "100", LineTax(type=TaxType.IGIC, rate=D("7"))), line("1", "100")]
    )
    assert [(r.tax_type, r.tax_amount) for r in totals.tax_breakdown] == [
        (TaxType.IGIC, D("7.00")),
        (TaxType.IVA, D("21.00")),
    ]


@pytest.mark.parametrize(
    ("tax", "operation"),
    [
        (IVA21, "S1"),
        (LineTax(reverse_charge=True), "S2"),
        (LineTax(not_subject=NotSubject.N2), "N2"),
        (LineTax(exemption=Exemption.E5), "E5"),
    ],
)
def test_operation_key(tax: LineTax, operation: str) -> None:
    assert tax.operation == operation


def test_compute_refuses_a_taxed_line_without_rate() -> None:
    with pytest.raises(TaxRuleViolation) as exc:
        compute_totals([line("1", "10", LineTax())])
    assert exc.value.param == "tax.rate"


def test_compute_refuses_an_impossible_withholding_rate() -> None:
    with pytest.raises(TaxRuleViolation) as exc:
        compute_totals([line("1", "10")], withholding_rate=D("120"))
    assert exc.value.param == "withholding_rate"


# --- legal combinations -----------------------------------------------------------------------

VALID_TAXES = [
    IVA21,
    IVA4,
    LineTax(rate=D("10")),
    LineTax(rate=D("0")),
    LineTax(rate=D("21"), surcharge_rate=D("5.2")),
    LineTax(rate=D("21"), surcharge_rate=D("1.75")),
    LineTax(rate=D("10"), surcharge_rate=D("1.4")),
    LineTax(rate=D("4"), surcharge_rate=D("0.5")),
    LineTax(rate=D("21"), regime="03"),
    LineTax(rate=D("21"), regime="20"),
    LineTax(type=TaxType.IGIC, rate=D("7")),
    LineTax(type=TaxType.IGIC, rate=D("6.5")),
    LineTax(type=TaxType.IGIC, exemption=Exemption.E7),
    LineTax(type=TaxType.IPSI, rate=D("4"), regime="08"),
    LineTax(reverse_charge=True),
    LineTax(reverse_charge=True, rate=D("0")),
    LineTax(type=TaxType.IGIC, reverse_charge=True),
    LineTax(exemption=Exemption.E1),
    LineTax(exemption=Exemption.E5, regime="02"),
    LineTax(not_subject=NotSubject.N1),
    LineTax(not_subject=NotSubject.N2),
]


@pytest.mark.parametrize("tax", VALID_TAXES)
def test_legal_combinations_pass(tax: LineTax) -> None:
    check_line_tax(tax)


@pytest.mark.parametrize(
    ("tax", "param"),
    [
        (LineTax(rate=D("21"), surcharge_rate=D("1.4")), "tax.surcharge_rate"),
        (LineTax(rate=D("10"), surcharge_rate=D("5.2")), "tax.surcharge_rate"),
        (LineTax(rate=D("7")), "tax.rate"),
        (LineTax(rate=D("5")), "tax.rate"),  # only in force 2022-07-01..2024-09-30
        (LineTax(type=TaxType.IGIC, rate=D("7"), surcharge_rate=D("1.4")), "tax.surcharge_rate"),
        (LineTax(exemption=Exemption.E7), "tax.exemption"),
        (LineTax(type=TaxType.IPSI, exemption=Exemption.E8), "tax.exemption"),
        (LineTax(), "tax.rate"),
        (LineTax(rate=D("21"), exemption=Exemption.E1), "tax.rate"),
        (LineTax(exemption=Exemption.E1, surcharge_rate=D("5.2")), "tax.surcharge_rate"),
        (LineTax(exemption=Exemption.E1, not_subject=NotSubject.N1), "tax.not_subject"),
        (LineTax(not_subject=NotSubject.N1, reverse_charge=True), "tax.reverse_charge"),
        (LineTax(reverse_charge=True, rate=D("21")), "tax.rate"),
        (LineTax(reverse_charge=True, surcharge_rate=D("5.2")), "tax.surcharge_rate"),
        (LineTax(type=TaxType.IPSI, reverse_charge=True), "tax.reverse_charge"),
        (LineTax(type=TaxType.IGIC, rate=D("101")), "tax.rate"),
        (LineTax(type=TaxType.IGIC, rate=D("-1")), "tax.rate"),
        (LineTax(rate=D("21"), regime="12"), "tax.regime"),
        (LineTax(rate=D("21"), regime="1"), "tax.regime"),
        (LineTax(type=TaxType.IPSI, rate=D("4"), regime="02"), "tax.regime"),
    ],
)
def test_illegal_combinations_name_the_field(tax: LineTax, param: str) -> None:
    with pytest.raises(TaxRuleViolation) as exc:
        check_line_tax(tax)
    assert exc.value.param == param
    assert isinstance(exc.value, ValueError)
    assert str(exc.value)


@pytest.mark.parametrize(
    ("on", "legal"),
    [
        (None, False),
        (date(2022, 6, 30), False),
        (date(2022, 7, 1), True),
        (date(2023, 5, 1), True),
        (date(2024, 9, 30), True),
        (date(2024, 10, 1), False),
        (date(2025, 1, 1), False),
    ],
)
def test_iva_5_only_while_it_was_in_force(on: date | None, legal: bool) -> None:
    tax = LineTax(rate=D("5"))
    if legal:
        check_line_tax(tax, on=on)
    else:
        with pytest.raises(TaxRuleViolation, match="not in force"):
            check_line_tax(tax, on=on)


@pytest.mark.parametrize(
    ("rate", "surcharge", "on"),
    [
        ("5", "0.5", date(2022, 12, 1)),
        ("5", "0.62", date(2023, 5, 1)),
        ("0", "0", date(2024, 3, 1)),
        ("2", "0.26", date(2024, 11, 15)),
        ("7.5", "1", date(2024, 12, 31)),
        ("21", "5.2", date(2023, 5, 1)),
    ],
)
def test_historical_surcharge_pairs_need_their_date(rate: str, surcharge: str, on: date) -> None:
    tax = LineTax(rate=D(rate), surcharge_rate=D(surcharge))
    check_line_tax(tax, on=on)
    if rate != "21":
        with pytest.raises(TaxRuleViolation):
            check_line_tax(tax)
        with pytest.raises(TaxRuleViolation):
            check_line_tax(tax, on=date(2025, 6, 1))


def test_five_percent_pair_changed_on_new_year_2023() -> None:
    with pytest.raises(TaxRuleViolation) as exc:
        check_line_tax(LineTax(rate=D("5"), surcharge_rate=D("0.5")), on=date(2023, 5, 1))
    assert exc.value.param == "tax.surcharge_rate"


# --- properties -------------------------------------------------------------------------------

MONEY_FIELDS = {
    LineAmounts: ("subtotal", "taxes", "surcharge", "total"),
    BreakdownRow: ("base", "tax_amount", "surcharge_amount"),
    InvoiceTotals: ("subtotal", "taxes_total", "surcharge_total", "withholding_total", "total"),
}


def money_amounts(totals: InvoiceTotals) -> Iterator[Decimal]:
    for obj in (totals, *totals.lines, *totals.tax_breakdown):
        for name in MONEY_FIELDS[type(obj)]:
            value = getattr(obj, name)
            if value is not None:
                yield value


def all_values(obj: object) -> Iterator[object]:
    """Every leaf value in the result, to prove no float slipped through."""
    if dataclasses.is_dataclass(obj):
        for field in dataclasses.fields(obj):
            yield from all_values(getattr(obj, field.name))
    elif isinstance(obj, tuple):
        for item in obj:
            yield from all_values(item)
    else:
        yield obj


def half_up(base: Decimal, rate: Decimal) -> Decimal:
    """The rounding rule, written independently of the code under test."""
    with localcontext() as ctx:
        ctx.prec = 60
        return (base * rate / 100).quantize(D("0.01"), rounding=ROUND_HALF_UP)


def key(tax: LineTax) -> tuple[object, ...]:
    """The DetalleDesglose grouping: a reverse-charge line counts as rate 0 even if omitted."""
    rate = D("0") if tax.reverse_charge else tax.rate
    return (tax.type, tax.regime, tax.operation, rate, tax.surcharge_rate)


quantities = st.decimals(
    min_value="-1000", max_value="1000", places=3, allow_nan=False, allow_infinity=False
)
prices = st.decimals(
    min_value="-10000", max_value="10000", places=2, allow_nan=False, allow_infinity=False
)
discounts = st.decimals(
    min_value="0", max_value="100", places=2, allow_nan=False, allow_infinity=False
)
line_inputs = st.builds(LineInput, quantities, prices, discounts, st.sampled_from(VALID_TAXES))
invoices = st.lists(line_inputs, max_size=12)
withholdings = (
    st.none()
    | st.sampled_from([D("1"), D("7"), D("15"), D("19")])
    | st.decimals(min_value="0", max_value="100", places=2, allow_nan=False, allow_infinity=False)
)
PROPERTY = settings(max_examples=300, deadline=None)


@PROPERTY
@given(invoices, withholdings)
def test_totals_are_the_sum_of_the_breakdown(lines: list[LineInput], wh: Decimal | None) -> None:
    t = compute_totals(lines, wh)
    rows = t.tax_breakdown
    assert t.subtotal == sum((r.base for r in rows), D("0"))
    assert t.subtotal == sum((a.subtotal for a in t.lines), D("0"))
    assert t.taxes_total == sum((r.tax_amount for r in rows if r.tax_amount is not None), D(0))
    assert t.surcharge_total == sum(
        (r.surcharge_amount for r in rows if r.surcharge_amount is not None), D("0")
    )
    assert t.total == t.subtotal + t.taxes_total + t.surcharge_total - t.withholding_total
    expected_wh = D("0") if wh is None else half_up(t.subtotal, wh)
    assert t.withholding_total == expected_wh


@PROPERTY
@given(invoices, withholdings)
def test_every_amount_is_a_two_decimal_decimal(lines: list[LineInput], wh: Decimal | None) -> None:
    t = compute_totals(lines, wh)
    for amount in money_amounts(t):
        assert isinstance(amount, Decimal)
        assert amount.as_tuple().exponent == -2
    assert not any(isinstance(v, float) for v in all_values(t))


@PROPERTY
@given(invoices)
def test_each_row_is_taxed_half_up_on_its_own_base(lines: list[LineInput]) -> None:
    t = compute_totals(lines)
    keys = {(r.tax_type, r.regime, r.operation, r.rate, r.surcharge_rate) for r in t.tax_breakdown}
    assert len(keys) == len(t.tax_breakdown)
    for row in t.tax_breakdown:
        if row.operation in ("S1", "S2"):
            assert row.rate is not None and row.tax_amount == half_up(row.base, row.rate)
        else:
            assert (row.rate, row.tax_amount, row.surcharge_rate) == (None, None, None)
        if row.surcharge_rate is not None:
            assert row.surcharge_amount == half_up(row.base, row.surcharge_rate)
        else:
            assert row.surcharge_amount is None


@PROPERTY
@given(invoices)
def test_lines_are_rounded_half_up_and_grouped_by_fiscal_key(lines: list[LineInput]) -> None:
    t = compute_totals(lines)
    subtotals = [half_up(li.quantity * li.unit_price, 100 - li.discount_percent) for li in lines]
    assert [a.subtotal for a in t.lines] == subtotals
    expected: dict[tuple[object, ...], Decimal] = {}
    for li, sub in zip(lines, subtotals, strict=True):
        k = key(li.tax)
        expected[k] = expected.get(k, D("0")) + sub
    assert [r.base for r in t.tax_breakdown] == list(expected.values())


@PROPERTY
@given(invoices, withholdings)
def test_a_credit_note_mirrors_the_invoice(lines: list[LineInput], wh: Decimal | None) -> None:
    credit = [dataclasses.replace(li, quantity=-li.quantity) for li in lines]
    original, mirrored = compute_totals(lines, wh), compute_totals(credit, wh)
    assert list(money_amounts(mirrored)) == [-a for a in money_amounts(original)]

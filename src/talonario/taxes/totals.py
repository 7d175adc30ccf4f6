"""Invoice totals and the tax breakdown AEAT expects (VERI*FACTU `Desglose/DetalleDesglose`).

Rounding rule: each line's amount is rounded to cents; each breakdown row's quota is computed
once on the row's aggregated base (not summed from per-line quotas), so the invoice matches what
AEAT recomputes from the breakdown; invoice totals are exact sums of those rounded parts.
Pure: no I/O, no clock, no database.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, localcontext
from enum import StrEnum

from talonario.kit.money import DECIMAL_CONTEXT, ZERO, percent_of, round_money, to_decimal
from talonario.verifactu.records import BreakdownRow, TaxType

HUNDRED = Decimal("100")


class Exemption(StrEnum):
    """Exempt operation keys (AEAT list L10, `OperacionExenta`)."""

    E1 = "E1"  # LIVA art. 20: exempt domestic operations (health, education, finance...)
    E2 = "E2"  # LIVA art. 21: exports
    E3 = "E3"  # LIVA art. 22: operations treated as exports
    E4 = "E4"  # LIVA arts. 23 and 24: customs areas, warehouses and regimes
    E5 = "E5"  # LIVA art. 25: intra-EU supplies of goods
    E6 = "E6"  # other exemptions
    E7 = "E7"  # IGIC only: exemption under IGIC law (Ley 20/1991)
    E8 = "E8"  # IGIC only: exemption under IGIC law (Ley 20/1991)


class NotSubject(StrEnum):
    """Not-subject operation keys (AEAT list L5, `CalificacionOperacion` N1/N2)."""

    N1 = "N1"  # not subject under LIVA art. 7, 14 and others
    N2 = "N2"  # not subject because of place-of-supply rules (LIVA arts. 68-70)


@dataclass(frozen=True, slots=True)
class LineTax:
    """How one line is taxed. Exactly one of rate / exemption / not_subject, see check_line_tax."""

    type: TaxType = TaxType.IVA
    rate: Decimal | None = None
    surcharge_rate: Decimal | None = None
    regime: str = "01"
    exemption: Exemption | None = None
    not_subject: NotSubject | None = None
    reverse_charge: bool = False

    @property
    def operation(self) -> str:
        """AEAT qualification key: S1 taxed, S2 reverse charge, N1/N2 not subject, E1-E8."""
        if self.exemption is not None:
            return self.exemption.value
        if self.not_subject is not None:
            return self.not_subject.value
        return "S2" if self.reverse_charge else "S1"


@dataclass(frozen=True, slots=True)
class LineInput:
    quantity: Decimal
    unit_price: Decimal
    discount_percent: Decimal = Decimal("0")
    tax: LineTax = LineTax(rate=Decimal("21"))


@dataclass(frozen=True, slots=True)
class LineAmounts:
    """Per-line figures, informative only: the invoice quota comes from the breakdown rows."""

    subtotal: Decimal
    taxes: Decimal
    surcharge: Decimal
    total: Decimal


@dataclass(frozen=True, slots=True)
class InvoiceTotals:
    lines: tuple[LineAmounts, ...]
    tax_breakdown: tuple[BreakdownRow, ...]
    subtotal: Decimal
    taxes_total: Decimal
    surcharge_total: Decimal
    withholding_rate: Decimal | None
    withholding_total: Decimal
    total: Decimal


class TaxRuleViolation(ValueError):
    """A line's tax is not legal; `param` names the offending field for the API error."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(message)
        self.param = param
        self.message = message


# --- legal tables -----------------------------------------------------------------------------

# ClaveRegimen (AEAT lists L8A/L8B). IPSI only admits the subset that applies in Ceuta/Melilla.
REGIMES = frozenset({f"{n:02d}" for n in (*range(1, 12), 14, 15, *range(17, 22))})
IPSI_REGIMES = frozenset({"01", "08", "11", "18", "19", "20"})
IGIC_ONLY_EXEMPTIONS = frozenset({Exemption.E7, Exemption.E8})
# Exports (LIVA art. 21) and operations assimilated to them (art. 22): never under the general
# regime 01 (AEAT 1199); the export regime 02 takes only exempt lines (AEAT 1286). Both keys
# mean the same in IVA (L8A) and IGIC (L8B).
EXPORT_EXEMPTIONS = frozenset({Exemption.E2, Exemption.E3})
EXPORT_REGIME = "02"

_ALWAYS = (date.min, date.max)
# IVA rates (LIVA arts. 90-91) with the dates they were in force; temporary ones per RDL 11/2022,
# RDL 20/2022, RDL 8/2023 and RDL 4/2024.
_IVA_RATES: tuple[tuple[Decimal, tuple[date, date]], ...] = (
    (Decimal("0"), _ALWAYS),
    (Decimal("4"), _ALWAYS),
    (Decimal("10"), _ALWAYS),
    (Decimal("21"), _ALWAYS),
    (Decimal("5"), (date(2022, 7, 1), date(2024, 9, 30))),
    (Decimal("2"), (date(2024, 10, 1), date(2024, 12, 31))),
    (Decimal("7.5"), (date(2024, 10, 1), date(2024, 12, 31))),
)
# Recargo de equivalencia (LIVA art. 161): the surcharge rate is tied to the IVA rate.
_SURCHARGE_PAIRS: tuple[tuple[Decimal, Decimal, tuple[date, date]], ...] = (
    (Decimal("21"), Decimal("5.2"), _ALWAYS),
    (Decimal("21"), Decimal("1.75"), _ALWAYS),  # tobacco
    (Decimal("10"), Decimal("1.4"), _ALWAYS),
    (Decimal("4"), Decimal("0.5"), _ALWAYS),
    (Decimal("5"), Decimal("0.5"), (date.min, date(2022, 12, 31))),
    (Decimal("5"), Decimal("0.62"), (date(2023, 1, 1), date(2024, 9, 30))),
    (Decimal("0"), Decimal("0"), (date(2023, 1, 1), date(2024, 9, 30))),
    (Decimal("2"), Decimal("0.26"), (date(2024, 10, 1), date(2024, 12, 31))),
    (Decimal("7.5"), Decimal("1"), (date(2024, 10, 1), date(2024, 12, 31))),
)


def _in_force(window: tuple[date, date], on: date | None) -> bool:
    """Without a date only permanent entries count: the caller did not say when the sale was."""
    return window == _ALWAYS if on is None else window[0] <= on <= window[1]


# --- validation -------------------------------------------------------------------------------


def check_line_tax(tax: LineTax, on: date | None = None) -> None:
    """Raise TaxRuleViolation if `tax` is not a legal combination (on date `on`, if given)."""
    _check_shape(tax)
    _check_regime(tax)
    if tax.exemption in IGIC_ONLY_EXEMPTIONS and tax.type is not TaxType.IGIC:
        raise TaxRuleViolation("tax.exemption", f"exemption {tax.exemption} only exists in IGIC")
    if tax.reverse_charge and tax.type is TaxType.IPSI:
        raise TaxRuleViolation("tax.reverse_charge", "reverse charge (S2) applies to IVA or IGIC")
    if tax.rate is not None:
        _check_rate(tax, on)
    if tax.surcharge_rate is not None:
        _check_surcharge(tax, on)


def _check_shape(tax: LineTax) -> None:
    """The structural rules the arithmetic relies on: which fields a qualification carries."""
    if tax.exemption is not None and tax.not_subject is not None:
        raise TaxRuleViolation("tax.not_subject", "a line cannot be both exempt and not subject")
    if tax.exemption is not None or tax.not_subject is not None:
        kind = "exempt" if tax.exemption is not None else "not-subject"
        if tax.rate is not None:
            raise TaxRuleViolation("tax.rate", f"{kind} lines carry no tax rate")
        if tax.surcharge_rate is not None:
            raise TaxRuleViolation("tax.surcharge_rate", f"{kind} lines carry no surcharge")
        if tax.reverse_charge:
            raise TaxRuleViolation("tax.reverse_charge", f"{kind} lines cannot be reverse charge")
    elif tax.reverse_charge:
        # S2: the customer self-assesses the tax, so the invoice shows rate 0 and no quota.
        if tax.rate is not None and _decimal("tax.rate", tax.rate) != 0:
            raise TaxRuleViolation("tax.rate", "reverse-charge (S2) lines have rate 0 or none")
        if tax.surcharge_rate is not None:
            raise TaxRuleViolation("tax.surcharge_rate", "reverse-charge lines carry no surcharge")
    elif tax.rate is None:
        raise TaxRuleViolation(
            "tax.rate", "taxed lines need a rate (or an exemption / not-subject key)"
        )


def _check_regime(tax: LineTax) -> None:
    allowed = IPSI_REGIMES if tax.type is TaxType.IPSI else REGIMES
    if tax.regime not in allowed:
        raise TaxRuleViolation(
            "tax.regime", f"regime key {tax.regime!r} is not valid for {tax.type}"
        )
    if tax.type is TaxType.IPSI:
        return
    if tax.exemption in EXPORT_EXEMPTIONS and tax.regime == "01":
        raise TaxRuleViolation(
            "tax.regime",
            f"an {tax.exemption} line (export) cannot be under the general regime 01 (AEAT"
            f" 1199): use regime {EXPORT_REGIME}, the default for {tax.exemption}",
        )
    if tax.regime == EXPORT_REGIME and tax.exemption is None:
        raise TaxRuleViolation(
            "tax.regime",
            "regime 02 (export) takes only exempt lines (AEAT 1286): give the line its"
            " exemption (E2 for an export) or another regime",
        )


def _check_rate(tax: LineTax, on: date | None) -> None:
    rate = _decimal("tax.rate", tax.rate)
    if not 0 <= rate <= HUNDRED:
        raise TaxRuleViolation("tax.rate", "tax rate must be between 0 and 100")
    if tax.type is TaxType.IVA and not tax.reverse_charge:
        legal = {r for r, window in _IVA_RATES if _in_force(window, on)}
        if rate not in legal:
            when = f" on {on.isoformat()}" if on else ""
            raise TaxRuleViolation("tax.rate", f"IVA rate {rate}% is not in force{when}")


def _check_surcharge(tax: LineTax, on: date | None) -> None:
    if tax.type is not TaxType.IVA:
        raise TaxRuleViolation("tax.surcharge_rate", "recargo de equivalencia only exists in IVA")
    surcharge = _decimal("tax.surcharge_rate", tax.surcharge_rate)
    rate = _decimal("tax.rate", tax.rate)
    legal = {(r, s) for r, s, window in _SURCHARGE_PAIRS if _in_force(window, on)}
    if (rate, surcharge) not in legal:
        raise TaxRuleViolation(
            "tax.surcharge_rate",
            f"surcharge {surcharge}% does not go with IVA {rate}% (LIVA art. 161)",
        )


def _decimal(param: str, value: object) -> Decimal:
    try:
        return to_decimal(value)
    except ValueError as exc:
        raise TaxRuleViolation(param, str(exc)) from None


# --- arithmetic -------------------------------------------------------------------------------


def compute_totals(
    lines: Sequence[LineInput], withholding_rate: Decimal | None = None
) -> InvoiceTotals:
    """Totals of an invoice. Rates are not checked against the law here (call check_line_tax
    with the invoice date for that); only the shape of each line's tax is enforced."""
    amounts = tuple(_line_amounts(line) for line in lines)
    rows = _breakdown(lines, amounts)
    subtotal = _sum(a.subtotal for a in amounts)
    taxes = _sum(r.tax_amount for r in rows if r.tax_amount is not None)
    surcharge = _sum(r.surcharge_amount for r in rows if r.surcharge_amount is not None)
    withholding = _withholding(subtotal, withholding_rate)
    return InvoiceTotals(
        lines=amounts,
        tax_breakdown=rows,
        subtotal=subtotal,
        taxes_total=taxes,
        surcharge_total=surcharge,
        withholding_rate=withholding_rate,
        withholding_total=withholding,
        total=_sum((subtotal, taxes, surcharge, -withholding)),
    )


def _withholding(subtotal: Decimal, rate: Decimal | None) -> Decimal:
    """IRPF withheld by the client (LIRPF art. 101): paid to AEAT, not part of the breakdown."""
    if rate is None:
        return ZERO
    value = _decimal("withholding_rate", rate)
    if not 0 <= value <= HUNDRED:
        raise TaxRuleViolation("withholding_rate", "withholding rate must be between 0 and 100")
    return percent_of(subtotal, value)


def _line_subtotal(line: LineInput) -> Decimal:
    quantity = _decimal("quantity", line.quantity)
    price = _decimal("unit_price", line.unit_price)
    discount = _decimal("discount_percent", line.discount_percent)
    with localcontext(DECIMAL_CONTEXT):
        return round_money(quantity * price * (HUNDRED - discount) / HUNDRED)


def _rates(tax: LineTax) -> tuple[Decimal | None, Decimal | None]:
    """(tax rate, surcharge rate) that apply: S2 is taxed at 0, N*/E* carry none."""
    _check_shape(tax)
    if tax.operation == "S2":
        return Decimal("0"), None
    if tax.operation != "S1":
        return None, None
    surcharge = tax.surcharge_rate
    return (
        _decimal("tax.rate", tax.rate),
        None if surcharge is None else _decimal("tax.surcharge_rate", surcharge),
    )


def _line_amounts(line: LineInput) -> LineAmounts:
    subtotal = _line_subtotal(line)
    rate, surcharge_rate = _rates(line.tax)
    taxes = ZERO if rate is None else percent_of(subtotal, rate)
    surcharge = ZERO if surcharge_rate is None else percent_of(subtotal, surcharge_rate)
    return LineAmounts(subtotal, taxes, surcharge, subtotal + taxes + surcharge)


_GroupKey = tuple[TaxType, str, str, Decimal | None, Decimal | None]


def _breakdown(
    lines: Sequence[LineInput], amounts: Sequence[LineAmounts]
) -> tuple[BreakdownRow, ...]:
    """Group bases by fiscal combination (a dict keeps first-appearance order), tax each group."""
    bases: dict[_GroupKey, Decimal] = {}
    for line, amount in zip(lines, amounts, strict=True):
        rate, surcharge_rate = _rates(line.tax)
        key = (line.tax.type, line.tax.regime, line.tax.operation, rate, surcharge_rate)
        bases[key] = bases.get(key, ZERO) + amount.subtotal
    return tuple(_row(key, base) for key, base in bases.items())


def _row(key: _GroupKey, base: Decimal) -> BreakdownRow:
    tax_type, regime, operation, rate, surcharge_rate = key
    return BreakdownRow(
        tax_type=tax_type,
        regime=regime,
        operation=operation,
        rate=rate,
        base=base,
        tax_amount=None if rate is None else percent_of(base, rate),
        surcharge_rate=surcharge_rate,
        surcharge_amount=None if surcharge_rate is None else percent_of(base, surcharge_rate),
    )


def _sum(values: Iterable[Decimal]) -> Decimal:
    """Exact sum that stays at two decimals, 0.00 when empty."""
    with localcontext(DECIMAL_CONTEXT):
        return sum(values, ZERO)

"""The 347 and VAT (Modelo 303) figures, from the signed entries of ledger.py. Pure: no I/O.

Modelo 347 (RD 1065/2007 arts. 31–35; AEAT's list of excluded operations, art. 32 RGAT):
a counterparty is declared when its operations of the year, VAT and recargo included, exceed
3,005.06 EUR (in absolute value: rectifications may leave it negative), with the year's total
and each quarter's. Here a counterparty is a client identified by a Spanish NIF; counted:

- issued invoices of the year, by issue date (the quarter their VAT is declared in);
- not those marked `exclude_347`, nor an F2 without an identified recipient (no invoice with
  the recipient's data was due), nor recipients without a Spanish NIF (foreign ids);
- rows exempt as exports (E2) or intra-EU supplies (E5) are left out: the first are excluded
  from the 347, the second are declared in the Modelo 349;
- rectifying invoices net into the NIF they name, in the quarter they are issued in;
- IRPF withheld is not taken off: the consideration is declared with its VAT.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TypeVar

from talonario.reports.ledger import ZERO, Entry
from talonario.reports.schemas import (
    BaseRow,
    Counterparty347,
    OtherTaxRow,
    Quarters,
    Report347Out,
    TaxedRow,
    VatReportOut,
    VatTotals,
)

THRESHOLD_347 = Decimal("3005.06")
# Exports (LIVA art. 21) and intra-EU supplies (art. 25, Modelo 349): not in the 347.
NOT_IN_347 = frozenset({"E2", "E5"})
CENT = Decimal("0.01")
K = TypeVar("K")


def rate_key(rate: Decimal) -> Decimal:
    """21, 5.2, 1.75: one key however the rate was written ("21", "21.00")."""
    exact = rate.quantize(CENT)
    return exact.quantize(Decimal(1)) if exact == exact.to_integral_value() else exact.normalize()


def nif_of(client: dict[str, object] | None) -> str | None:
    nif = client.get("nif") if client else None
    return str(nif).strip().upper() if nif else None


@dataclass
class _Party:
    nif: str
    name: str = ""
    named_on: date = date.min
    quarters: list[Decimal] = field(default_factory=lambda: [ZERO] * 4)
    invoices: set[str] = field(default_factory=set)

    def add(self, entry: Entry) -> None:
        invoice = entry.invoice
        amount = entry.base + entry.quota + entry.surcharge
        self.quarters[(invoice.issued_on.month - 1) // 3] += amount
        self.invoices.add(invoice.id)
        if invoice.issued_on >= self.named_on and invoice.client:
            self.name, self.named_on = str(invoice.client.get("name") or ""), invoice.issued_on

    def out(self) -> Counterparty347:
        q1, q2, q3, q4 = self.quarters
        return Counterparty347(
            nif=self.nif,
            name=self.name,
            total=sum(self.quarters, ZERO),
            quarters=Quarters(q1=q1, q2=q2, q3=q3, q4=q4),
            invoices=len(self.invoices),
        )


def report_347(year: int, entries: Iterable[Entry]) -> Report347Out:
    parties: dict[str, _Party] = {}
    for entry in entries:
        invoice = entry.invoice
        nif = nif_of(invoice.client)
        if nif is None or invoice.exclude_347 or entry.operation in NOT_IN_347:
            continue
        parties.setdefault(nif, _Party(nif)).add(entry)
    declared = [
        p.out() for _, p in sorted(parties.items()) if abs(sum(p.quarters, ZERO)) > THRESHOLD_347
    ]
    return Report347Out(
        year=year,
        threshold=THRESHOLD_347,
        total=sum((p.total for p in declared), ZERO),
        data=declared,
    )


@dataclass
class _Sums:
    base: Decimal = ZERO
    quota: Decimal = ZERO


def _add(table: dict[K, _Sums], key: K, base: Decimal, quota: Decimal = ZERO) -> None:
    sums = table.setdefault(key, _Sums())
    sums.base += base
    sums.quota += quota


def vat_report(start: date, end: date, entries: Iterable[Entry]) -> VatReportOut:
    """Modelo 303's figures of the issued invoices: IVA by rate, recargo by rate, exempt and
    not-subject bases by cause, reverse charge; IGIC/IPSI rows apart (not 303 figures)."""
    taxed: dict[Decimal, _Sums] = {}
    surcharge: dict[Decimal, _Sums] = {}
    exempt: dict[str, _Sums] = {}
    not_subject: dict[str, _Sums] = {}
    other: dict[tuple[str, str, Decimal | None], _Sums] = {}
    reverse = ZERO
    invoices: set[str] = set()
    for e in entries:
        invoices.add(e.invoice.id)
        if e.tax_type != "IVA":
            rate = None if e.rate is None else rate_key(e.rate)
            _add(other, (e.tax_type, e.operation, rate), e.base, e.quota + e.surcharge)
        elif e.operation == "S1":
            _add(taxed, rate_key(e.rate or ZERO), e.base, e.quota)
            if e.surcharge_rate is not None:
                _add(surcharge, rate_key(e.surcharge_rate), e.base, e.surcharge)
        elif e.operation == "S2":
            reverse += e.base
        elif e.operation.startswith("E"):
            _add(exempt, e.operation, e.base)
        else:
            _add(not_subject, e.operation, e.base)
    taxed_rows = [TaxedRow(rate=k, base=s.base, quota=s.quota) for k, s in _by_rate(taxed)]
    surcharge_rows = [TaxedRow(rate=k, base=s.base, quota=s.quota) for k, s in _by_rate(surcharge)]
    quota = sum((r.quota for r in taxed_rows), ZERO)
    surcharge_quota = sum((r.quota for r in surcharge_rows), ZERO)
    return VatReportOut(
        from_=start,
        to=end,
        invoices=len(invoices),
        taxed=taxed_rows,
        surcharge=surcharge_rows,
        exempt=_causes(exempt),
        not_subject=_causes(not_subject),
        reverse_charge_base=reverse,
        other_taxes=[
            OtherTaxRow(type=t, operation=op, rate=r, base=s.base, quota=s.quota)
            for (t, op, r), s in sorted(other.items(), key=lambda kv: str(kv[0]))
        ],
        totals=VatTotals(
            base=sum((r.base for r in taxed_rows), ZERO),
            quota=quota,
            surcharge_base=sum((r.base for r in surcharge_rows), ZERO),
            surcharge_quota=surcharge_quota,
            exempt_base=sum((s.base for s in exempt.values()), ZERO),
            not_subject_base=sum((s.base for s in not_subject.values()), ZERO),
            reverse_charge_base=reverse,
            accrued=quota + surcharge_quota,
        ),
    )


def _by_rate(table: dict[Decimal, _Sums]) -> list[tuple[Decimal, _Sums]]:
    return sorted(table.items(), key=lambda kv: kv[0], reverse=True)


def _causes(table: dict[str, _Sums]) -> list[BaseRow]:
    return [BaseRow(cause=k, base=s.base) for k, s in sorted(table.items())]

"""Which issued invoices a tax report counts, and with what sign: the one place both the 347
and the VAT report take their entries from.

- Standing invoices of ours only (issued, partially paid, paid): drafts are no invoices and a
  voided one was cancelled by its anulación record. Gateway records are left to the system
  that issued them.
- An F2 replaced by an F3 (`substituted_by`) is counted through its F3, not twice.
- A rectifying invoice (R1–R5) counts in its own period (the quarter it is issued in, as a
  modification is declared when it is made). By differences its lines already carry the
  change (negative amounts); by substitution it carries the new amounts whole, so the
  invoices it rectifies are taken off in its period (those still standing).
"""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from talonario.reports.repository import STANDING, TaxRow

ZERO = Decimal("0.00")


@dataclass(frozen=True, slots=True)
class Entry:
    """One tax breakdown row of a counted invoice, signed: -1 takes a rectified one off."""

    invoice: TaxRow
    sign: int
    tax_type: str
    regime: str
    operation: str
    rate: Decimal | None
    base: Decimal
    quota: Decimal
    surcharge_rate: Decimal | None
    surcharge: Decimal


def _dec(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _entries(invoice: TaxRow, of: TaxRow, sign: int) -> Iterator[Entry]:
    for row in of.tax_breakdown:
        yield Entry(
            invoice=invoice,
            sign=sign,
            tax_type=str(row.get("tax_type") or "IVA"),
            regime=str(row.get("regime") or "01"),
            operation=str(row["operation"]),
            rate=_dec(row.get("rate")),
            base=sign * (_dec(row.get("base")) or ZERO),
            quota=sign * (_dec(row.get("tax_amount")) or ZERO),
            surcharge_rate=_dec(row.get("surcharge_rate")),
            surcharge=sign * (_dec(row.get("surcharge_amount")) or ZERO),
        )


def counted(invoices: Sequence[TaxRow]) -> list[TaxRow]:
    """The invoices a report counts (see the module's docstring)."""
    return [i for i in invoices if i.status in STANDING and i.substituted_by is None]


def rectified_ids(invoices: Sequence[TaxRow]) -> set[str]:
    """The invoices rectified by substitution: their amounts come off in the rectifier's
    period."""
    found: set[str] = set()
    for invoice in invoices:
        if _substitutes(invoice):
            found |= {r["id"] for r in invoice.corrective["rectified_invoices"]}  # type: ignore[index]
    return found


def _substitutes(invoice: TaxRow) -> bool:
    return bool(invoice.corrective and invoice.corrective.get("method") == "substitution")


def entries(invoices: Sequence[TaxRow], originals: dict[str, TaxRow]) -> Iterator[Entry]:
    """Every signed breakdown row of the counted invoices, in their order."""
    for invoice in counted(invoices):
        yield from _entries(invoice, invoice, 1)
        if _substitutes(invoice):
            for ref in invoice.corrective["rectified_invoices"]:  # type: ignore[index]
                original = originals.get(ref["id"])
                if original is not None and original.status in STANDING:
                    yield from _entries(invoice, original, -1)

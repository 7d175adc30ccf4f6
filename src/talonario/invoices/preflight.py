"""Pre-flight: what AEAT would reject in the record of an invoice, refused before it is issued.

Runs on the draft with its totals computed, before any number is taken or record written, so a
violation is a 4xx naming the field and nothing is stored. Rates and recargo pairs are checked
line by line (taxes/totals.py `check_line_tax`); this module adds the invoice-level rules of
spec §7. Pure: no database, no HTTP.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, NoReturn

from talonario.taxes.eligibility import simplified_eligibility
from talonario.taxes.tax_schema import line_tax
from talonario.taxes.totals import TaxRuleViolation, check_line_tax
from talonario.verifactu.codes import InvoiceType
from talonario.verifactu.records import FIRST_ISSUE_DATE

# Desglose holds 1 to 12 DetalleDesglose (AEAT XSD).
MAX_BREAKDOWN_ROWS = 12
# AEAT amounts have at most 12 integer digits (ImporteSgn12.2Type).
MAX_AMOUNT = Decimal("999999999999.99")
SIMPLIFIED = frozenset({"F2", "R5"})
# Regimes whose operation may be dated after the issue (AEAT 1173).
LATER_OPERATION_REGIMES = frozenset({"14", "15"})


@dataclass(frozen=True, slots=True)
class Violation(Exception):
    message: str
    param: str
    code: str = "verifactu_rule"


@dataclass(frozen=True, slots=True)
class Draft:
    """The parts of an invoice the rules look at."""

    type: str
    issued_on: date
    operation_date: date | None
    client: dict[str, Any] | None
    lines: list[dict[str, Any]]
    tax_breakdown: list[dict[str, Any]]
    subtotal: Decimal
    taxes_total: Decimal
    surcharge_total: Decimal
    activity: str | None = None
    substitutes: int = 0
    withholding_rate: Decimal | None = None
    issuer_address: dict[str, Any] | None = None
    # How a rectifying invoice states its change (TipoRectificativa): its `corrective.method`.
    rectification: str | None = None
    # Whether the addresses are ours to check: a gateway record's invoice was issued elsewhere,
    # and AEAT's record carries no address.
    addresses: bool = True


def check(draft: Draft, today: date) -> None:
    """Raise the first Violation AEAT would answer with a rejection, or return."""
    _dates(draft, today)
    _rectification(draft)
    _recipient(draft)
    if draft.addresses:
        _addresses(draft)
    _lines(draft)
    _exempt_supplies(draft)
    _amounts(draft)
    _simplified(draft)
    if draft.type == "F3" and not draft.substitutes:
        raise Violation(
            "An F3 replaces simplified invoices: list them in `substitutes`.", "substitutes"
        )


def _dates(draft: Draft, today: date) -> None:
    if draft.issued_on > today:
        raise Violation("An invoice cannot be dated in the future.", "issued_on", "invalid_date")
    if draft.issued_on < FIRST_ISSUE_DATE:
        raise Violation(
            "VERI*FACTU records cannot carry an issue date before 2024-10-28 (AEAT 1152).",
            "issued_on",
            "invalid_date",
        )
    op = draft.operation_date
    if op is None:
        return
    if op.year > today.year + 1:
        raise Violation(
            "The operation date can be at most next year (AEAT 1125).", "operation_date"
        )
    if op < date(today.year - 20, today.month, 1):
        raise Violation(
            "The operation date is more than 20 years ago (AEAT 1134).", "operation_date"
        )
    if op > draft.issued_on:
        regimes = {ln["tax"].get("regime") for ln in draft.lines}
        if not regimes <= LATER_OPERATION_REGIMES:
            raise Violation(
                "The operation date may only follow the issue date with regime 14 or 15"
                " (AEAT 1173).",
                "operation_date",
            )


def _identified(client: dict[str, Any] | None) -> bool:
    return bool(client and (client.get("nif") or client.get("foreign_id")))


def _recipient(draft: Draft) -> None:
    # An F2 may name its recipient (art. 7.2/7.3, recorded as F1); R5 may not.
    names_recipient = InvoiceType(draft.type).names_recipient
    if names_recipient and not _identified(draft.client):
        raise Violation(
            f"A {draft.type} invoice must identify its recipient: give a client with a nif or"
            " foreign_id (or issue a simplified F2 invoice).",
            "client",
            "recipient_required",
        )
    if draft.type == InvoiceType.RECTIFYING_SIMPLIFIED and _identified(draft.client):
        raise Violation(
            "An R5 rectifies a simplified invoice and names no recipient (AEAT 1190); use R1–R4"
            " to rectify with an identified recipient.",
            "client",
        )


def _rectification(draft: Draft) -> None:
    # R1–R5 carry TipoRectificativa (AEAT 1114): only /rectify gives an invoice its method.
    if InvoiceType(draft.type).is_rectifying and draft.rectification is None:
        raise Violation(
            f"A {draft.type} states how it rectifies (TipoRectificativa, AEAT 1114): create it"
            " with POST /v1/invoices/{id}/rectify from the invoice it corrects.",
            "type",
            "corrective_needs_original",
        )


# An address, for RD 1619/2012 art. 6.1.e, names at least the street and the town; a Spanish one
# also its postal code.
def _missing_address_part(address: dict[str, Any] | None) -> str | None:
    """'' when there is no address at all, the first missing part's name, or None."""
    if not address:
        return ""
    parts = ["street", "city"]
    if address.get("country", "ES") == "ES":
        parts.insert(1, "postal_code")
    for part in parts:
        if not (address.get(part) or "").strip():
            return part
    return None


def _addresses(draft: Draft) -> None:
    """A complete invoice shows the address of its issuer and of its recipient (RD 1619/2012
    art. 6.1.e). The rule has no exception for consumers: one who needs no invoice with their
    data gets a simplified F2, which names no recipient."""
    if not InvoiceType(draft.type).names_recipient:
        return
    missing = _missing_address_part(draft.issuer_address)
    if missing is not None:
        _refuse_address(
            "issuer.address",
            missing,
            f"A complete invoice ({draft.type}) shows the issuer's address (RD 1619/2012"
            f" art. 6.1.e) and the company has {f'no {missing}' if missing else 'none'}: set it"
            " with PATCH /v1/company.",
        )
    assert draft.client is not None  # _recipient ran first
    missing = _missing_address_part(draft.client.get("address"))
    if missing is not None:
        _refuse_address(
            "client.address",
            missing,
            f"A complete invoice ({draft.type}) shows the recipient's address (RD 1619/2012"
            f" art. 6.1.e): give the client's {missing or 'address'}, or issue a simplified F2"
            " to a consumer.",
        )


def _refuse_address(param: str, missing: str, message: str) -> NoReturn:
    """The 422 naming the address, or its first missing part ('' for the whole address)."""
    raise Violation(message, param + (f".{missing}" if missing else ""), "address_required")


def _lines(draft: Draft) -> None:
    on = draft.operation_date or draft.issued_on
    for i, line in enumerate(draft.lines):
        tax = line_tax(line["tax"])
        try:
            check_line_tax(tax, on=on)
        except TaxRuleViolation as exc:
            raise Violation(exc.message, f"lines.{i}.{exc.param}", "invalid_tax") from None
        if draft.type in SIMPLIFIED:
            if tax.surcharge_rate is not None:
                # Recargo is charged only to a retailer under the special regime (LIVA art.
                # 154; spec §12.7): a business, which a simplified invoice does not name.
                raise Violation(
                    "A simplified invoice names no recipient, so it cannot charge recargo de"
                    " equivalencia to a retailer: issue an F1 to the retailer.",
                    f"lines.{i}.tax.surcharge_rate",
                    "invalid_tax",
                )
            if line["tax"].get("reverse_charge"):
                raise Violation(
                    "A simplified invoice cannot carry reverse-charge (S2) lines (AEAT 1197).",
                    f"lines.{i}.tax",
                )
            if line["tax"].get("regime") == "06":
                raise Violation(
                    "A simplified invoice cannot use regime 06 (AEAT 1202).",
                    f"lines.{i}.tax.regime",
                )
    if len(draft.tax_breakdown) > MAX_BREAKDOWN_ROWS:
        raise Violation(
            f"The lines make {len(draft.tax_breakdown)} distinct tax combinations; AEAT takes at"
            f" most {MAX_BREAKDOWN_ROWS} per invoice. Split the invoice.",
            "lines",
        )


def _exempt_supplies(draft: Draft) -> None:
    """An exempt intra-EU supply (E5, LIVA art. 25) goes to a business identified in another
    Member State: AEAT wants that recipient by IDOtro (its VAT number), never a Spanish NIF
    (AEAT 1289)."""
    e5 = any(
        ln["tax"].get("exemption") == "E5" and ln["tax"].get("type", "IVA") == "IVA"
        for ln in draft.lines
    )
    if e5 and draft.client and draft.client.get("nif"):
        raise Violation(
            "An intra-EU supply (E5) goes to a recipient identified in another Member State:"
            " give the client's foreign_id (id_type 02, its EU VAT number), not a Spanish nif"
            " (AEAT 1289).",
            "client.nif",
        )


def _amounts(draft: Draft) -> None:
    total = draft.subtotal + draft.taxes_total + draft.surcharge_total
    if abs(total) > MAX_AMOUNT:
        raise Violation("The invoice total exceeds AEAT's 12 integer digits.", "lines")


def _simplified(draft: Draft) -> None:
    if draft.type in SIMPLIFIED and draft.withholding_rate:
        # IRPF is withheld by the payer, a business or professional (LIRPF art. 99.2), who
        # declares it under the issuer's NIF: the invoice must identify that payer.
        raise Violation(
            "A simplified invoice names no recipient, so it cannot carry an IRPF withholding:"
            " issue an F1 to the client that withholds.",
            "withholding",
        )
    if draft.type != "F2":
        return
    # Art. 4 limits are VAT included; IRPF withholding does not reduce them.
    total = draft.subtotal + draft.taxes_total + draft.surcharge_total
    answer = simplified_eligibility(total, draft.activity)
    if not answer.eligible:
        raise Violation(
            f"This invoice cannot be simplified: {answer.reason} ({answer.legal_basis}).",
            "type",
            "simplified_not_allowed",
        )

"""An invoice's lines and totals: lines built from the request and the catalogue, checked
line by line, then totalled (taxes/totals.py) onto the invoice."""

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from talonario.errors import InvalidRequest
from talonario.invoices.schemas import LineIn
from talonario.models import Invoice, Quote
from talonario.products import service as products
from talonario.taxes.tax_schema import DEFAULT_TAX, line_tax, stored_tax
from talonario.taxes.totals import (
    LineInput,
    TaxRuleViolation,
    check_line_tax,
    compute_totals,
)


def build_lines(
    session: Session, company_id: str, lines: list[LineIn], on: date
) -> tuple[list[dict[str, Any]], list[LineInput]]:
    catalogue = products.get_many(session, company_id, (ln.product for ln in lines if ln.product))
    stored: list[dict[str, Any]] = []
    inputs: list[LineInput] = []
    for i, line in enumerate(lines):
        product = catalogue.get(line.product) if line.product else None
        if line.product and product is None:
            raise InvalidRequest(f"No product '{line.product}'.", param=f"lines.{i}.product")
        if line.tax is not None:
            tax_data = line.tax.model_dump(mode="python")
        elif product is not None:
            tax_data = product.tax
        else:
            tax_data = DEFAULT_TAX
        tax = line_tax(tax_data)
        try:
            check_line_tax(tax, on=on)
        except TaxRuleViolation as exc:
            raise InvalidRequest(exc.message, param=f"lines.{i}.{exc.param}") from None
        unit_price = line.unit_price if line.unit_price is not None else product.unit_price  # type: ignore[union-attr]
        inputs.append(LineInput(line.quantity, unit_price, line.discount_percent, tax))
        stored.append(
            {
                "description": line.description or product.name,  # type: ignore[union-attr]
                "product": product.id if product is not None else None,
                "quantity": line.quantity,
                "unit": line.unit if line.unit is not None else (product.unit if product else None),
                "unit_price": unit_price,
                "discount_percent": line.discount_percent,
                "tax": stored_tax(tax),
            }
        )
    return stored, inputs


def apply_totals(
    invoice: Invoice | Quote,
    lines: list[dict[str, Any]],
    inputs: list[LineInput],
    withholding: Decimal | None,
) -> None:
    """The lines' amounts, the breakdown and the totals onto `invoice` (or a quote, which
    prices exactly as the invoice made from it will)."""
    try:
        totals = compute_totals(inputs, withholding_rate=withholding)
    except TaxRuleViolation as exc:
        param = "withholding.rate" if exc.param == "withholding_rate" else f"lines.{exc.param}"
        raise InvalidRequest(exc.message, param=param) from None
    for line_out, amounts in zip(lines, totals.lines, strict=True):
        line_out.update(subtotal=amounts.subtotal, taxes=amounts.taxes + amounts.surcharge)
        line_out["total"] = amounts.total
    invoice.lines = lines
    invoice.tax_breakdown = [
        {
            "tax_type": row.tax_type.value,
            "regime": row.regime,
            "operation": row.operation,
            "rate": row.rate,
            "base": row.base,
            "tax_amount": row.tax_amount,
            "surcharge_rate": row.surcharge_rate,
            "surcharge_amount": row.surcharge_amount,
        }
        for row in totals.tax_breakdown
    ]
    invoice.subtotal = totals.subtotal
    invoice.taxes_total = totals.taxes_total
    invoice.surcharge_total = totals.surcharge_total
    invoice.withholding_rate = totals.withholding_rate
    invoice.withholding_total = totals.withholding_total
    invoice.total = totals.total


def line_inputs(lines: list[dict[str, Any]]) -> list[LineInput]:
    return [
        LineInput(
            Decimal(ln["quantity"]),
            Decimal(ln["unit_price"]),
            Decimal(ln["discount_percent"]),
            line_tax(ln["tax"]),
        )
        for ln in lines
    ]

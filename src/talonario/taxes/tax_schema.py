"""The `tax` object of a line or product, and its translation to the pure totals model."""

from decimal import Decimal
from typing import Any, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from talonario.kit.money import decimal_or_none
from talonario.kit.schema import Input, Number, Percent
from talonario.taxes.totals import (
    EXPORT_EXEMPTIONS,
    EXPORT_REGIME,
    Exemption,
    LineTax,
    NotSubject,
    TaxType,
)


def _publish_rules(schema: dict[str, Any]) -> None:
    # Imported here: tax_rules reads preflight, which imports this module.
    from talonario.taxes.tax_rules import rules

    schema.update(rules())


class TaxIn(Input):
    model_config = ConfigDict(json_schema_extra=_publish_rules)

    type: TaxType = TaxType.IVA
    rate: Percent | None = Field(default=None, description="Percent, e.g. 21. Not for E*/N*.")
    surcharge_rate: Percent | None = Field(
        default=None, description="Recargo de equivalencia (IVA only): 5.2 with 21, 1.4 with 10…"
    )
    regime: str = Field(
        default="01",
        pattern=r"^\d{2}$",
        description="AEAT ClaveRegimen (L8A). Default 01 (general), or 02 (export) for an E2 or"
        " E3 line in IVA or IGIC, the only one AEAT takes with them (AEAT 1199).",
    )
    exemption: Exemption | None = None
    not_subject: NotSubject | None = None
    reverse_charge: bool = Field(default=False, description="Inversión del sujeto pasivo (S2).")

    @model_validator(mode="after")
    def _default_regime(self) -> Self:
        if "regime" not in self.model_fields_set:
            self.regime = default_regime(self.type, self.exemption)
        return self


class TaxOut(BaseModel):
    type: TaxType
    rate: Number | None
    surcharge_rate: Number | None
    regime: str
    exemption: Exemption | None
    not_subject: NotSubject | None
    reverse_charge: bool


def default_regime(tax: TaxType, exemption: Exemption | None) -> str:
    """01, or the export key for exports: the only one AEAT takes with E2/E3 (1199)."""
    if exemption in EXPORT_EXEMPTIONS and tax is not TaxType.IPSI:
        return EXPORT_REGIME
    return "01"


DEFAULT_TAX: dict[str, Any] = TaxIn(rate=Decimal(21)).model_dump(mode="python")


def line_tax(data: dict[str, Any]) -> LineTax:
    """A stored or validated tax object as the pure model (stored decimals are strings)."""

    return LineTax(
        type=TaxType(data.get("type", "IVA")),
        rate=decimal_or_none(data.get("rate")),
        surcharge_rate=decimal_or_none(data.get("surcharge_rate")),
        regime=data.get("regime", "01"),
        exemption=Exemption(data["exemption"]) if data.get("exemption") else None,
        not_subject=NotSubject(data["not_subject"]) if data.get("not_subject") else None,
        reverse_charge=bool(data.get("reverse_charge", False)),
    )


def stored_tax(tax: LineTax) -> dict[str, Any]:
    """The tax as an invoice line or a product stores it (every field, codes as text)."""
    return {
        "type": tax.type.value,
        "rate": tax.rate,
        "surcharge_rate": tax.surcharge_rate,
        "regime": tax.regime,
        "exemption": tax.exemption.value if tax.exemption else None,
        "not_subject": tax.not_subject.value if tax.not_subject else None,
        "reverse_charge": tax.reverse_charge,
    }

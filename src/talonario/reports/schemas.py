"""The reports' answers. Amounts are exact decimals (JSON numbers with two places)."""

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from talonario.kit.schema import Number


class Quarters(BaseModel):
    q1: Number
    q2: Number
    q3: Number
    q4: Number


class Counterparty347(BaseModel):
    nif: str = Field(description="The client's Spanish NIF, as the invoices name it.")
    name: str = Field(description="The name on its latest invoice of the year.")
    total: Number = Field(description="The year's operations, VAT and recargo included.")
    quarters: Quarters = Field(description="The same, by quarter of issue.")
    invoices: int = Field(description="How many invoices make it (rectifying ones included).")


class Report347Out(BaseModel):
    object: Literal["report_347"] = "report_347"
    year: int
    currency: Literal["EUR"] = "EUR"
    threshold: Number = Field(description="3005.06: a counterparty over it (in absolute value).")
    total: Number = Field(description="The sum of the counterparties listed.")
    data: list[Counterparty347] = Field(description="Counterparties over the threshold, by NIF.")


class TaxedRow(BaseModel):
    rate: Number
    base: Number
    quota: Number


class BaseRow(BaseModel):
    cause: str = Field(description="The AEAT key: E1–E8 (exempt) or N1/N2 (not subject).")
    base: Number


class OtherTaxRow(BaseModel):
    type: str = Field(description="IGIC or IPSI: outside the Modelo 303.")
    operation: str
    rate: Number | None
    base: Number
    quota: Number


class VatTotals(BaseModel):
    base: Number = Field(description="Taxed base (S1), all rates.")
    quota: Number = Field(description="IVA accrued on it.")
    surcharge_base: Number
    surcharge_quota: Number
    exempt_base: Number
    not_subject_base: Number
    reverse_charge_base: Number
    accrued: Number = Field(description="quota + surcharge_quota: the IVA accrued (devengado).")


class VatReportOut(BaseModel):
    object: Literal["vat_report"] = "vat_report"
    from_: date = Field(serialization_alias="from")
    to: date
    currency: Literal["EUR"] = "EUR"
    invoices: int = Field(description="Invoices counted (rectifying ones included).")
    taxed: list[TaxedRow] = Field(description="IVA base and quota by rate (S1), rate down.")
    surcharge: list[TaxedRow] = Field(description="Recargo de equivalencia by its rate.")
    exempt: list[BaseRow]
    not_subject: list[BaseRow]
    reverse_charge_base: Number = Field(description="Inversión del sujeto pasivo (S2).")
    other_taxes: list[OtherTaxRow]
    totals: VatTotals

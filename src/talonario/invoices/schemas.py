from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    EmailStr,
    Field,
    Tag,
    WithJsonSchema,
    model_validator,
)

from talonario.clients.schemas import ONE_ID, ForeignId
from talonario.kit.patch import NotNull, Patch
from talonario.kit.schema import (
    Address,
    Input,
    Percent,
    Quantity,
    SpanishNif,
    UnitPrice,
)
from talonario.models import Invoice
from talonario.taxes.eligibility import Activity
from talonario.taxes.tax_schema import TaxIn

# AEAT L2 TipoFactura. F1 complete (RD 1619/2012 art. 6), F2 simplified (art. 4/7), F3 complete
# in substitution of simplified ones, R1–R4 rectifying (art. 15), R5 rectifying a simplified one.
InvoiceType = Literal["F1", "F2", "F3", "R1", "R2", "R3", "R4", "R5"]
# What POST /v1/invoices and PATCH take: an R1–R5 is made with /rectify (the service says so).
NewInvoiceType = Annotated[
    InvoiceType,
    WithJsonSchema(
        {
            "type": "string",
            "enum": ["F1", "F2", "F3"],
            "description": "R1–R5 are created with POST /v1/invoices/{id}/rectify.",
        }
    ),
]
# `overdue` is never stored: invoices/standing.py computes it when the invoice is read.
InvoiceStatus = Literal["draft", "issued", "partially_paid", "overdue", "paid", "voided"]
VerifactuStatus = Literal[
    "pending", "submitted", "accepted", "accepted_with_errors", "rejected", "kept"
]
Text = Annotated[str, Field(max_length=5000)]


class ClientInline(Input):
    """A recipient given in place, without a saved client."""

    model_config = ConfigDict(json_schema_extra=ONE_ID)

    name: str = Field(min_length=1, max_length=120)
    nif: SpanishNif | None = None
    foreign_id: ForeignId | None = None
    email: EmailStr | None = None
    address: Address | None = None

    @model_validator(mode="after")
    def _one_id(self) -> Self:
        if self.nif is not None and self.foreign_id is not None:
            raise ValueError("give either nif or foreign_id, not both")
        return self


def _client_kind(value: Any) -> str:
    return "ClientId" if isinstance(value, str) else "ClientInline"


# Tagged so that a bad inline recipient reports its own field (client.nif), not a union mess.
ClientRef = Annotated[
    # A client id or its external_id (up to 120 characters, as external ids are).
    Annotated[str, Field(min_length=1, max_length=120), Tag("ClientId")]
    | Annotated[ClientInline, Tag("ClientInline")],
    Discriminator(_client_kind),
]


class LineIn(Input):
    # _priced below, published: a product, or a description and a unit_price.
    model_config = ConfigDict(
        json_schema_extra={
            "anyOf": [
                {"required": ["product"], "properties": {"product": {"type": "string"}}},
                {
                    "required": ["description", "unit_price"],
                    "properties": {
                        "description": {"type": "string"},
                        "unit_price": {"not": {"type": "null"}},
                    },
                },
            ]
        }
    )

    product: str | None = Field(
        default=None, min_length=1, max_length=120, description="Product id or its external_id."
    )
    description: str | None = Field(default=None, min_length=1, max_length=500)
    quantity: Quantity = Field(default=Decimal(1))
    unit: str | None = Field(default=None, max_length=20)
    unit_price: UnitPrice | None = None
    discount_percent: Percent = Field(default=Decimal(0))
    tax: TaxIn | None = None

    @model_validator(mode="after")
    def _priced(self) -> Self:
        if self.product is None:
            if self.description is None:
                raise ValueError("description is required for a line without product")
            if self.unit_price is None:
                raise ValueError("unit_price is required for a line without product")
        return self


class WithholdingIn(Input):
    rate: Percent = Field(description="IRPF withholding percent, e.g. 15.")


Metadata = Annotated[
    dict[Annotated[str, Field(max_length=40)], Annotated[str, Field(max_length=500)]],
    Field(max_length=50),
]
Tags = Annotated[list[Annotated[str, Field(min_length=1, max_length=50)]], Field(max_length=20)]
CustomFields = Annotated[dict[Annotated[str, Field(max_length=40)], Any], Field(max_length=50)]


Ref = Annotated[str, Field(min_length=1, max_length=120)]

# Issuing refuses a date before VERI*FACTU's start (verifactu/records.py FIRST_ISSUE_DATE, AEAT
# 1152); a draft may carry one until then, but the schema says what can be issued.
IssueDate = Annotated[
    date,
    WithJsonSchema(
        {
            "type": "string",
            "format": "date",
            "pattern": r"^(2024-10-(2[89]|3[01])|2024-1[12]-\d{2}"
            r"|(202[5-9]|20[3-9]\d|2[1-9]\d{2}|[3-9]\d{3})-\d{2}-\d{2})$",
        }
    ),
]


VERIFY_RECIPIENT = (
    "On issuing: ask AEAT's census about the recipient's `nif` (and name), or VIES about its"
    " EU VAT number (`foreign_id` 02), first, and refuse one it does not know (422"
    " `recipient_not_identified`). Answers are kept a day (GET /v1/tax-ids/check)."
)


class InvoiceFields(Input):
    series: str | None = Field(default=None, max_length=36, description="Series id or code.")
    client: ClientRef | None = Field(
        default=None,
        description="A client id or its external_id, or the recipient's data inline.",
    )
    issued_on: IssueDate | None = Field(
        default=None, description="Defaults to the day of issue; from 2024-10-28."
    )
    operation_date: date | None = None
    due_on: date | None = None
    withholding: WithholdingIn | None = None
    notes: Text | None = None
    external_id: str | None = Field(default=None, min_length=1, max_length=120)
    metadata: Metadata | None = None
    tags: Tags | None = None
    custom_fields: CustomFields | None = None
    exclude_347: bool | None = Field(
        default=None, description="Leave out of the annual Modelo 347 declaration."
    )
    activity: Activity | None = Field(
        default=None,
        description="For an F2: the RD 1619/2012 art. 4.2 activity that raises its limit from"
        " 400 to 3,000 EUR (VAT included).",
    )
    substitutes: list[Ref] | None = Field(
        default=None,
        max_length=1000,
        description="For an F3: the simplified invoices (F2) it replaces, by id or external_id.",
    )


# The SIF installation whose record chain an issued invoice joins (installations/).
InstallationRef = Annotated[
    str | None,
    Field(
        default=None,
        min_length=1,
        max_length=100,
        description="With `issue: true`: the installation (shop, till) it is issued in, by id"
        " or installation_number; its records chain there. Default: the company's default"
        " installation.",
    ),
]


class InvoiceCreate(InvoiceFields):
    type: NewInvoiceType = "F1"
    currency: Literal["EUR"] = "EUR"
    lines: list[LineIn] = Field(min_length=1, max_length=500)
    issue: bool = Field(default=False, description="Issue it in the same call.")
    verify_recipient: bool = Field(default=False, description=VERIFY_RECIPIENT)
    installation: InstallationRef = None


class IssueIn(Input):
    installation: InstallationRef = None
    verify_recipient: bool = Field(default=False, description=VERIFY_RECIPIENT)


class InvoiceUpdate(Patch, InvoiceFields):
    type: NotNull[NewInvoiceType] = None
    lines: NotNull[list[LineIn]] = Field(default=None, min_length=1, max_length=500)
    exclude_347: NotNull[bool] = Field(
        default=None, description="Leave out of the annual Modelo 347 declaration."
    )


class VoidIn(Input):
    reason: str = Field(
        min_length=1,
        max_length=500,
        description="Why the invoice should never have existed (a wrong amount or recipient is"
        " corrected with /rectify instead).",
    )


class RectifyIn(Input):
    type: Literal["R1", "R2", "R3", "R4", "R5"] = Field(
        description="R1 error or legal cause (art. 80.1, 80.2, 80.6 LIVA), R2 insolvency"
        " (art. 80.3), R3 bad debts (art. 80.4), R4 other causes, R5 of a simplified invoice."
    )
    method: Literal["substitution", "differences"] = Field(
        description="substitution (S): the lines are the new complete amounts; differences (I):"
        " the lines are the change (negative to reduce)."
    )
    reason: str = Field(min_length=1, max_length=500)
    lines: list[LineIn] | None = Field(
        default=None,
        min_length=1,
        max_length=500,
        description="Default: the original lines negated (differences) or at quantity 0"
        " (substitution), i.e. the whole invoice cancelled.",
    )
    also_rectifies: list[Ref] | None = Field(
        default=None,
        max_length=100,
        description="Further invoices this one rectifies at once (ids or external_ids).",
    )
    client: ClientRef | None = Field(
        default=None, description="Default: the recipient of the rectified invoice."
    )
    series: str | None = Field(default=None, max_length=36, description="A corrective series.")
    issued_on: IssueDate | None = None
    operation_date: date | None = None
    due_on: date | None = None
    notes: Text | None = None
    external_id: str | None = Field(default=None, min_length=1, max_length=120)
    metadata: Metadata | None = None
    issue: bool = Field(default=False, description="Issue the corrective invoice at once.")
    installation: InstallationRef = None


# Here, not in invoices/answers.py with the rest of the answer: companies has a VerifactuOut
# too, so the published schema names this one by its module, and moving it would rename it.
class VerifactuOut(BaseModel):
    status: VerifactuStatus
    huella: str
    qr_url: str | None
    qr_image_url: str | None
    generated_at: datetime
    record: str = Field(
        description="Id of the latest record; its XML at /v1/verifactu/records/{id}.xml"
    )
    csv: str | None
    errors: list[dict[str, Any]]

    @classmethod
    def of(cls, invoice: Invoice) -> Self | None:
        """The invoice's side of its latest record (None for a draft, which has none)."""
        if invoice.verifactu_record_id is None:
            return None
        errors = []
        if invoice.verifactu_code:
            errors = [
                {"code": invoice.verifactu_code, "description": invoice.verifactu_description}
            ]
        return cls.model_construct(
            status=invoice.verifactu_status,
            huella=invoice.verifactu_huella,
            qr_url=invoice.qr_url,
            qr_image_url=f"/v1/invoices/{invoice.id}/qr-image",
            generated_at=invoice.verifactu_generated_at,
            record=invoice.verifactu_record_id,
            csv=invoice.verifactu_csv,
            errors=errors,
        )

from datetime import date, datetime
from typing import Annotated, Any, Literal, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    SerializeAsAny,
    model_validator,
)

from talonario.clients.schemas import ONE_ID, ForeignId, ForeignIdOut
from talonario.invoices.answers import BreakdownRowOut, breakdown_row
from talonario.invoices.schemas import InvoiceType, VerifactuOut
from talonario.kit.schema import AmountIn, Input, Number, Percent, SpanishNif
from talonario.models import Invoice
from talonario.series.numbering import check_invoice_number
from talonario.taxes.eligibility import Activity

MAX_BATCH = 1000
# CalificacionOperacion (L9) or OperacionExenta (L10).
Operation = Literal["S1", "S2", "N1", "N2", "E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8"]
InvoiceNumber = Annotated[str, AfterValidator(check_invoice_number)]
RecordStatus = Literal["registered", "cancelled"]


class RecipientIn(Input):
    """A Destinatario: its name and its Spanish NIF or its foreign id."""

    model_config = ConfigDict(json_schema_extra=ONE_ID)

    name: str = Field(min_length=1, max_length=120)
    nif: SpanishNif | None = None
    foreign_id: ForeignId | None = None

    @model_validator(mode="after")
    def _one_id(self) -> Self:
        if (self.nif is None) == (self.foreign_id is None):
            raise ValueError("give either nif or foreign_id")
        return self


class BreakdownIn(Input):
    """One DetalleDesglose, as the issuing system computed it."""

    tax_type: Literal["IVA", "IGIC", "IPSI"] = "IVA"
    regime: str = Field(default="01", pattern=r"^\d{2}$", description="AEAT L8A/L8B key.")
    operation: Operation = Field(
        default="S1", description="S1/S2 (subject), N1/N2 (not subject) or E1–E8 (exempt)."
    )
    rate: Percent | None = None
    base: AmountIn = Field(description="BaseImponibleOimporteNoSujeto.")
    tax_amount: AmountIn | None = Field(default=None, description="CuotaRepercutida.")
    surcharge_rate: Percent | None = None
    surcharge_amount: AmountIn | None = None


class InvoiceRefIn(Input):
    number: InvoiceNumber
    issued_on: date


class RectifiedAmountsIn(Input):
    base: AmountIn
    quota: AmountIn
    surcharge_quota: AmountIn | None = None


class CorrectiveIn(Input):
    method: Literal["substitution", "differences"]
    rectified_invoices: list[InvoiceRefIn] = Field(default_factory=list, max_length=1000)
    rectified_amounts: RectifiedAmountsIn | None = Field(
        default=None, description="ImporteRectificacion (substitution only)."
    )


class RecordIn(Input):
    """An invoice issued elsewhere, as its issuing system numbered and totalled it."""

    number: InvoiceNumber = Field(description="NumSerieFactura, exactly as issued.")
    issued_on: date = Field(description="FechaExpedicionFactura.")
    type: InvoiceType = "F1"
    operation_date: date | None = None
    description: str = Field(
        default="Factura", min_length=1, max_length=500, description="DescripcionOperacion."
    )
    recipients: list[RecipientIn] = Field(
        default_factory=list, max_length=1000, description="Destinatarios: none for F2/R5."
    )
    tax_breakdown: list[BreakdownIn] = Field(min_length=1, max_length=12)
    total_tax: AmountIn = Field(description="CuotaTotal: every tax_amount and surcharge_amount.")
    total: AmountIn = Field(description="ImporteTotal: bases, quotas and surcharges.")
    corrective: CorrectiveIn | None = Field(default=None, description="For R1–R5.")
    substitutes: list[InvoiceRefIn] = Field(
        default_factory=list, max_length=1000, description="For an F3: the F2s it replaces."
    )
    activity: Activity | None = Field(
        default=None, description="For an F2 over 400 EUR: the RD 1619/2012 art. 4.2 activity."
    )
    installation: str | None = Field(
        default=None,
        max_length=100,
        description="Installation id or number; default the company's default installation.",
    )
    external_id: str | None = Field(default=None, min_length=1, max_length=120)
    metadata: dict[str, str] = Field(default_factory=dict, max_length=50)


class BatchIn(Input):
    records: list[dict[str, Any]] = Field(
        min_length=1,
        max_length=MAX_BATCH,
        description="Up to 1,000 records, each as `POST /v1/records` takes it.",
        json_schema_extra={"items": {"$ref": "#/components/schemas/RecordIn"}},
    )


class CancelIn(Input):
    reason: str | None = Field(default=None, max_length=500)


class RecipientOut(BaseModel):
    name: str
    nif: str | None = None
    foreign_id: ForeignIdOut | None = None


class GatewayRecordOut(BaseModel):
    id: str
    object: Literal["record"]
    number: str
    issued_on: date
    type: InvoiceType
    status: RecordStatus
    operation_date: date | None
    description: str
    issuer: dict[str, Any]
    # As stored (see invoices/answers.py): the schema is the model's, the keys the row's.
    recipients: list[SerializeAsAny[RecipientOut]]
    tax_breakdown: list[SerializeAsAny[BreakdownRowOut]]
    total_tax: Number
    total: Number
    corrective: dict[str, Any] | None
    substitutes: list[dict[str, Any]] | None
    external_id: str | None
    metadata: dict[str, str]
    verifactu: VerifactuOut | None
    cancelled_at: datetime | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, invoice: Invoice) -> Self:
        verifactu = VerifactuOut.of(invoice)
        if verifactu is not None:
            verifactu.qr_image_url = f"/v1/records/{invoice.id}/qr-image"
        assert invoice.number and invoice.issued_on and invoice.issuer
        return cls.model_construct(
            id=invoice.id,
            object="record",
            number=invoice.number,
            issued_on=invoice.issued_on,
            type=invoice.type,
            status="cancelled" if invoice.status == "voided" else "registered",
            operation_date=invoice.operation_date,
            description=invoice.description,
            issuer=invoice.issuer,
            recipients=[_recipient(r) for r in invoice.recipients or []],
            tax_breakdown=[breakdown_row(r) for r in invoice.tax_breakdown],
            total_tax=invoice.taxes_total + invoice.surcharge_total,
            total=invoice.total,
            corrective=invoice.corrective,
            substitutes=invoice.substitutes,
            external_id=invoice.external_id,
            metadata=invoice.meta,
            verifactu=verifactu,
            cancelled_at=invoice.voided_at,
            created_at=invoice.created_at,
            updated_at=invoice.updated_at,
        )


def _recipient(stored: dict[str, Any]) -> dict[str, Any]:
    return {k: stored.get(k) for k in ("name", "nif", "foreign_id")}


class BatchItemOut(BaseModel):
    index: int
    status: Literal["created", "failed"]
    record: GatewayRecordOut | None = None
    error: dict[str, Any] | None = None


class BatchOut(BaseModel):
    object: Literal["batch"]
    created: int
    failed: int
    results: list[BatchItemOut]

"""VERI*FACTU billing records as immutable values (English names; AEAT path beside each field).

A record is built once, sealed with its huella (`hashing.seal`) and never changed again
(RD 1007/2023 art. 8.2.a): corrections are new records. The checks here keep a record coherent
with itself (the XSD choices and the AEAT rules that tie one field of the record to another);
the tax rules of a breakdown line (AEAT validations §7) belong to the invoice validator.
Amounts are Decimal, always: the AEAT text of each is produced by `formats`.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from talonario.verifactu.codes import (
    Exemption,
    GeneratedBy,
    HashType,
    IdType,
    IgicRegime,
    InvoiceType,
    IpsiRegime,
    IssuedBy,
    OperationQualification,
    PreviousRejection,
    RectificationType,
    Regime,
    Tax,
    VatRegime,
)

MAX_BREAKDOWN_LINES = 12  # DesgloseType maxOccurs
MAX_LISTED = 1000  # maxOccurs of IDDestinatario, IDFacturaRectificada, IDFacturaSustituida
# FechaExpedicionFactura may not precede VERI*FACTU's start (AEAT 1152).
FIRST_ISSUE_DATE = date(2024, 10, 28)
MACRODATO_THRESHOLD = Decimal("100000000.00")  # AEAT 1138/1139: |ImporteTotal| >= 100 M€

# Invoice types that must name their recipients, and those that must not (AEAT 1189/1190).


class TaxType(StrEnum):
    """Indirect tax on the line (AEAT list L1: 01 IVA, 02 IPSI Ceuta y Melilla, 03 IGIC)."""

    IVA = "IVA"
    IGIC = "IGIC"
    IPSI = "IPSI"


@dataclass(frozen=True, slots=True)
class BreakdownRow:
    """One AEAT `DetalleDesglose`: one per distinct fiscal combination on the invoice."""

    tax_type: TaxType
    regime: str
    operation: str
    rate: Decimal | None
    base: Decimal
    tax_amount: Decimal | None
    surcharge_rate: Decimal | None
    surcharge_amount: Decimal | None


class InvalidRecord(ValueError):
    """The values cannot form a record AEAT would read as intended; the message says why."""


@dataclass(frozen=True, slots=True)
class InvoiceId:
    """The identity AEAT keys an invoice by (a second alta with it is a duplicate, AEAT 3000).

    Used for IDFactura, IDFacturaRectificada, IDFacturaSustituida and RegistroAnterior; in an
    anulación the same three values go to the `...Anulada` elements.
    """

    issuer_nif: str  # IDEmisorFactura
    number: str  # NumSerieFactura
    issue_date: date  # FechaExpedicionFactura

    def __post_init__(self) -> None:
        _check_nif(self.issuer_nif, "issuer NIF")
        if not 1 <= len(self.number) <= 60:
            raise InvalidRecord(f"invoice number {self.number!r} must have 1 to 60 characters")
        if self.number != self.number.strip():
            # AEAT trims before hashing and matching; the QR would then carry a different value.
            raise InvalidRecord(f"invoice number {self.number!r} has leading/trailing blanks")


@dataclass(frozen=True, slots=True)
class ForeignId:
    """IDOtro: an identifier other than a Spanish NIF."""

    id_type: IdType  # IDType
    identifier: str  # ID
    country: str | None = None  # CodigoPais (ISO 3166-1 alpha-2; optional only for IDType 02)


@dataclass(frozen=True, slots=True)
class Party:
    """A person or company: NombreRazon plus either NIF or IDOtro (PersonaFisicaJuridicaType)."""

    name: str  # NombreRazon
    nif: str | None = None  # NIF
    foreign_id: ForeignId | None = None  # IDOtro

    def __post_init__(self) -> None:
        if (self.nif is None) == (self.foreign_id is None):
            raise InvalidRecord(f"party {self.name!r} needs exactly one of NIF or foreign id")
        if self.nif is not None:
            _check_nif(self.nif, f"NIF of {self.name!r}")


@dataclass(frozen=True, slots=True, kw_only=True)
class BreakdownLine:
    """Desglose/DetalleDesglose: one distinct fiscal combination of the invoice."""

    tax: Tax = Tax.VAT  # Impuesto
    regime: Regime | None = VatRegime.GENERAL  # ClaveRegimen (none with Tax.OTHER, AEAT 1260)
    qualification: OperationQualification | None = None  # CalificacionOperacion
    exemption: Exemption | None = None  # OperacionExenta
    rate: Decimal | None = None  # TipoImpositivo (percent)
    base: Decimal  # BaseImponibleOimporteNoSujeto
    base_at_cost: Decimal | None = None  # BaseImponibleACoste (regime 06, IPSI, other taxes)
    quota: Decimal | None = None  # CuotaRepercutida
    surcharge_rate: Decimal | None = None  # TipoRecargoEquivalencia (percent)
    surcharge_quota: Decimal | None = None  # CuotaRecargoEquivalencia

    def __post_init__(self) -> None:
        if (self.qualification is None) == (self.exemption is None):
            raise InvalidRecord("a breakdown line has a qualification or an exemption, not both")
        _check_amounts(self.base, self.base_at_cost, self.quota, self.surcharge_quota)
        _check_amounts(self.rate, self.surcharge_rate)


@dataclass(frozen=True, slots=True)
class RectifiedAmounts:
    """ImporteRectificacion: base and quotas of the invoice being rectified by substitution."""

    base: Decimal  # BaseRectificada
    quota: Decimal  # CuotaRectificada
    surcharge_quota: Decimal | None = None  # CuotaRecargoRectificado

    def __post_init__(self) -> None:
        _check_amounts(self.base, self.quota, self.surcharge_quota)


@dataclass(frozen=True, slots=True)
class PreviousRecord:
    """Encadenamiento/RegistroAnterior: the record generated just before in the same chain.

    For a previous anulación, `invoice` is the identity of the invoice it cancelled.
    """

    invoice: InvoiceId  # IDEmisorFactura, NumSerieFactura, FechaExpedicionFactura
    huella: str  # Huella


@dataclass(frozen=True, slots=True, kw_only=True)
class SoftwareSystem:
    """SistemaInformatico: our software and its producer (not the taxpayer), the same block in
    every record of an installation (Orden HAC/1177/2024 art. 15)."""

    producer: Party  # NombreRazon + NIF | IDOtro
    name: str  # NombreSistemaInformatico
    system_id: str  # IdSistemaInformatico (2 characters, A-Z or 0-9)
    version: str  # Version
    installation_number: str  # NumeroInstalacion
    only_verifactu: bool  # TipoUsoPosibleSoloVerifactu
    multi_taxpayer_capable: bool  # TipoUsoPosibleMultiOT
    multiple_taxpayers: bool  # IndicadorMultiplesOT


@dataclass(frozen=True, slots=True, kw_only=True)
class RegistrationRecord:
    """RegistroAlta: the record generated when an invoice is issued (or its subsanación)."""

    invoice: InvoiceId  # IDFactura
    external_ref: str | None = None  # RefExterna
    issuer_name: str  # NombreRazonEmisor
    correction: bool = False  # Subsanacion
    previous_rejection: PreviousRejection | None = None  # RechazoPrevio
    invoice_type: InvoiceType  # TipoFactura
    rectification_type: RectificationType | None = None  # TipoRectificativa
    rectified_invoices: tuple[InvoiceId, ...] = ()  # FacturasRectificadas/IDFacturaRectificada
    substituted_invoices: tuple[InvoiceId, ...] = ()  # FacturasSustituidas/IDFacturaSustituida
    rectified_amounts: RectifiedAmounts | None = None  # ImporteRectificacion
    operation_date: date | None = None  # FechaOperacion
    description: str  # DescripcionOperacion
    simplified_art_7273: bool = False  # FacturaSimplificadaArt7273
    no_recipient_art_61d: bool = False  # FacturaSinIdentifDestinatarioArt61d
    issued_by: IssuedBy | None = None  # EmitidaPorTerceroODestinatario
    third_party: Party | None = None  # Tercero
    recipients: tuple[Party, ...] = ()  # Destinatarios/IDDestinatario
    coupon: bool = False  # Cupon
    breakdown: tuple[BreakdownLine, ...]  # Desglose/DetalleDesglose
    total_tax: Decimal  # CuotaTotal
    total_amount: Decimal  # ImporteTotal
    previous: PreviousRecord | None  # Encadenamiento: RegistroAnterior; None = PrimerRegistro
    system: SoftwareSystem  # SistemaInformatico
    generated_at: datetime  # FechaHoraHusoGenRegistro (aware, offset of the territory)
    billing_agreement: str | None = None  # NumRegistroAcuerdoFacturacion
    system_agreement: str | None = None  # IdAcuerdoSistemaInformatico
    hash_type: HashType = HashType.SHA256  # TipoHuella
    huella: str = ""  # Huella; empty until hashing.seal

    def __post_init__(self) -> None:
        _check_amounts(self.total_tax, self.total_amount)
        _check_generated_at(self.generated_at)
        _check_breakdown(self.breakdown)
        _check_rectification(self)
        _check_parties(self)

    @property
    def macrodato(self) -> bool:
        """Macrodato: derived, never set, because AEAT rejects any other value (1138/1139)."""
        return abs(self.total_amount) >= MACRODATO_THRESHOLD

    def as_previous(self) -> PreviousRecord:
        """The Encadenamiento/RegistroAnterior the next record of the chain must carry."""
        return PreviousRecord(self.invoice, self.huella)


@dataclass(frozen=True, slots=True, kw_only=True)
class CancellationRecord:
    """RegistroAnulacion: cancels an invoice that should never have been issued."""

    invoice: InvoiceId  # IDFactura/{IDEmisorFacturaAnulada, NumSerieFacturaAnulada, Fecha...}
    external_ref: str | None = None  # RefExterna
    no_prior_record: bool = False  # SinRegistroPrevio
    previous_rejection: bool = False  # RechazoPrevio (S/N only in an anulación)
    generated_by: GeneratedBy | None = None  # GeneradoPor
    generator: Party | None = None  # Generador
    previous: PreviousRecord | None  # Encadenamiento: RegistroAnterior; None = PrimerRegistro
    system: SoftwareSystem  # SistemaInformatico
    generated_at: datetime  # FechaHoraHusoGenRegistro
    hash_type: HashType = HashType.SHA256  # TipoHuella
    huella: str = ""  # Huella; empty until hashing.seal

    def __post_init__(self) -> None:
        _check_generated_at(self.generated_at)
        if self.generated_by is not None and self.generator is None:
            raise InvalidRecord("GeneradoPor needs the generator's identity (AEAT 1224)")

    def as_previous(self) -> PreviousRecord:
        """The link of the next record: the identity of the cancelled invoice and this huella."""
        return PreviousRecord(self.invoice, self.huella)


Record = RegistrationRecord | CancellationRecord
_REQUIREMENT_REF = re.compile(r"[A-Za-z0-9]{1,18}")


@dataclass(frozen=True, slots=True, kw_only=True)
class SubmissionHeader:
    """Cabecera of a RegFactuSistemaFacturacion submission: a VERI*FACTU voluntary remission
    (RemisionVoluntaria), or an answer to an AEAT requirement (RemisionRequerimiento, sent to
    the requirement endpoint only: AEAT 4125/4126); never both."""

    taxpayer: Party  # ObligadoEmision (NombreRazon + NIF)
    representative: Party | None = None  # Representante (adviser who generated the records)
    incident: bool = False  # RemisionVoluntaria/Incidencia (records delayed by an incident)
    verifactu_end_date: date | None = None  # RemisionVoluntaria/FechaFinVeriFactu (renounce)
    requirement_ref: str | None = None  # RemisionRequerimiento/RefRequerimiento
    requirement_end: bool | None = None  # RemisionRequerimiento/FinRequerimiento (S/N)

    def __post_init__(self) -> None:
        for role, party in (("taxpayer", self.taxpayer), ("representative", self.representative)):
            if party is not None and party.nif is None:
                raise InvalidRecord(f"the header {role} must be identified by a Spanish NIF")
        if self.requirement_ref is not None:
            if not _REQUIREMENT_REF.fullmatch(self.requirement_ref):
                # TextMax18Type; AEAT answers 4122/4133 to a reference that is not alphanumeric.
                raise InvalidRecord("RefRequerimiento: 1 to 18 letters and digits (AEAT 4133)")
            if self.incident or self.verifactu_end_date is not None:
                raise InvalidRecord("RemisionVoluntaria never goes with RemisionRequerimiento")
        elif self.requirement_end is not None:
            raise InvalidRecord("FinRequerimiento needs a RefRequerimiento")


def breakdown_line(row: BreakdownRow) -> BreakdownLine:
    """The record line for one row of `invoices.totals`: same figures, AEAT codes."""
    tax = _TAXES[row.tax_type]
    exempt = row.operation.startswith("E")
    return BreakdownLine(
        tax=tax,
        regime=_REGIMES[tax](row.regime),
        qualification=None if exempt else OperationQualification(row.operation),
        exemption=Exemption(row.operation) if exempt else None,
        rate=row.rate,
        base=row.base,
        quota=row.tax_amount,
        surcharge_rate=row.surcharge_rate,
        surcharge_quota=row.surcharge_amount,
    )


_TAXES = {TaxType.IVA: Tax.VAT, TaxType.IPSI: Tax.IPSI, TaxType.IGIC: Tax.IGIC}
_REGIMES: dict[Tax, type[Regime]] = {
    Tax.VAT: VatRegime,
    Tax.IPSI: IpsiRegime,
    Tax.IGIC: IgicRegime,
}


def _check_nif(value: str, what: str) -> None:
    """NIFType is exactly 9 characters; checksums are the caller's job (kit.taxid)."""
    if len(value) != 9:
        raise InvalidRecord(f"{what} {value!r} must have exactly 9 characters")


def _check_amounts(*values: Decimal | None) -> None:
    for value in values:
        if value is not None and not isinstance(value, Decimal):
            raise InvalidRecord(f"amounts and rates are Decimal, got {type(value).__name__}")


def _check_generated_at(value: datetime) -> None:
    if value.utcoffset() is None:
        raise InvalidRecord("generated_at must carry its UTC offset (Orden HAC/1177/2024 7.e)")


def _check_breakdown(lines: tuple[BreakdownLine, ...]) -> None:
    if not 1 <= len(lines) <= MAX_BREAKDOWN_LINES:
        raise InvalidRecord(f"a record has 1 to {MAX_BREAKDOWN_LINES} breakdown lines")


def _check_rectification(record: RegistrationRecord) -> None:
    """TipoRectificativa and its companions only on R1-R5 (AEAT 1114-1119), F3 lists the
    simplified invoices it replaces (1116), and RechazoPrevio S/X needs Subsanacion (1153/1161)."""
    rectifying = record.invoice_type.is_rectifying
    if rectifying != (record.rectification_type is not None):
        raise InvalidRecord("rectification type is required on R1-R5 and forbidden otherwise")
    if record.rectified_invoices and not rectifying:
        raise InvalidRecord("only rectifying invoices list rectified invoices")
    substitution = record.rectification_type is RectificationType.SUBSTITUTION
    if substitution != (record.rectified_amounts is not None):
        raise InvalidRecord("rectified amounts go with (only) rectification by substitution")
    if record.substituted_invoices and record.invoice_type is not InvoiceType.REPLACES_SIMPLIFIED:
        raise InvalidRecord("only F3 invoices list substituted invoices")
    if record.previous_rejection not in (None, PreviousRejection.NO) and not record.correction:
        raise InvalidRecord("RechazoPrevio S or X is only valid on a subsanación")
    for listed in (record.rectified_invoices, record.substituted_invoices, record.recipients):
        if len(listed) > MAX_LISTED:
            raise InvalidRecord(f"at most {MAX_LISTED} rectified/substituted invoices/recipients")


def _check_parties(record: RegistrationRecord) -> None:
    """Recipients for F1/F3/R1-R4 and none for F2/R5 (AEAT 1189/1190); Tercero iff issued by a
    third party (AEAT 1155/1186)."""
    if not record.invoice_type.names_recipient:
        if record.recipients:
            raise InvalidRecord(f"{record.invoice_type} invoices carry no recipients")
    elif not record.recipients:
        raise InvalidRecord(f"{record.invoice_type} invoices need at least one recipient")
    if (record.issued_by is IssuedBy.THIRD_PARTY) != (record.third_party is not None):
        raise InvalidRecord("the third party is given iff the invoice is issued by a third party")

"""Sample records of every kind, shared by the VERI*FACTU tests (NIFs are checksum-valid
examples; the issuer and the timestamps are those of AEAT's hash examples and spec §3.7)."""

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal as D
from typing import Any

from talonario.verifactu.codes import (
    Exemption,
    GeneratedBy,
    IdType,
    IgicRegime,
    InvoiceType,
    OperationQualification,
    PreviousRejection,
    RectificationType,
    Tax,
)
from talonario.verifactu.hashing import seal
from talonario.verifactu.records import (
    BreakdownLine,
    CancellationRecord,
    ForeignId,
    InvoiceId,
    Party,
    PreviousRecord,
    Record,
    RectifiedAmounts,
    RegistrationRecord,
    SoftwareSystem,
    SubmissionHeader,
)

MADRID_SUMMER = timezone(timedelta(hours=2))
MADRID_WINTER = timezone(timedelta(hours=1))
CANARY_SUMMER = timezone(timedelta(hours=1))

ISSUER_NIF = "89890001K"
ISSUER_NAME = "EMPRESA EJEMPLO SL"
TAXPAYER = Party(ISSUER_NAME, ISSUER_NIF)
CLIENT = Party("CLIENTE EJEMPLO SA", "B12345674")
SYSTEM = SoftwareSystem(
    producer=Party("PRODUCTOR DEL SOFTWARE SL", "B87654323"),
    name="EjemploFactura API",
    system_id="EF",
    version="1.0.0",
    installation_number="TENANT-000001",
    only_verifactu=True,
    multi_taxpayer_capable=True,
    multiple_taxpayers=True,
)
# The record every golden sample (but the first) is chained to: AEAT hash example, case 2.
PREVIOUS = PreviousRecord(
    InvoiceId(ISSUER_NIF, "12345679/G34", date(2024, 1, 1)),
    "F7B94CFD8924EDFF273501B01EE5153E4CE8F259766F88CF6ACB8935802A2B97",
)
AT = datetime(2026, 9, 15, 10, 30, tzinfo=MADRID_SUMMER)


def vat(base: str, rate: str = "21", quota: str | None = None) -> BreakdownLine:
    """An S1 IVA line under the general regime."""
    amount = D(base) * D(rate) / 100 if quota is None else D(quota)
    return BreakdownLine(
        qualification=OperationQualification.SUBJECT,
        rate=D(rate),
        base=D(base),
        quota=amount.quantize(D("0.01")),
    )


def alta(number: str, **changes: object) -> RegistrationRecord:
    """A sealed F1 of 100.00 + 21 % chained to PREVIOUS; `changes` override any field."""
    values: dict[str, object] = {
        "invoice": InvoiceId(ISSUER_NIF, number, date(2026, 9, 15)),
        "issuer_name": ISSUER_NAME,
        "invoice_type": InvoiceType.STANDARD,
        "description": "Servicios de consultoria septiembre",
        "recipients": (CLIENT,),
        "breakdown": (vat("100.00"),),
        "total_tax": D("21.00"),
        "total_amount": D("121.00"),
        "previous": PREVIOUS,
        "system": SYSTEM,
        "generated_at": AT,
    }
    values.update(changes)
    return seal(RegistrationRecord(**values))  # type: ignore[arg-type]


def spec_example() -> RegistrationRecord:
    """The record of spec §3.7 (vector derived-f1-21pct): first of its chain."""
    return alta("A-2026/0001", previous=None)


def f1_mixed() -> RegistrationRecord:
    """Every kind of breakdown line, a foreign recipient and text that needs escaping."""
    lines = (
        BreakdownLine(
            qualification=OperationQualification.SUBJECT,
            rate=D("21"),
            base=D("200.00"),
            quota=D("42.00"),
            surcharge_rate=D("5.2"),
            surcharge_quota=D("10.40"),
        ),
        vat("50.00", "10"),
        BreakdownLine(exemption=Exemption.DOMESTIC, base=D("30.00")),
        BreakdownLine(qualification=OperationQualification.NOT_SUBJECT_LOCATION, base=D("15.50")),
        BreakdownLine(
            qualification=OperationQualification.SUBJECT_REVERSE_CHARGE,
            rate=D("0"),
            base=D("80.00"),
            quota=D("0.00"),
        ),
    )
    recipient = Party(
        "Kunde & Söhne <GmbH>", foreign_id=ForeignId(IdType.EU_VAT_NUMBER, "DE123456789", "DE")
    )
    return alta(
        "A-2026/0002",
        external_ref="0192f6c2-7a8e-7d3b-9c1a-3e5f7a9b1c2d",
        description='Material & servicios <septiembre> "urgentes"',
        operation_date=date(2026, 9, 10),
        recipients=(recipient, CLIENT),
        breakdown=lines,
        total_tax=D("57.40"),
        total_amount=D("432.90"),
    )


def f2_igic() -> RegistrationRecord:
    """A simplified ticket from the Canary Islands (IGIC 7 %, offset +01:00 in summer)."""
    line = BreakdownLine(
        tax=Tax.IGIC,
        regime=IgicRegime.GENERAL,
        qualification=OperationQualification.SUBJECT,
        rate=D("7"),
        base=D("18.69"),
        quota=D("1.31"),
    )
    return alta(
        "T-2026/0457",
        invoice_type=InvoiceType.SIMPLIFIED,
        description="Venta mostrador",
        recipients=(),
        breakdown=(line,),
        total_tax=D("1.31"),
        total_amount=D("20.00"),
        generated_at=datetime(2026, 9, 15, 9, 30, 5, tzinfo=CANARY_SUMMER),
    )


def f3() -> RegistrationRecord:
    """A complete invoice replacing two simplified ones already declared."""
    tickets = (
        InvoiceId(ISSUER_NIF, "T-2026/0450", date(2026, 9, 14)),
        InvoiceId(ISSUER_NIF, "T-2026/0451", date(2026, 9, 14)),
    )
    return alta(
        "A-2026/0003", invoice_type=InvoiceType.REPLACES_SIMPLIFIED, substituted_invoices=tickets
    )


def rectifying(
    number: str, invoice_type: InvoiceType, kind: RectificationType, **changes: object
) -> RegistrationRecord:
    original = InvoiceId(ISSUER_NIF, "A-2026/0001", date(2026, 9, 15))
    return alta(
        number,
        invoice_type=invoice_type,
        rectification_type=kind,
        rectified_invoices=(original,),
        description="Rectificacion de la factura A-2026/0001",
        **changes,
    )


def by_differences(number: str, invoice_type: InvoiceType, **changes: object) -> RegistrationRecord:
    """Returns 20.00 of base: negative lines and totals."""
    amounts = {"breakdown": (vat("-20.00"),), "total_tax": D("-4.20"), "total_amount": D("-24.20")}
    return rectifying(number, invoice_type, RectificationType.DIFFERENCES, **amounts | changes)


def by_substitution(
    number: str, invoice_type: InvoiceType, **changes: object
) -> RegistrationRecord:
    """New full amounts (80.00 + 21 %); ImporteRectificacion holds the original 100.00 + 21."""
    amounts = {
        "rectified_amounts": RectifiedAmounts(D("100.00"), D("21.00")),
        "breakdown": (vat("80.00"),),
        "total_tax": D("16.80"),
        "total_amount": D("96.80"),
    }
    return rectifying(number, invoice_type, RectificationType.SUBSTITUTION, **amounts | changes)


def r4_with_surcharge() -> RegistrationRecord:
    """Substitution of an invoice that carried recargo de equivalencia."""
    line = BreakdownLine(
        qualification=OperationQualification.SUBJECT,
        rate=D("21"),
        base=D("80.00"),
        quota=D("16.80"),
        surcharge_rate=D("5.2"),
        surcharge_quota=D("4.16"),
    )
    return rectifying(
        "R-2026/0004",
        InvoiceType.RECTIFYING_OTHER,
        RectificationType.SUBSTITUTION,
        rectified_amounts=RectifiedAmounts(D("100.00"), D("21.00"), D("5.20")),
        breakdown=(line,),
        total_tax=D("20.96"),
        total_amount=D("100.96"),
    )


def subsanacion() -> RegistrationRecord:
    """Corrects an accepted alta (wrong description): same identity, Subsanacion=S."""
    return alta("A-2026/0001", correction=True, description="Servicios de consultoria (corregido)")


def subsanacion_after_rejection() -> RegistrationRecord:
    """Resends an alta AEAT rejected: Subsanacion=S, RechazoPrevio=X."""
    return alta("A-2026/0001", correction=True, previous_rejection=PreviousRejection.NOT_AT_AEAT)


def anulacion(**changes: object) -> CancellationRecord:
    values: dict[str, object] = {
        "invoice": InvoiceId(ISSUER_NIF, "A-2026/0001", date(2026, 9, 15)),
        "previous": PREVIOUS,
        "system": SYSTEM,
        "generated_at": datetime(2026, 9, 15, 10, 31, tzinfo=MADRID_SUMMER),
    }
    values.update(changes)
    return seal(CancellationRecord(**values))  # type: ignore[arg-type]


def anulacion_without_prior_record() -> CancellationRecord:
    """Cancels an invoice AEAT never received, resent after a rejection, by the issuer."""
    return anulacion(
        external_ref="cancel-0001",
        no_prior_record=True,
        previous_rejection=True,
        generated_by=GeneratedBy.ISSUER,
        generator=TAXPAYER,
    )


GOLDEN_CASES: dict[str, Callable[[], Record]] = {
    "alta_f1_spec_example": spec_example,
    "alta_f1_mixed_breakdown": f1_mixed,
    "alta_f2_simplified_igic": f2_igic,
    "alta_f3_substitutes_simplified": f3,
    "alta_r1_differences": lambda: by_differences("R-2026/0001", InvoiceType.RECTIFYING_LEGAL),
    "alta_r2_differences": lambda: by_differences("R-2026/0002", InvoiceType.RECTIFYING_INSOLVENCY),
    "alta_r3_differences": lambda: by_differences("R-2026/0003", InvoiceType.RECTIFYING_BAD_DEBT),
    "alta_r4_substitution_surcharge": r4_with_surcharge,
    "alta_r5_substitution": lambda: by_substitution(
        "RS-2026/0001", InvoiceType.RECTIFYING_SIMPLIFIED, recipients=()
    ),
    "alta_r5_differences": lambda: by_differences(
        "RS-2026/0002", InvoiceType.RECTIFYING_SIMPLIFIED, recipients=()
    ),
    "alta_subsanacion": subsanacion,
    "alta_subsanacion_rechazo_previo": subsanacion_after_rejection,
    "anulacion": anulacion,
    "anulacion_sin_registro_previo": anulacion_without_prior_record,
}


def header(**changes: Any) -> SubmissionHeader:
    return replace(SubmissionHeader(taxpayer=TAXPAYER), **changes)


def chain(length: int) -> list[RegistrationRecord | CancellationRecord]:
    """`length` records of one chain, each linked to the one before; every fifth an anulación
    of the alta just before it."""
    records: list[RegistrationRecord | CancellationRecord] = []
    previous: PreviousRecord | None = None
    for n in range(length):
        at = AT + timedelta(seconds=n)
        if n % 5 == 4:
            record: RegistrationRecord | CancellationRecord = anulacion(
                invoice=records[-1].invoice, previous=previous, generated_at=at
            )
        else:
            record = alta(f"A-2026/{n + 1:05d}", previous=previous, generated_at=at)
        records.append(record)
        previous = record.as_previous()
    return records

"""What a printed invoice shows, as plain frozen data built from the invoice the API presents.

The renderers (PDF, public page, email) read only this: no database, no ORM objects. Wording
follows RD 1619/2012: art. 6 (complete invoices), art. 7 (simplified) and art. 15 (rectifying).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from talonario.documents import formatting as fmt

TITLES = {
    "F1": "Factura",
    "F2": "Factura simplificada",
    "F3": "Factura en sustitución de facturas simplificadas",
    "R1": "Factura rectificativa",
    "R2": "Factura rectificativa",
    "R3": "Factura rectificativa",
    "R4": "Factura rectificativa",
    "R5": "Factura rectificativa simplificada",
}
# The cause of each rectifying type (LIVA art. 80 and RD 1619/2012 art. 15).
RECTIFYING_CAUSES = {
    "R1": "error fundado en derecho o causas del art. 80.Uno, Dos y Seis de la Ley 37/1992",
    "R2": "concurso de acreedores del destinatario (art. 80.Tres de la Ley 37/1992)",
    "R3": "crédito incobrable (art. 80.Cuatro de la Ley 37/1992)",
    "R4": "otras causas (art. 15 del RD 1619/2012)",
    "R5": "rectificación de factura simplificada (art. 4.1.b del RD 1619/2012)",
}
STATUS_LABELS = {
    "draft": "Borrador",
    "issued": "Pendiente de pago",
    "partially_paid": "Pagada parcialmente",
    "overdue": "Vencida",
    "paid": "Pagada",
    "voided": "Anulada",
}
# RD 1619/2012 art. 6.1.j: exempt operations cite the provision that exempts them.
_EXEMPTIONS = {
    "E1": "art. 20 de la Ley 37/1992",
    "E2": "art. 21 de la Ley 37/1992 (exportación)",
    "E3": "art. 22 de la Ley 37/1992 (operaciones asimiladas a la exportación)",
    "E4": "arts. 23 y 24 de la Ley 37/1992",
    "E5": "art. 25 de la Ley 37/1992 (entrega intracomunitaria)",
    "E6": "exención prevista en la normativa del impuesto",
    "E7": "art. 90 del Decreto Legislativo 1/2025 de Canarias",
    "E8": "exención prevista en la normativa del IGIC",
}
# RD 1619/2012 art. 6.1.l: the special-regime legends.
_REGIME_LEGENDS = {
    "03": "Régimen especial de los bienes usados, objetos de arte, antigüedades y objetos de"
    " colección",
    "05": "Régimen especial de las agencias de viajes",
    "07": "Régimen especial del criterio de caja",
}
_ID_TYPES = {
    "02": "NIF-IVA",
    "03": "Pasaporte",
    "04": "Documento oficial de identificación",
    "05": "Certificado de residencia",
    "06": "Otro documento",
    "07": "NIF (no censado)",
}


@dataclass(frozen=True, slots=True)
class Party:
    name: str
    tax_id: str | None  # "NIF B12345674" or "NIF-IVA FR12345678901"
    address: tuple[str, ...]
    email: str | None = None
    phone: str | None = None


@dataclass(frozen=True, slots=True)
class Line:
    description: str
    quantity: Decimal
    unit: str | None
    unit_price: Decimal
    discount_percent: Decimal
    tax: str
    subtotal: Decimal


@dataclass(frozen=True, slots=True)
class TaxRow:
    tax: str  # IVA, IGIC, IPSI
    operation: str  # S1, S2, N1, N2, E1…
    rate: Decimal | None
    base: Decimal
    tax_amount: Decimal | None
    surcharge_rate: Decimal | None
    surcharge_amount: Decimal | None

    @property
    def label(self) -> str:
        if self.operation.startswith("E"):
            return f"{self.tax} exento"
        if self.operation in ("N1", "N2"):
            return f"No sujeto a {self.tax}"
        if self.operation == "S2":
            return f"{self.tax} (inversión del sujeto pasivo)"
        return self.tax


@dataclass(frozen=True, slots=True)
class Corrective:
    type: str
    method: str | None  # substitution | differences
    rectified: tuple[str, ...]  # "A-2026-00001 de 01/11/2026"
    reason: str | None
    # Por sustitución, art. 15 also wants the original amounts: (base, quota, surcharge).
    original: tuple[Decimal, Decimal, Decimal | None] | None = None


@dataclass(frozen=True, slots=True)
class InvoiceView:
    type: str
    status: str
    number: str | None
    issued_on: date | None
    operation_date: date | None
    due_on: date | None
    issuer: Party
    client: Party | None
    lines: tuple[Line, ...]
    tax_rows: tuple[TaxRow, ...]
    subtotal: Decimal
    taxes_total: Decimal
    surcharge_total: Decimal
    withholding_rate: Decimal | None
    withholding_total: Decimal
    total: Decimal
    currency: str
    paid_amount: Decimal
    pending_amount: Decimal
    notes: str | None
    payment_method: str | None
    legends: tuple[str, ...]
    corrective: Corrective | None
    qr_url: str | None

    @property
    def is_draft(self) -> bool:
        return self.status == "draft" or self.number is None

    @property
    def verifactu_legend(self) -> bool:
        """Whether "VERI*FACTU" / "Factura verificable…" goes below the QR: only on invoices
        issued as VERI*FACTU; a NO VERI*FACTU invoice (its QR goes to ValidarQRNoVerifactu)
        carries the QR and "QR tributario:" alone (Orden art. 20.1.b)."""
        return self.qr_url is not None and "ValidarQRNoVerifactu" not in self.qr_url

    @property
    def title(self) -> str:
        return TITLES.get(self.type, "Factura")

    @property
    def total_label(self) -> str:
        """The document's total in the totals box (before any withholding)."""
        return "Total factura"

    @property
    def invoice_total(self) -> Decimal:
        """ImporteTotal: bases + taxes + surcharge, before the IRPF withheld (the QR's amount)."""
        return self.total + self.withholding_total

    @property
    def display_number(self) -> str:
        return self.number or "sin numerar"

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)


def _dec(value: Any) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def _opt_dec(value: Any) -> Decimal | None:
    return None if value is None else _dec(value)


def _address(data: dict[str, Any] | None) -> tuple[str, ...]:
    if not data:
        return ()
    lines = [data.get("street") or ""]
    city = " ".join(p for p in (data.get("postal_code"), data.get("city")) if p)
    province = data.get("province")
    if province and province != data.get("city"):
        city = f"{city} ({province})" if city else province
    lines.append(city)
    country = data.get("country")
    if country and country != "ES":
        lines.append(country)
    return tuple(line for line in lines if line)


def _tax_id(data: dict[str, Any]) -> str | None:
    if data.get("nif"):
        return f"NIF {data['nif']}"
    foreign = data.get("foreign_id")
    if foreign:
        label = _ID_TYPES.get(str(foreign.get("id_type")), "Identificación")
        return f"{label} {foreign.get('country', '')} {foreign.get('id', '')}".replace("  ", " ")
    return None


def party(data: dict[str, Any] | None) -> Party | None:
    if not data:
        return None
    name = data.get("legal_name") or data.get("name") or ""
    return Party(
        name=name,
        tax_id=_tax_id(data),
        address=_address(data.get("address")),
        email=data.get("email"),
        phone=data.get("phone"),
    )


def _line_tax(tax: dict[str, Any]) -> str:
    kind = tax.get("type") or "IVA"
    if tax.get("exemption"):
        return f"{kind} exento"
    if tax.get("not_subject"):
        return "No sujeto"
    if tax.get("reverse_charge"):
        return "ISP"
    text = f"{kind} {fmt.percent(_dec(tax.get('rate') or 0))}"
    if tax.get("surcharge_rate") is not None:
        text += f" + RE {fmt.percent(_dec(tax['surcharge_rate']))}"
    return text


def _legends(lines: list[dict[str, Any]], rows: tuple[TaxRow, ...], kind: str) -> tuple[str, ...]:
    found: list[str] = []

    def add(text: str) -> None:
        if text not in found:
            found.append(text)

    if kind in ("F2", "R5"):
        add("Factura simplificada (art. 7 del RD 1619/2012).")
    for row in rows:
        if row.operation in _EXEMPTIONS:
            add(f"Operación exenta de {row.tax}: {_EXEMPTIONS[row.operation]}.")
        elif row.operation == "S2":
            add("Inversión del sujeto pasivo (art. 84.Uno.2º de la Ley 37/1992).")
        elif row.operation == "N1":
            add(f"Operación no sujeta a {row.tax}.")
        elif row.operation == "N2":
            add(f"Operación no sujeta a {row.tax} por las reglas de localización.")
    for line in lines:
        regime = (line.get("tax") or {}).get("regime")
        if regime in _REGIME_LEGENDS:
            add(_REGIME_LEGENDS[regime] + ".")
    return tuple(found)


def _corrective(data: dict[str, Any] | None, kind: str) -> Corrective | None:
    if not kind.startswith("R"):
        return None
    data = data or {}
    rectified: list[str] = []
    for item in data.get("rectified_invoices") or ():
        if isinstance(item, dict):
            number = item.get("number") or item.get("id") or ""
            issued = item.get("issued_on")
            if isinstance(issued, str):
                issued = date.fromisoformat(issued)
            rectified.append(f"{number} de {fmt.day(issued)}" if issued else str(number))
        else:
            rectified.append(str(item))
    amounts = data.get("rectified_amounts") or None
    original = None
    if amounts and amounts.get("base") is not None:
        original = (
            _dec(amounts["base"]),
            _dec(amounts.get("quota") or 0),
            _opt_dec(amounts.get("surcharge_quota")),
        )
    return Corrective(
        type=data.get("type") or kind,
        method=data.get("method"),
        rectified=tuple(rectified),
        reason=data.get("reason"),
        original=original,
    )


def _date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def invoice_view(invoice: dict[str, Any], issuer: dict[str, Any] | None = None) -> InvoiceView:
    """The view of a presented invoice; `issuer` stands in for a draft's missing snapshot."""
    rows = tuple(
        TaxRow(
            tax=row.get("tax_type") or "IVA",
            operation=row.get("operation") or "S1",
            rate=_opt_dec(row.get("rate")),
            base=_dec(row["base"]),
            tax_amount=_opt_dec(row.get("tax_amount")),
            surcharge_rate=_opt_dec(row.get("surcharge_rate")),
            surcharge_amount=_opt_dec(row.get("surcharge_amount")),
        )
        for row in invoice.get("tax_breakdown") or ()
    )
    lines = list(invoice.get("lines") or ())
    withholding = invoice.get("withholding") or {}
    custom = invoice.get("custom_fields") or {}
    payment_method = custom.get("payment_method")
    verifactu = invoice.get("verifactu") or {}
    return InvoiceView(
        type=invoice["type"],
        status=invoice["status"],
        number=invoice.get("number"),
        issued_on=_date(invoice.get("issued_on")),
        operation_date=_date(invoice.get("operation_date")),
        due_on=_date(invoice.get("due_on")),
        issuer=party(invoice.get("issuer") or issuer) or Party("", None, ()),
        client=party(invoice.get("client")),
        lines=tuple(
            Line(
                description=str(line["description"]),
                quantity=_dec(line["quantity"]),
                unit=line.get("unit"),
                unit_price=_dec(line["unit_price"]),
                discount_percent=_dec(line.get("discount_percent") or 0),
                tax=_line_tax(line.get("tax") or {}),
                subtotal=_dec(line["subtotal"]),
            )
            for line in lines
        ),
        tax_rows=rows,
        subtotal=_dec(invoice["subtotal"]),
        taxes_total=_dec(invoice["taxes_total"]),
        surcharge_total=_dec(invoice.get("surcharge_total") or 0),
        withholding_rate=_opt_dec(withholding.get("rate")),
        withholding_total=_dec(invoice.get("withholding_total") or 0),
        total=_dec(invoice["total"]),
        currency=invoice.get("currency") or "EUR",
        paid_amount=_dec(invoice.get("paid_amount") or 0),
        pending_amount=_dec(invoice.get("pending_amount") or 0),
        notes=invoice.get("notes"),
        payment_method=str(payment_method) if payment_method else None,
        legends=_legends(lines, rows, invoice["type"]),
        corrective=_corrective(invoice.get("corrective"), invoice["type"]),
        qr_url=verifactu.get("qr_url"),
    )

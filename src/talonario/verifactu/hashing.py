"""The huella: SHA-256 of a canonical string, chaining each record to the one before it.

Algorithm of AEAT's "Detalle de las especificaciones técnicas para generación de la huella o hash
de los registros de facturación" v0.1.2 (Orden HAC/1177/2024 art. 13): `Name=value` pairs in a
fixed order, joined with `&`, each value trimmed, UTF-8, SHA-256, 64 uppercase hex characters.
The names in the canonical string are AEAT's element names: they are part of the hash input.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from hashlib import sha256
from operator import attrgetter
from typing import TypeVar

from talonario.verifactu import formats
from talonario.verifactu.records import (
    CancellationRecord,
    PreviousRecord,
    Record,
    RegistrationRecord,
)

# AEAT's Java reference trims with String.trim(): every character up to U+0020.
_BLANKS = "".join(map(chr, range(0x21)))

R = TypeVar("R", bound=Record)


def canonical_text(fields: Iterable[tuple[str, str | None]]) -> str:
    """`Name=value&Name=value...`: values trimmed, an absent value kept as `Name=`."""
    return "&".join([f"{name}={(value or '').strip(_BLANKS)}" for name, value in fields])


def digest(text: str) -> str:
    """SHA-256 of the UTF-8 text as 64 uppercase hex characters (TipoHuella 01)."""
    return sha256(text.encode("utf-8")).hexdigest().upper()


def canonical_string(record: Record) -> str:
    """The exact text AEAT hashes for this record (alta: 8 fields; anulación: 5)."""
    return canonical_text(hash_fields(record))


def hash_fields(record: Record) -> tuple[tuple[str, str], ...]:
    """The (name, value) pairs of the hash input, valued with the same text as the XML."""
    invoice = record.invoice
    previous = "" if record.previous is None else record.previous.huella
    generated = formats.timestamp(record.generated_at)
    if isinstance(record, CancellationRecord):
        return (
            ("IDEmisorFacturaAnulada", invoice.issuer_nif),
            ("NumSerieFacturaAnulada", invoice.number),
            ("FechaExpedicionFacturaAnulada", formats.day(invoice.issue_date)),
            ("Huella", previous),
            ("FechaHoraHusoGenRegistro", generated),
        )
    return (
        ("IDEmisorFactura", invoice.issuer_nif),
        ("NumSerieFactura", invoice.number),
        ("FechaExpedicionFactura", formats.day(invoice.issue_date)),
        ("TipoFactura", record.invoice_type),
        ("CuotaTotal", formats.amount(record.total_tax)),
        ("ImporteTotal", formats.amount(record.total_amount)),
        ("Huella", previous),
        ("FechaHoraHusoGenRegistro", generated),
    )


def compute_huella(record: Record) -> str:
    """The huella the record must carry, whatever its `huella` field says now."""
    return digest(canonical_string(record))


def seal(record: R) -> R:
    """A copy of `record` carrying its huella: the last step before it is stored or sent.

    Copied slot by slot rather than with dataclasses.replace, which would run the record's
    checks again for an unchanged record and take three times as long on this hot path.
    """
    cls = type(record)
    setters, values = _SLOT_ACCESS[cls]
    sealed = object.__new__(cls)
    for set_slot, value in zip(setters, values(record), strict=True):
        set_slot(sealed, value)
    object.__setattr__(sealed, "huella", compute_huella(record))
    return sealed


_SlotAccess = tuple[list[Callable[[object, object], None]], attrgetter]


def _slot_access(cls: type[Record]) -> _SlotAccess:
    """The slot setters of a record class and one getter of all its slots, in the same order:
    a third faster than getattr/object.__setattr__ by name (the setters, like
    object.__setattr__, go round the frozen dataclass's refusal)."""
    slots = cls.__slots__
    return [getattr(cls, name).__set__ for name in slots], attrgetter(*slots)


_SLOT_ACCESS: dict[type, _SlotAccess] = {
    cls: _slot_access(cls) for cls in (RegistrationRecord, CancellationRecord)
}


class BreakKind(StrEnum):
    HUELLA = "huella"  # the record's huella is not the hash of its own content
    LINK = "link"  # Encadenamiento does not name the record before it (or PrimerRegistro misused)


@dataclass(frozen=True, slots=True)
class ChainBreak:
    """Where a chain stops being verifiable: the first offending record and why."""

    index: int
    kind: BreakKind
    expected: str
    found: str


def verify_chain(
    records: Sequence[Record], previous: PreviousRecord | None = None
) -> ChainBreak | None:
    """Recompute every huella and every link of `records` (in generation order); None if intact.

    `previous` is what the first record must link to: None when the sequence starts the chain
    (PrimerRegistro=S), or the link of the last record before this segment.
    """
    expected = previous
    for index, record in enumerate(records):
        if record.previous != expected:
            return ChainBreak(
                index, BreakKind.LINK, _describe(expected), _describe(record.previous)
            )
        huella = compute_huella(record)
        if record.huella != huella:
            return ChainBreak(index, BreakKind.HUELLA, huella, record.huella)
        expected = record.as_previous()
    return None


def _describe(link: PreviousRecord | None) -> str:
    if link is None:
        return "PrimerRegistro"
    invoice = link.invoice
    return f"{invoice.issuer_nif} {invoice.number} {invoice.issue_date.isoformat()} {link.huella}"

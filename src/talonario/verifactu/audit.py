"""Re-checking stored chains from the XML of their records alone (pure).

A taxpayer's records come in one order (their `sequence`, counting the records of every chain)
and each belongs to the chain of one SIF installation (AEAT chains per taxpayer and
installation). Each record's huella is recomputed from the fields inside its own XML, and each
link is checked against the record before it in the same chain, so tampering with the document,
the stored huella or the order shows as a break at the first record affected, in that chain
only; a gap in the sequence breaks the whole only.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

from talonario.verifactu.hashing import canonical_text, digest

_ALTA = (
    ("IDEmisorFactura", "{*}IDFactura/{*}IDEmisorFactura"),
    ("NumSerieFactura", "{*}IDFactura/{*}NumSerieFactura"),
    ("FechaExpedicionFactura", "{*}IDFactura/{*}FechaExpedicionFactura"),
    ("TipoFactura", "{*}TipoFactura"),
    ("CuotaTotal", "{*}CuotaTotal"),
    ("ImporteTotal", "{*}ImporteTotal"),
    ("Huella", "{*}Encadenamiento/{*}RegistroAnterior/{*}Huella"),
    ("FechaHoraHusoGenRegistro", "{*}FechaHoraHusoGenRegistro"),
)
_ANULACION = (
    ("IDEmisorFacturaAnulada", "{*}IDFactura/{*}IDEmisorFacturaAnulada"),
    ("NumSerieFacturaAnulada", "{*}IDFactura/{*}NumSerieFacturaAnulada"),
    ("FechaExpedicionFacturaAnulada", "{*}IDFactura/{*}FechaExpedicionFacturaAnulada"),
    ("Huella", "{*}Encadenamiento/{*}RegistroAnterior/{*}Huella"),
    ("FechaHoraHusoGenRegistro", "{*}FechaHoraHusoGenRegistro"),
)


@dataclass(frozen=True, slots=True)
class StoredRecord:
    id: str
    sequence: int
    huella: str
    previous_huella: str | None
    xml: str
    installation: str | None = None  # the chain it belongs to (None: the default one)


@dataclass(frozen=True, slots=True)
class ChainCheck:
    """One installation's chain: `records` checked (all, or up to its first break)."""

    installation: str | None
    valid: bool
    records: int
    first_break: dict[str, object] | None


@dataclass(frozen=True, slots=True)
class ChainReport:
    """Every chain at once: `records` checked (all, or up to the first break of any chain or
    of the sequence), and each chain's own check, in the order their first records came."""

    valid: bool
    records: int
    first_break: dict[str, object] | None
    chains: tuple[ChainCheck, ...] = ()


@dataclass(slots=True)
class _Tail:
    previous: "StoredRecord | None" = None
    records: int = 0
    first_break: dict[str, object] | None = None


def _text(root: etree._Element, path: str) -> str | None:
    node = root.find(path)
    return None if node is None else node.text


def recompute(xml: str) -> tuple[str, str | None, str | None]:
    """(recomputed huella, huella written in the XML, previous huella written in the XML)."""
    root = etree.fromstring(xml.encode())
    paths = _ALTA if etree.QName(root).localname == "RegistroAlta" else _ANULACION
    fields = [(name, _text(root, path)) for name, path in paths]
    return digest(canonical_text(fields)), _text(root, "{*}Huella"), fields[-2][1]


def audit(records: Iterable[StoredRecord]) -> ChainReport:
    count = 0
    first_break: dict[str, object] | None = None
    checked = 0  # records up to the first break
    tails: dict[str | None, _Tail] = {}
    for record in records:
        count += 1
        found = None
        if record.sequence != count:
            found = _break(record, f"expected position {count}, found {record.sequence}")
        tail = tails.get(record.installation)
        if tail is None:
            tail = tails[record.installation] = _Tail()
        if tail.first_break is None:
            tail.records += 1
            reason = _check(record, tail.previous)
            if reason is not None:
                tail.first_break = _break(record, reason)
                found = found or tail.first_break
            tail.previous = record
        if found is not None and first_break is None:
            first_break, checked = found, count
    chains = tuple(
        ChainCheck(key, tail.first_break is None, tail.records, tail.first_break)
        for key, tail in tails.items()
    )
    if first_break is None:
        return ChainReport(True, count, None, chains)
    return ChainReport(False, checked, first_break, chains)


def _break(record: StoredRecord, reason: str) -> dict[str, object]:
    return {"record": record.id, "sequence": record.sequence, "reason": reason}


def _check(record: StoredRecord, previous: StoredRecord | None) -> str | None:
    computed, written, linked = recompute(record.xml)
    if written != record.huella:
        return "the stored huella differs from the one in the record's XML"
    if computed != record.huella:
        return "the huella does not match the record's content"
    expected = previous.huella if previous is not None else None
    if (linked or None) != expected or record.previous_huella != expected:
        return "the record does not link to the huella of the record before it"
    return None

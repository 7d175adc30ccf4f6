"""Re-checking a stored chain from the XML of its records alone (pure).

Each record's huella is recomputed from the fields inside its own XML, and each link is checked
against the record before it, so tampering with the document, the stored huella or the order
shows as a break at the first record affected.
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


@dataclass(frozen=True, slots=True)
class ChainReport:
    valid: bool
    records: int
    first_break: dict[str, object] | None


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
    previous: StoredRecord | None = None
    for record in records:
        count += 1
        reason = _check(record, previous, count)
        if reason is not None:
            where = {"record": record.id, "sequence": record.sequence, "reason": reason}
            return ChainReport(False, count, where)
        previous = record
    return ChainReport(True, count, None)


def _check(record: StoredRecord, previous: StoredRecord | None, position: int) -> str | None:
    if record.sequence != position:
        return f"expected position {position}, found {record.sequence}"
    computed, written, linked = recompute(record.xml)
    if written != record.huella:
        return "the stored huella differs from the one in the record's XML"
    if computed != record.huella:
        return "the huella does not match the record's content"
    expected = previous.huella if previous is not None else None
    if (linked or None) != expected or record.previous_huella != expected:
        return "the record does not link to the huella of the record before it"
    return None

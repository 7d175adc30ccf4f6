"""AEAT's XSDs compiled offline (vendored in `schemas/`), cached, and a validation helper.

AEAT's SuministroInformacion.xsd imports the XML-Signature schema from a remote W3C URL; a
resolver answers it with the local copy and refuses every other non-local location, so compiling
never touches the network.
"""

from enum import StrEnum
from functools import cache
from pathlib import Path

from lxml import etree

SCHEMAS_DIR = Path(__file__).with_name("schemas")
_XMLDSIG_URL = "http://www.w3.org/TR/xmldsig-core/xmldsig-core-schema.xsd"


class Schema(StrEnum):
    """The vendored schema files, by what they validate."""

    RECORDS = "SuministroInformacion.xsd"  # standalone sf:RegistroAlta / sf:RegistroAnulacion
    SUBMISSION = "SuministroLR.xsd"  # RegFactuSistemaFacturacion (Cabecera + RegistroFactura)
    RESPONSE = "RespuestaSuministro.xsd"  # RespuestaRegFactuSistemaFacturacion
    QUERY = "ConsultaLR.xsd"  # ConsultaFactuSistemaFacturacion
    QUERY_RESPONSE = "RespuestaConsultaLR.xsd"  # RespuestaConsultaFactuSistemaFacturacion
    EVENTS = "EventosSIF.xsd"  # RegistroEvento (the NO VERI*FACTU event log)


class SchemaViolation(ValueError):
    """The document does not match the AEAT schema; `errors` lists libxml2's messages."""

    def __init__(self, schema: Schema, errors: list[str]) -> None:
        super().__init__(f"not valid against {schema}: " + "; ".join(errors[:5]))
        self.errors = errors


class _LocalOnly(etree.Resolver):
    """Maps the W3C xmldsig URL to the vendored copy; any other remote URL is an error."""

    def resolve(self, system_url: str | None, public_id: str | None, context: object) -> object:
        if system_url == _XMLDSIG_URL:
            return self.resolve_filename(str(SCHEMAS_DIR / "xmldsig-core-schema.xsd"), context)
        if system_url and "://" in system_url and not system_url.startswith("file:"):
            raise OSError(f"refusing to fetch {system_url}: schemas are loaded offline only")
        return None


@cache
def load(schema: Schema) -> etree.XMLSchema:
    """The compiled schema; compiled once per process (it takes tens of milliseconds)."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(_LocalOnly())
    document = etree.parse(str(SCHEMAS_DIR / schema.value), parser)
    return etree.XMLSchema(document)


def validate(xml: bytes, schema: Schema) -> None:
    """Raise SchemaViolation unless `xml` is a document valid against `schema`.

    The whitespace between elements is not kept in the tree: AEAT's types have no mixed
    content, so the verdict is the same, and a 1,000-record submission parses ~25 % faster.
    """
    parser = etree.XMLParser(
        no_network=True, resolve_entities=False, huge_tree=True, remove_blank_text=True
    )
    document = etree.fromstring(xml, parser)
    compiled = load(schema)
    if not compiled.validate(document):
        raise SchemaViolation(schema, [str(error) for error in compiled.error_log])

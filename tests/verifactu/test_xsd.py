import pytest

from talonario.verifactu import xsd
from talonario.verifactu.xsd import Schema, SchemaViolation, load, validate


@pytest.mark.parametrize("schema", list(Schema))
def test_every_vendored_schema_compiles_offline(schema: Schema) -> None:
    assert load(schema) is load(schema)  # compiled once, then cached


def test_the_resolver_never_fetches_a_remote_location() -> None:
    with pytest.raises(OSError, match="offline"):
        xsd._LocalOnly().resolve("https://example.com/other.xsd", None, None)


def test_an_invalid_document_lists_the_schema_errors() -> None:
    document = (
        b'<sf:RegistroAlta xmlns:sf="https://www2.agenciatributaria.gob.es/static_files/common/'
        b'internet/dep/aplicaciones/es/aeat/tike/cont/ws/SuministroInformacion.xsd">'
        b"<sf:IDVersion>2.0</sf:IDVersion></sf:RegistroAlta>"
    )
    with pytest.raises(SchemaViolation) as caught:
        validate(document, Schema.RECORDS)
    assert any("IDVersion" in error for error in caught.value.errors)

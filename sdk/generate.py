"""Generate the Python SDK, `talonario-client` (sdk/python), from the API's OpenAPI document.

    python sdk/generate.py [OUTPUT]     # `make sdk`: OUTPUT defaults to sdk/python

The document is built in-process by create_app(), never fetched from a server, so the SDK
depends on the code alone; tests/sdk/test_drift.py generates into a temporary folder and
compares. openapi-python-client does the work, with sdk/openapi-python-client.yaml and the
templates in sdk/templates, and with what it has no option for:

- Every JSON `number` is a decimal.Decimal, not a float: the API's amounts are exact decimals
  and must stay so in the caller's hands (0.10 + 0.20 is 0.30, never 0.30000000000000004).
  The generator's property for `number` is swapped for DecimalProperty below, whose template
  reads Decimals and writes them as the decimal strings the API accepts for every amount;
  templates/endpoint_module.py.jinja parses answers with parse_float=Decimal.
- Operation ids lose their tag (`invoices-create_invoice` -> `create_invoice`), as the modules
  are grouped by tag already: `talonario_client.api.invoices.create_invoice`.
- The document given to the generator leaves out what it misreads: rules between an object's
  fields, and a file body's second type (the functions below say how).
"""

import os
import sys
import tempfile
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, ClassVar

import openapi_python_client.parser.properties as properties
from openapi_python_client import generate, strings
from openapi_python_client.config import Config, ConfigFile, MetaType
from openapi_python_client.parser.errors import PropertyError
from openapi_python_client.parser.properties.protocol import Value
from openapi_python_client.strings import PythonCode

from talonario.config import Settings
from talonario.kit.jsonenc import dumps
from talonario.kit.operation_ids import SEPARATOR, tag_part
from talonario.main import create_app

HERE = Path(__file__).resolve().parent
CONFIG = HERE / "openapi-python-client.yaml"
TEMPLATES = HERE / "templates"
OUTPUT = HERE / "python"
# What sdk/python holds of the generator's output; anything else there (egg-info, caches) is
# left alone.
GENERATED = ("talonario_client", "pyproject.toml", "README.md", ".gitignore")


class DecimalProperty(properties.FloatProperty):
    """A JSON number as decimal.Decimal (templates/property_templates/decimal_property.py.jinja)."""

    _type_string: ClassVar[str] = "Decimal"
    _json_type_string: ClassVar[str] = "str"
    template: ClassVar[str] = "decimal_property.py.jinja"

    @classmethod
    def convert_value(cls, value: Any) -> Value | PropertyError | None:
        if isinstance(value, Value) or value is None:
            return value
        if isinstance(value, bool):
            return PropertyError(f"Cannot convert {value} to a Decimal")
        try:
            text = str(Decimal(str(value)))
        except InvalidOperation:
            return PropertyError(f"Invalid decimal value: {value}")
        return Value(python_code=PythonCode(f'Decimal("{text}")'), raw_value=value)

    def get_imports(self, *, prefix: str) -> set[str]:
        return super().get_imports(prefix=prefix) | {"from decimal import Decimal"}


def openapi_document(workdir: Path) -> dict[str, Any]:
    """/openapi.json as the app serves it (its database, never opened here, in `workdir`)."""
    app = create_app(Settings(database_url=f"sqlite:///{workdir / 'unused.db'}"))
    try:
        return app.openapi()
    finally:
        app.state.runtime.close()


def untagged_operation_ids(doc: dict[str, Any]) -> dict[str, Any]:
    """The document with each operation id (and each link to one) less its tag's part; two
    operations of one tag left with one id would make one module: refused."""
    renamed: dict[str, str] = {}
    taken: set[tuple[str, str]] = set()
    for path, operations in doc["paths"].items():
        for method, operation in operations.items():
            tag = (operation.get("tags") or [""])[0]
            new = operation["operationId"].removeprefix(tag_part(tag) + SEPARATOR)
            if (tag, new) in taken:
                sys.exit(f"two {tag!r} operations would be named {new!r} ({method} {path})")
            taken.add((tag, new))
            renamed[operation["operationId"]] = new

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("operationId"), str) and node["operationId"] in renamed:
                node["operationId"] = renamed[node["operationId"]]
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(doc)
    return doc


RULES = ("anyOf", "oneOf", "allOf", "not", "if", "then", "else")


def _named(node: Any) -> set[str]:
    """The property names a rule speaks of (in `properties` and `required`, at any depth)."""
    names: set[str] = set()
    if isinstance(node, dict):
        names |= set(node.get("properties", {})) | set(node.get("required", []))
        for key in RULES:
            branches = node.get(key, []) if key in ("anyOf", "oneOf", "allOf") else [node.get(key)]
            for branch in branches:
                names |= _named(branch)
    return names


def without_rules_between_fields(doc: dict[str, Any]) -> dict[str, Any]:
    """The document without the rules that tie an object's fields together (a line names a
    `product` or has `description` and `unit_price`; a `foreign_id`'s `country` by its
    `id_type`): the generator would take each branch for a model of its own, holding only
    the fields the rule names. The API still enforces them, answering 422 naming the field."""
    for name, schema in doc["components"]["schemas"].items():
        fields = set(schema.get("properties", {}))
        rules = [key for key in RULES if key in schema]
        if not fields or not rules:
            continue
        unknown = _named({key: schema[key] for key in rules}) - fields
        if unknown:
            sys.exit(f"{name}: a rule names fields it does not have: {sorted(unknown)}")
        for key in rules:
            del schema[key]
    return doc


def one_file_body(doc: dict[str, Any], overrides: dict[str, str]) -> dict[str, Any]:
    """A body the API takes in several file types (a PNG or JPEG logo) as one: the generator
    would make a union of two identical File types, and send the last type named. The SDK's
    File says its own `mime_type` instead (templates/endpoint_module.py.jinja)."""
    for operations in doc["paths"].values():
        for operation in operations.values():
            content = operation.get("requestBody", {}).get("content", {})
            files = [t for t in content if overrides.get(t) == "application/octet-stream"]
            for extra in files[1:]:
                del content[extra]
    return doc


def build(output: Path) -> None:
    """Generate the SDK into `output` (its generated files replaced, nothing else touched)."""
    properties.FloatProperty = DecimalProperty  # type: ignore[misc]
    # `issued_on[gte]` as a Python name: `issued_on_gte`, not `issued_ongte`.
    strings.DELIMITERS += "[]"
    # The post hooks run `ruff`: this interpreter's, the version `make lint` checks with.
    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        document = work / "openapi.json"
        settings = ConfigFile.load_from_path(CONFIG)
        doc = untagged_operation_ids(openapi_document(work))
        doc = one_file_body(doc, settings.content_type_overrides or {})
        document.write_bytes(dumps(without_rules_between_fields(doc)))
        project = work / "talonario-client"
        config = Config.from_sources(
            settings,
            MetaType.UV,  # any but NONE: the project files come from sdk/templates
            document,
            "utf-8",
            overwrite=True,
            output_path=project,
        )
        problems = generate(config=config, custom_template_path=TEMPLATES)
        if problems:
            for problem in problems:
                print(f"{problem.level}: {problem.header}\n{problem.detail}", file=sys.stderr)
            sys.exit("openapi-python-client could not generate the whole SDK: see above")
        sync(project, output)


def _files(tree: Path) -> set[Path]:
    found = set()
    for name in GENERATED:
        top = tree / name
        if top.is_file():
            found.add(Path(name))
        elif top.is_dir():
            found |= {
                path.relative_to(tree)
                for path in top.rglob("*")
                if path.is_file() and "__pycache__" not in path.parts
            }
    return found


def sync(fresh: Path, output: Path) -> None:
    """Make `output`'s generated files those of `fresh`, writing only what changed (an
    untouched sdk/python/pyproject.toml does not make `make` reinstall the SDK)."""
    new, old = _files(fresh), _files(output)
    for gone in old - new:
        (output / gone).unlink()
    for name in new:
        content = (fresh / name).read_bytes()
        target = output / name
        if name not in old or target.read_bytes() != content:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
    for folder in sorted({(output / gone).parent for gone in old - new}, reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()  # a tag without operations any more


if __name__ == "__main__":
    build(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else OUTPUT)

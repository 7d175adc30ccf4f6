"""The house rules that keep the code safe to extend, checked on the source (docs/architecture.md):
SQL over a tenant table is built only in repositories, import arrows run one way, no file grows
past 500 lines."""

import ast
import subprocess
import sys
from pathlib import Path

from talonario.models.base import Base

SRC = Path(__file__).resolve().parents[1] / "src" / "talonario"
# Persistence itself, the schema and its migrations, and the AEAT stand-in (its own tables,
# keyed by taxpayer NIF, not by company) may build statements anywhere.
EXEMPT = ("db", "models", "migrations", "aeat_sandbox")
STATEMENTS = {
    "select", "insert", "update", "delete", "text", "exists", "union", "union_all",
    "func", "literal_column", "table_of",
}  # fmt: skip
ORM_QUERIES = {"get", "query", "merge", "get_one"}


def tenant_models() -> set[str]:
    """Models whose rows belong to a company (and the company itself)."""
    names = {"Company"}
    for mapper in Base.registry.mappers:
        if "company_id" in mapper.local_table.columns:
            names.add(mapper.class_.__name__)
    return names


def sources() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def may_build_sql(path: Path) -> bool:
    rel = path.relative_to(SRC)
    return rel.parts[0] in EXEMPT or path.stem.endswith("repository")


def sql_in(source: str, tenants: set[str]) -> list[tuple[int, str]]:
    """Where `source` builds a statement or asks the ORM for a tenant model's rows."""
    found = []
    modules = set()  # names bound to sqlalchemy modules (`import sqlalchemy as sa`)
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            modules |= {a.asname or a.name for a in node.names if a.name.startswith("sqlalchemy")}
        elif isinstance(node, ast.ImportFrom) and node.module is not None:
            module = node.module
            from_sql = module.startswith("sqlalchemy") or module == "talonario.models.base"
            for alias in node.names:
                if from_sql and alias.name in STATEMENTS:
                    found.append((node.lineno, f"imports {alias.name} from {module}"))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner, attr = node.func.value, node.func.attr
            first = node.args[0] if node.args else None
            if isinstance(owner, ast.Name) and owner.id in modules and attr in STATEMENTS:
                found.append((node.lineno, f"calls {owner.id}.{attr}"))
            elif attr in ORM_QUERIES and isinstance(first, ast.Name) and first.id in tenants:
                found.append((node.lineno, f".{attr}({first.id}, ...)"))
    return sorted(found)


def test_tenant_tables_are_queried_only_in_repositories() -> None:
    tenants = tenant_models()
    assert {"Invoice", "Client", "VerifactuRecord", "Company"} <= tenants
    offenders = [
        f"{path.relative_to(SRC)}:{line}: {what}"
        for path in sources()
        if not may_build_sql(path)
        for line, what in sql_in(path.read_text(), tenants)
    ]
    assert offenders == [], "build these statements in a repository:\n" + "\n".join(offenders)


def test_the_check_sees_a_query_written_outside_a_repository() -> None:
    stray = (
        "from sqlalchemy import select\n"
        "import sqlalchemy as sa\n"
        "def f(session, ref):\n"
        "    session.execute(sa.delete(Client))\n"
        "    return session.get(Invoice, ref)\n"
    )
    assert sql_in(stray, tenant_models()) == [
        (1, "imports select from sqlalchemy"),
        (4, "calls sa.delete"),
        (5, ".get(Invoice, ...)"),
    ]


def test_import_arrows_run_down_only() -> None:
    """The import-linter contracts in pyproject.toml: layers, the pure VERI*FACTU library,
    a domain-free kit."""
    lint = Path(sys.executable).with_name("lint-imports")
    run = subprocess.run(
        [str(lint), "--no-cache"], cwd=SRC.parents[1], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout[-4000:]


def test_no_source_file_is_over_500_lines() -> None:
    long = {
        str(p.relative_to(SRC)): n
        for p in sources()
        if (n := len(p.read_text().splitlines())) > 500
    }
    assert long == {}

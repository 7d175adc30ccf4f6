"""The committed SDK is the one the API's code generates: an API change without `make sdk`
fails here, before a user's client disagrees with the server."""

import subprocess
import sys
from pathlib import Path

from talonario.main import create_app

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "sdk" / "python"
# What `pip install -e` and tools leave in sdk/python; nothing the generator writes.
NOT_GENERATED = ("__pycache__", ".egg-info", ".ruff_cache", ".mypy_cache", "build", "dist")


def files(tree: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(tree)): path.read_bytes()
        for path in tree.rglob("*")
        if path.is_file()
        and not any(part.endswith(NOT_GENERATED) for part in path.relative_to(tree).parts)
    }


def test_the_committed_sdk_is_generated_from_the_current_api(tmp_path: Path) -> None:
    fresh = tmp_path / "python"
    run = subprocess.run(
        [sys.executable, str(ROOT / "sdk" / "generate.py"), str(fresh)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-4000:]
    committed, generated = files(COMMITTED), files(fresh)
    stale = sorted(
        name
        for name in committed.keys() | generated.keys()
        if committed.get(name) != generated.get(name)
    )
    assert stale == [], (
        "sdk/python is not what the API generates: run `make sdk` and commit it. Differing: "
        + ", ".join(stale[:20])
    )


def test_operation_ids_are_unique_and_say_tag_and_operation() -> None:
    app = create_app()
    try:
        doc = app.openapi()
    finally:
        app.state.runtime.close()
    ids = [op["operationId"] for ops in doc["paths"].values() for op in ops.values()]
    assert len(ids) == len(set(ids))
    assert doc["paths"]["/v1/invoices"]["post"]["operationId"] == "invoices-create_invoice"
    pdf = doc["paths"]["/v1/invoices/{ref}/pdf"]["get"]["operationId"]
    assert pdf == "invoices-invoice_pdf"

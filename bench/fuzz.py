"""`make fuzz`: schemathesis over /openapi.json of a real `talonario serve` process, with a key.

Every operation gets FUZZ_EXAMPLES cases (default 25, like `-n 25`) in each of the coverage and
fuzzing phases (positive and negative data), then FUZZ_STATEFUL_EXAMPLES scenarios (default
200) follow the published links. Operations on one object get a real one
(bench/fuzz_objects.py). Checks: not_a_server_error, response_schema_conformance,
status_code_conformance. The run fails on any
failure and on a "schema validation mismatch" warning. Prints the figures: cases generated,
failures, warnings. FUZZ_SEED makes a run repeatable.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.fixtures.factories import create_company
from tests.fixtures.servers import running_server

from bench import fuzz_objects
from talonario.config import Settings
from talonario.db import create_database
from talonario.migrate import upgrade

ROOT = Path(__file__).resolve().parent.parent
CHECKS = "not_a_server_error,response_schema_conformance,status_code_conformance"
# The hooks make valid what only the server can check (tests/fixtures/fuzzing.py).
CONFIG = """
hooks = "tests.fixtures.fuzzing"

[generation]
max-examples = {examples}

[warnings]
fail-on = ["validation_mismatch"]

[phases.stateful]
max-steps = 60

[phases.stateful.generation]
max-examples = {scenarios}
"""


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="talonario-fuzz-"))
    url = f"sqlite:///{work}/fuzz.db"
    upgrade(url)
    _, key = create_company(create_database(Settings(database_url=url)))  # with an address
    # Generated webhook hosts do not resolve; the SSRF guard has its own tests.
    os.environ["TALONARIO_WEBHOOKS_ALLOW_PRIVATE"] = "true"
    config = work / "schemathesis.toml"
    examples = int(os.environ.get("FUZZ_EXAMPLES", "25"))
    scenarios = int(os.environ.get("FUZZ_STATEFUL_EXAMPLES", "200"))
    command = [
        str(Path(sys.executable).parent / "st"),
        "--config-file",
        str(config),
        "run",
        "-H",
        f"Authorization: Bearer {key}",
        "-c",
        CHECKS,
        "-w",
        os.environ.get("FUZZ_WORKERS", "1"),
        "--report",
        "json,ndjson",
        "--report-dir",
        str(work),
    ]
    if os.environ.get("FUZZ_SEED"):
        command += ["--seed", os.environ["FUZZ_SEED"]]
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    with running_server(url, work / "server.log") as server:
        objects = fuzz_objects.make(server.url, key)
        text = CONFIG.format(examples=examples, scenarios=scenarios)
        config.write_text(text + "\n" + fuzz_objects.config(server.url, objects))
        done = subprocess.run([*command, f"{server.url}/openapi.json"], env=env, cwd=ROOT)
    report = json.loads(next(work.glob("json-*.json")).read_text())
    warnings = report["warnings"]
    print(
        f"fuzz: {report['test_cases']['generated']} cases over {report['operations']['tested']}"
        f" operations; {len(report['failures'])} kinds of failure;"
        f" schema validation mismatch: {warnings['validation_mismatch'] or 'none'};"
        f" missing test data: {len(warnings['missing_test_data'])} operations"
        f" ({', '.join(warnings['missing_test_data'])}); exit {done.returncode}; reports in {work}"
    )
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())

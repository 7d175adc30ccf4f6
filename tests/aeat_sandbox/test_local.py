"""The mounted sandbox answered inside the worker's process (aeat_sandbox/local.py): the same
verdicts, state and faults as over HTTP, and a held-back answer past the caller's patience is
lost as it would be on the network; over a SQLite file, its store is a file of its own."""

import threading
from decimal import Decimal

import httpx
import pytest
from sqlalchemy import func, select

from talonario.aeat_sandbox.app import Sandbox
from talonario.aeat_sandbox.faults import FaultKind, FaultSpec
from talonario.aeat_sandbox.local import LocalSandbox
from talonario.aeat_sandbox.models import SandboxRecord
from talonario.aeat_sandbox.store import store_of
from talonario.runtime import Runtime
from talonario.verifactu.client import SANDBOX_PATH, AeatClient, PermanentError, TransientError
from talonario.verifactu.responses import RecordStatus
from tests.aeat_sandbox.helpers import Taxpayer

URL = "http://127.0.0.1:8000" + SANDBOX_PATH


def test_a_record_sent_in_process_is_judged_and_held(runtime: Runtime) -> None:
    taxpayer = Taxpayer()
    alta = taxpayer.alta("F-0001")
    with AeatClient(URL, transport=LocalSandbox(runtime.settings, runtime.db)) as client:
        result = client.submit(taxpayer.envelope(alta))
        broken = client.submit(taxpayer.envelope(taxpayer.alta("F-0002", previous=None)))

    line = result.line_for(alta.invoice)
    assert line is not None and line.status is RecordStatus.ACCEPTED and result.csv
    held = Sandbox(runtime.settings, runtime.db).records(taxpayer.nif, None)
    assert [(h["number"], h["state"]) for h in held] == [
        ("F-0001", "Correcto"),
        ("F-0002", "AceptadoConErrores"),
    ]
    assert broken.lines[0].code is not None  # the chain check runs as over HTTP


def test_a_held_back_answer_past_the_caller_s_timeout_is_lost_but_the_record_kept(
    runtime: Runtime,
) -> None:
    taxpayer = Taxpayer()
    sandbox = Sandbox(runtime.settings, runtime.db)
    sandbox.add_fault(FaultSpec(kind=FaultKind.DELAY, seconds=Decimal(2), nif=taxpayer.nif))
    transport = LocalSandbox(runtime.settings, runtime.db)
    with (
        AeatClient(URL, transport=transport, timeout=httpx.Timeout(0.3)) as client,
        pytest.raises(TransientError),
    ):
        client.submit(taxpayer.envelope(taxpayer.alta("F-0001")))

    assert [h["number"] for h in sandbox.records(taxpayer.nif, None)] == ["F-0001"]


def test_a_switched_http_500_reaches_the_client_as_such(runtime: Runtime) -> None:
    taxpayer = Taxpayer()
    sandbox = Sandbox(runtime.settings, runtime.db)
    sandbox.add_fault(FaultSpec(kind=FaultKind.HTTP_500, nif=taxpayer.nif))
    with (
        AeatClient(URL, transport=LocalSandbox(runtime.settings, runtime.db)) as client,
        pytest.raises((TransientError, PermanentError), match="500"),
    ):
        client.submit(taxpayer.envelope(taxpayer.alta("F-0001")))


def test_over_a_sqlite_file_the_sandbox_keeps_its_store_apart_and_never_waits_on_the_api(
    runtime: Runtime,
) -> None:
    taxpayer = Taxpayer()
    transport = LocalSandbox(runtime.settings, runtime.db)
    store = store_of(runtime.db)
    if not runtime.db.is_sqlite:
        assert store is runtime.db  # PostgreSQL: the server's database, row locks only
        return
    assert runtime.db.sqlite_file is not None and store.sqlite_file is not None
    assert store.sqlite_file.name == runtime.db.sqlite_file.stem + ".aeat-sandbox.db"
    answered: list[RecordStatus] = []

    def submit() -> None:
        with AeatClient(URL, transport=transport) as client:
            result = client.submit(taxpayer.envelope(taxpayer.alta("F-0001")))
            answered.append(result.lines[0].status)

    # The API holds its write lock (as a request issuing does): the sandbox answers anyway.
    with runtime.db.write_session():
        sender = threading.Thread(target=submit)
        sender.start()
        sender.join(20)
        assert answered == [RecordStatus.ACCEPTED]
    mine = select(func.count()).where(SandboxRecord.issuer_nif == taxpayer.nif)
    with runtime.db.read_session() as session:
        assert session.scalar(mine) == 0
    with store.read_session() as session:
        assert session.scalar(mine) == 1

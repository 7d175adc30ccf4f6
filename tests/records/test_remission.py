"""Remission through real HTTP: the API's records go to the AEAT sandbox served by another
process, in chain order and batches, surviving outages, lost answers and killed workers."""

import os
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from talonario.companies import service as companies
from talonario.kit.clock import utcnow
from talonario.models import VerifactuRecord, VerifactuRemission, VerifactuSubmission
from talonario.records import remission
from talonario.runtime import Runtime
from talonario.verifactu.client import SANDBOX_PATH, AeatClient
from tests.conftest import Api, make_settings
from tests.fixtures.database import migrated_database
from tests.fixtures.factories import create_company, invoice_body, issue_invoices, unique_nif
from tests.fixtures.servers import (
    SANDBOX_CONTROL,
    Server,
    running_server,
    stop,
    talonario_command,
)

pytestmark = pytest.mark.xdist_group("servers")

WAIT = 5  # the sandbox's TiempoEsperaEnvio in these tests


@pytest.fixture(scope="module")
def sandbox_server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TALONARIO_SANDBOX_WAIT_SECONDS", str(WAIT))
        log = tmp_path_factory.mktemp("sandbox") / "server.log"
        with running_server(database_url, log) as server:
            yield server


@dataclass
class Quiet:
    """A database of its own, so a worker process sees only this test's records."""

    url: str
    runtime: Runtime
    server: Server
    sandbox: httpx.Client


@pytest.fixture(scope="module")
def quiet(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Quiet]:
    kind = "sqlite" if database_url.startswith("sqlite") else "postgresql"
    with ExitStack() as stack:
        url = stack.enter_context(migrated_database(kind, tmp_path_factory.mktemp("quiet")))
        runtime = Runtime.from_settings(make_settings(url))
        stack.callback(runtime.db.dispose)
        mp = stack.enter_context(pytest.MonkeyPatch.context())
        mp.setenv("TALONARIO_SANDBOX_WAIT_SECONDS", "1")
        server = stack.enter_context(
            running_server(url, tmp_path_factory.mktemp("quiet-log") / "server.log")
        )
        sandbox = stack.enter_context(
            httpx.Client(base_url=server.url + "/aeat-sandbox", headers=SANDBOX_CONTROL, timeout=30)
        )
        yield Quiet(url, runtime, server, sandbox)


@pytest.fixture
def sandbox(sandbox_server: Server) -> Iterator[httpx.Client]:
    with httpx.Client(
        base_url=sandbox_server.url + "/aeat-sandbox", headers=SANDBOX_CONTROL, timeout=30
    ) as client:
        client.delete("/control/faults")
        yield client
        client.delete("/control/faults")


@pytest.fixture
def company(app_client: Any, runtime: Runtime) -> Api:
    company_id, key = create_company(runtime.db, nif=unique_nif())
    return Api(app_client, company_id, key)


def client_for(server: Server) -> remission.ClientFactory:
    return lambda company, settings: AeatClient(server.url + SANDBOX_PATH)


def issue(api: Api, **overrides: Any) -> dict[str, Any]:
    r = api.post("/v1/invoices", invoice_body(issue=True, **overrides))
    assert r.status_code == 201, r.text
    return r.json()


def held(sandbox: httpx.Client, nif: str) -> list[dict[str, Any]]:
    r = sandbox.get("/control/records", params={"nif": nif})
    assert r.status_code == 200, r.text
    data = r.json()
    return data["data"]


def company_nif(runtime: Runtime, company_id: str) -> str:
    with runtime.db.read_session() as s:
        return companies.get(s, company_id).nif


def test_issue_then_remit_is_accepted_with_a_csv(
    company: Api, runtime: Runtime, sandbox: httpx.Client, sandbox_server: Server
) -> None:
    invoice = issue(company)
    assert company.get("/v1/verifactu/status").json()["pending"] == 1
    submission = remission.remit(
        runtime.db, runtime.settings, company.company_id, client_for=client_for(sandbox_server)
    )
    assert submission is not None and submission.status == "answered"
    assert submission.csv and submission.aeat_status == "Correcto"
    vf = company.get(f"/v1/invoices/{invoice['id']}").json()["verifactu"]
    assert vf["status"] == "accepted" and vf["csv"] == submission.csv and vf["errors"] == []
    records = company.get(f"/v1/invoices/{invoice['id']}/verifactu").json()["data"]
    assert records[0]["status"] == "accepted" and records[0]["aeat"]["csv"] == submission.csv
    status = company.get("/v1/verifactu/status").json()
    assert status["pending"] == 0 and status["incident"]["open"] is False
    assert status["last_submission"]["csv"] == submission.csv
    nif = company_nif(runtime, company.company_id)
    assert [r["number"] for r in held(sandbox, nif)] == [invoice["number"]]


def _issue_many(runtime: Runtime, company_id: str, n: int) -> None:
    issue_invoices(runtime.db, runtime.settings, company_id, n)


def test_1500_pending_go_as_1000_then_500_after_the_wait(
    company: Api, runtime: Runtime, sandbox: httpx.Client, sandbox_server: Server
) -> None:
    _issue_many(runtime, company.company_id, 1500)
    factory = client_for(sandbox_server)
    t0 = utcnow()
    first = remission.remit(
        runtime.db, runtime.settings, company.company_id, now=t0, client_for=factory
    )
    assert first is not None and first.records == 1000 and first.status == "answered"
    assert first.wait_seconds == WAIT
    # 500 waiting: fewer than 1,000, so the next batch waits for TiempoEsperaEnvio.
    early = t0 + timedelta(seconds=WAIT - 1)
    assert (
        remission.remit(
            runtime.db, runtime.settings, company.company_id, now=early, client_for=factory
        )
        is None
    )
    assert company.get("/v1/verifactu/status").json()["pending"] == 500
    later = t0 + timedelta(seconds=WAIT)
    second = remission.remit(
        runtime.db, runtime.settings, company.company_id, now=later, client_for=factory
    )
    assert second is not None and second.records == 500
    assert (first.first_sequence, first.last_sequence) == (1, 1000)
    assert (second.first_sequence, second.last_sequence) == (1001, 1500)
    nif = company_nif(runtime, company.company_id)
    assert len(held(sandbox, nif)) == 1500
    with runtime.db.read_session() as s:
        statuses = s.execute(
            select(VerifactuRecord.status, func.count())
            .where(VerifactuRecord.company_id == company.company_id)
            .group_by(VerifactuRecord.status)
        ).all()
    assert dict(statuses) == {"accepted": 1500}


def test_outage_twice_then_recovery_sends_each_record_once_as_incident(
    company: Api, runtime: Runtime, sandbox: httpx.Client, sandbox_server: Server
) -> None:
    issued = [issue(company) for _ in range(3)]
    sandbox.post("/control/faults", json={"kind": "http_500", "count": 2}).raise_for_status()
    factory = client_for(sandbox_server)
    now = utcnow()
    submissions = []
    for _ in range(3):
        sub = remission.remit(
            runtime.db, runtime.settings, company.company_id, now=now, client_for=factory
        )
        assert sub is not None
        submissions.append(sub)
        status = company.get("/v1/verifactu/status").json()
        if sub.status == "transient_error":
            assert status["pending"] == 3 and status["incident"]["open"] is True
            next_at = status["next_submission_at"]
            # Not before the backoff: a remit now does nothing.
            assert (
                remission.remit(
                    runtime.db, runtime.settings, company.company_id, now=now, client_for=factory
                )
                is None
            )
            assert next_at is not None
            now = now + timedelta(hours=1)
    assert [s.status for s in submissions] == ["transient_error", "transient_error", "answered"]
    # The first went on time; the ones after the outage began say Incidencia=S.
    assert [s.incident for s in submissions] == [False, True, True]
    nif = company_nif(runtime, company.company_id)
    assert [r["number"] for r in held(sandbox, nif)] == [i["number"] for i in issued]
    for invoice in issued:
        vf = company.get(f"/v1/invoices/{invoice['id']}").json()["verifactu"]
        assert vf["status"] == "accepted"
    assert company.get("/v1/verifactu/status").json()["incident"]["open"] is False


def test_lost_answer_is_reconciled_by_the_duplicate_aeat_reports(
    company: Api, runtime: Runtime, sandbox: httpx.Client, sandbox_server: Server
) -> None:
    invoice = issue(company)
    settings = runtime.settings.model_copy(update={"remission_lease_seconds": 1})
    # The sandbox stores the record, then answers too late: the client times out.
    sandbox.post("/control/faults", json={"kind": "delay", "seconds": 3}).raise_for_status()
    impatient = lambda c, s: AeatClient(  # noqa: E731
        sandbox_server.url + SANDBOX_PATH, timeout=httpx.Timeout(1.0)
    )
    now = utcnow()
    lost = remission.remit(runtime.db, settings, company.company_id, now=now, client_for=impatient)
    assert lost is not None and lost.status == "transient_error"
    time.sleep(2.5)  # let the sandbox finish its delayed answer
    again = remission.remit(
        runtime.db,
        settings,
        company.company_id,
        now=now + timedelta(hours=1),
        client_for=client_for(sandbox_server),
    )
    assert again is not None and again.status == "answered"
    vf = company.get(f"/v1/invoices/{invoice['id']}").json()["verifactu"]
    assert vf["status"] == "accepted"
    nif = company_nif(runtime, company.company_id)
    assert len(held(sandbox, nif)) == 1


def test_forced_rejection_then_correct_is_accepted_and_the_chain_stays_whole(
    company: Api, runtime: Runtime, sandbox: httpx.Client, sandbox_server: Server
) -> None:
    invoice = issue(company)
    sandbox.post(
        "/control/faults",
        json={"kind": "record_error", "number": invoice["number"], "code": 1105, "count": 1},
    ).raise_for_status()
    factory = client_for(sandbox_server)
    now = utcnow()
    remission.remit(runtime.db, runtime.settings, company.company_id, now=now, client_for=factory)
    rejected = company.get(f"/v1/invoices/{invoice['id']}").json()["verifactu"]
    assert rejected["status"] == "rejected"
    assert rejected["errors"][0]["code"] == "1105"
    r = company.post(f"/v1/invoices/{invoice['id']}/verifactu/correct")
    assert r.status_code == 200, r.text
    assert r.json()["verifactu"]["status"] == "pending"
    later = now + timedelta(seconds=WAIT)
    sub = remission.remit(
        runtime.db, runtime.settings, company.company_id, now=later, client_for=factory
    )
    assert sub is not None and sub.status == "answered"
    records = company.get(f"/v1/invoices/{invoice['id']}/verifactu").json()["data"]
    assert [(r["kind"], r["status"]) for r in records] == [
        ("alta", "rejected"),
        ("alta", "accepted"),
    ]
    assert company.get(f"/v1/invoices/{invoice['id']}").json()["verifactu"]["status"] == "accepted"
    verify = company.get("/v1/verifactu/chain/verify").json()
    assert verify["valid"] is True and verify["records"] == 2
    # Only an answered, non-accepted record can be corrected.
    again = company.post(f"/v1/invoices/{invoice['id']}/verifactu/correct")
    assert again.status_code == 409


def _worker(database_url: str, server: Server, log: Path, lease: int) -> subprocess.Popen[bytes]:
    env = os.environ | {
        "TALONARIO_DATABASE_URL": database_url,
        "TALONARIO_AEAT_SANDBOX_URL": server.url + SANDBOX_PATH,
        "TALONARIO_REMISSION_LEASE_SECONDS": str(lease),
        "TALONARIO_WORKER_POLL_SECONDS": "0.2",
    }
    with log.open("ab") as out:
        return subprocess.Popen(
            [talonario_command(), "worker"],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def _wait_for(condition: Any, timeout: float, what: str, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(
        f"timed out waiting for {what}:\n{log.read_text(errors='replace')[-3000:]}"
    )


def _statuses(runtime: Runtime, company_id: str) -> dict[str, int]:
    with runtime.db.read_session() as s:
        rows = s.execute(
            select(VerifactuRecord.status, func.count())
            .where(VerifactuRecord.company_id == company_id)
            .group_by(VerifactuRecord.status)
        ).all()
    return dict(rows)  # type: ignore[arg-type]


def test_killed_worker_mid_submission_loses_and_duplicates_nothing(
    quiet: Quiet, tmp_path: Path
) -> None:
    company_id, _ = create_company(quiet.runtime.db, nif=unique_nif())
    _issue_many(quiet.runtime, company_id, 5)
    quiet.sandbox.post("/control/faults", json={"kind": "delay", "seconds": 4}).raise_for_status()
    log = tmp_path / "worker.log"
    first = _worker(quiet.url, quiet.server, log, lease=2)
    try:
        _wait_for(
            lambda: _statuses(quiet.runtime, company_id).get("submitted") == 5,
            30,
            "the batch in flight",
            log,
        )
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    finally:
        stop(first)
    second = _worker(quiet.url, quiet.server, log, lease=2)
    try:
        _wait_for(
            lambda: _statuses(quiet.runtime, company_id) == {"accepted": 5},
            60,
            "every record accepted",
            log,
        )
    finally:
        stop(second)
    nif = company_nif(quiet.runtime, company_id)
    assert len(held(quiet.sandbox, nif)) == 5


def test_two_workers_send_each_record_once(quiet: Quiet, tmp_path: Path) -> None:
    company_id, _ = create_company(quiet.runtime.db, nif=unique_nif())
    log = tmp_path / "workers.log"
    workers = [_worker(quiet.url, quiet.server, log, lease=60) for _ in range(2)]
    try:
        for _ in range(3):  # records keep arriving while both workers poll
            _issue_many(quiet.runtime, company_id, 10)
            time.sleep(0.5)
        _wait_for(
            lambda: _statuses(quiet.runtime, company_id) == {"accepted": 30},
            90,
            "every record accepted",
            log,
        )
    finally:
        for w in workers:
            stop(w)
    with quiet.runtime.db.read_session() as s:
        sent = s.scalar(
            select(func.sum(VerifactuSubmission.records)).where(
                VerifactuSubmission.company_id == company_id
            )
        )
    assert sent == 30  # no record went twice
    nif = company_nif(quiet.runtime, company_id)
    assert len(held(quiet.sandbox, nif)) == 30


def test_query_adopts_what_aeat_holds_after_a_lost_answer(
    company: Api, runtime: Runtime, sandbox: httpx.Client, sandbox_server: Server
) -> None:
    invoice = issue(company)
    settings = runtime.settings.model_copy(
        update={"aeat_sandbox_url": sandbox_server.url + SANDBOX_PATH}
    )
    sandbox.post("/control/faults", json={"kind": "delay", "seconds": 3}).raise_for_status()
    impatient = lambda c, s: AeatClient(  # noqa: E731
        sandbox_server.url + SANDBOX_PATH, timeout=httpx.Timeout(1.0)
    )
    lost = remission.remit(runtime.db, settings, company.company_id, client_for=impatient)
    assert lost is not None and lost.status == "transient_error"
    time.sleep(2.5)
    runtime.settings.aeat_sandbox_url, saved = (
        settings.aeat_sandbox_url,
        runtime.settings.aeat_sandbox_url,
    )
    try:
        r = company.post(f"/v1/invoices/{invoice['id']}/verifactu/query")
    finally:
        runtime.settings.aeat_sandbox_url = saved
    assert r.status_code == 200, r.text
    answer = r.json()
    assert answer["aeat"]["found"] is True and answer["aeat"]["status"] == "Correcto"
    assert answer["aeat"]["huella"] == invoice["verifactu"]["huella"]
    assert answer["aeat"]["in_agreement"] is True
    assert answer["invoice"]["verifactu"]["status"] == "accepted"


def test_query_without_a_certificate_for_preproduction_is_a_409_not_a_503(company: Api) -> None:
    # make fuzz found it: PATCH the company to preproduction, then query: a 503 (a 5xx) for
    # what the company must fix itself.
    invoice = issue(company)
    r = company.patch("/v1/company", {"verifactu": {"environment": "preproduction"}})
    assert r.status_code == 200, r.text
    r = company.post(f"/v1/invoices/{invoice['id']}/verifactu/query")
    assert r.status_code == 409, r.text
    assert r.json()["error"]["code"] == "aeat_query_refused"
    assert "certificate" in r.json()["error"]["message"]


def test_a_submission_is_answered_when_its_answer_comes_and_aeat_s_wait_runs_from_then(
    company: Api, runtime: Runtime, sandbox: httpx.Client, sandbox_server: Server
) -> None:
    issue(company)
    sandbox.post("/control/faults", json={"kind": "delay", "seconds": 1}).raise_for_status()
    started = utcnow()

    sent = remission.remit(
        runtime.db, runtime.settings, company.company_id, client_for=client_for(sandbox_server)
    )

    assert sent is not None and sent.status == "answered"
    assert sent.answered_at is not None and sent.answered_at >= started + timedelta(seconds=1)
    with runtime.db.read_session() as session:
        state = remission.RemissionRepository(session, company.company_id).state()
    # TiempoEsperaEnvio counts from AEAT's answer, not from when the send began.
    assert state is not None and sent.wait_seconds is not None
    assert state.aeat_wait_until == sent.answered_at + timedelta(seconds=sent.wait_seconds)


def test_two_claimers_finding_no_remission_state_do_not_collide(
    company: Api, runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    issue(company)
    repo_class = remission.RemissionRepository
    real_first = repo_class.first
    calls = {"n": 0}

    def first_misses_once(self: Any, statement: Any) -> Any:
        # The first look finds nothing, as when another claimer creates the row just after.
        calls["n"] += 1
        if calls["n"] == 1:
            self.session.add(
                VerifactuRemission(company_id=company.company_id, failures=0, incident_open=False)
            )
            self.session.flush()
            return None
        return real_first(self, statement)

    monkeypatch.setattr(repo_class, "first", first_misses_once)
    with runtime.db.write_session() as session:
        state = repo_class(session, company.company_id).state_to_claim(False)
        session.commit()

    assert state is not None and state.company_id == company.company_id


def test_a_batch_marked_and_answered_a_chunk_at_a_time_ends_whole(
    company: Api, runtime: Runtime, sandbox_server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(remission, "WRITE_CHUNK", 2)
    _issue_many(runtime, company.company_id, 5)

    sent = remission.remit(
        runtime.db, runtime.settings, company.company_id, client_for=client_for(sandbox_server)
    )

    assert sent is not None and sent.status == "answered" and sent.records == 5
    assert _statuses(runtime, company.company_id) == {"accepted": 5}
    listed = company.get("/v1/invoices", params={"limit": 10}).json()["data"]
    assert [i["verifactu"]["status"] for i in listed] == ["accepted"] * 5


def test_a_holder_that_loses_its_lease_while_marking_stops_and_the_next_sends_it_all(
    company: Api, runtime: Runtime, sandbox_server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(remission, "WRITE_CHUNK", 2)
    _issue_many(runtime, company.company_id, 5)
    real_mark = remission.mark_submitted
    marks = {"n": 0}

    def mark_then_lose_the_lease(session: Any, company_id: str, run: Any, sub: str) -> None:
        real_mark(session, company_id, run, sub)
        marks["n"] += 1
        if marks["n"] == 2:  # another holder takes the lease over, as after a stall
            state = remission.RemissionRepository(session, company_id).state()
            assert state is not None
            state.locked_by, state.locked_until = "another", utcnow() - timedelta(seconds=1)

    monkeypatch.setattr(remission, "mark_submitted", mark_then_lose_the_lease)
    factory = client_for(sandbox_server)
    first = remission.remit(runtime.db, runtime.settings, company.company_id, client_for=factory)

    assert first is None  # it stopped, sending nothing
    assert _statuses(runtime, company.company_id) == {"submitted": 4, "pending": 1}
    monkeypatch.setattr(remission, "mark_submitted", real_mark)
    second = remission.remit(runtime.db, runtime.settings, company.company_id, client_for=factory)
    assert second is not None and second.records == 5 and second.status == "answered"
    assert _statuses(runtime, company.company_id) == {"accepted": 5}
    with runtime.db.read_session() as s:
        kept = s.scalars(
            select(VerifactuSubmission.status)
            .where(VerifactuSubmission.company_id == company.company_id)
            .order_by(VerifactuSubmission.created_at)
        ).all()
    assert kept == ["abandoned", "answered"]

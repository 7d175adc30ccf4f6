"""Remission that recovers, by itself and on request: a retry by hand lifts a failure's backoff
(never AEAT's TiempoEsperaEnvio), transport faults back off 30 s doubling to 10 minutes, a live
holder keeps its lease through a slow answer, and a dead holder's company moves again within
30 s with its submission `abandoned` and nothing lost or sent twice. Real HTTP to the sandbox in
another process; the kill test runs `talonario serve` and two `talonario worker` processes."""

import os
import signal
import subprocess
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from talonario.auth.keys import issue_key
from talonario.kit.clock import utcnow
from talonario.models import VerifactuRemission, VerifactuSubmission
from talonario.records import remission
from talonario.runtime import Runtime
from tests.conftest import Api
from tests.fixtures.factories import create_company, invoice_body
from tests.fixtures.servers import Server, stop, talonario_command
from tests.records import test_remission as base

pytestmark = pytest.mark.xdist_group("servers")

# The sandbox servers, their control clients and the helpers of test_remission.py.
sandbox_server = base.sandbox_server
sandbox = base.sandbox
quiet = base.quiet
company = base.company
Quiet = base.Quiet
WAIT = base.WAIT


def status(api: Api) -> dict[str, Any]:
    r = api.get("/v1/verifactu/status")
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


def at(value: str) -> datetime:
    return datetime.fromisoformat(value)


def until(condition: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


def _holder(runtime: Runtime, company_id: str) -> tuple[int, str] | None:
    """(pid of the worker holding the company's lease, its submission in flight), if any."""
    with runtime.db.read_session() as s:
        state = s.get(VerifactuRemission, company_id)
        sending = s.scalars(
            select(VerifactuSubmission.id).where(
                VerifactuSubmission.company_id == company_id,
                VerifactuSubmission.status == "sending",
            )
        ).first()
    if state is None or state.locked_by is None or sending is None:
        return None
    parts = state.locked_by.rsplit(":", 2)  # worker_name(): host:pid:thread
    return (int(parts[1]) if len(parts) == 3 and parts[1].isdigit() else 0), sending


def fail_permanently(api: Api, runtime: Runtime, sandbox: httpx.Client, server: Server) -> None:
    """One record, refused whole by AEAT (a SOAP Client fault, 4112): parked for the hour."""
    base.issue(api)
    sandbox.post("/control/faults", json={"kind": "client_fault"}).raise_for_status()
    now = utcnow()
    failed = remission.remit(
        runtime.db, runtime.settings, api.company_id, now=now, client_for=base.client_for(server)
    )
    assert failed is not None and failed.status == "permanent_error"
    parked = status(api)
    assert parked["reason"] == "permanent_error"
    assert at(parked["next_submission_at"]) - now == timedelta(hours=1)


def test_a_permanent_error_waits_the_hour_until_retried_by_hand(
    company: Api, runtime: Runtime, sandbox: httpx.Client, sandbox_server: Server
) -> None:
    assert status(company)["reason"] == "nothing_pending"
    fail_permanently(company, runtime, sandbox, sandbox_server)
    factory = base.client_for(sandbox_server)
    later = utcnow() + timedelta(minutes=30)
    assert (
        remission.remit(
            runtime.db, runtime.settings, company.company_id, now=later, client_for=factory
        )
        is None
    )

    with runtime.db.write_session() as s:
        _, read_only = issue_key(s, company.company_id, ["invoices:read"])
        s.commit()
    refused = company.client.post(
        "/v1/verifactu/retry", headers={"Authorization": f"Bearer {read_only}"}
    )
    assert refused.status_code == 403, refused.text

    r = company.post("/v1/verifactu/retry")
    assert r.status_code == 200, r.text
    assert r.json()["reason"] == "retry_requested" and r.json()["next_submission_at"] is None
    assert status(company)["reason"] == "retry_requested"
    sent = remission.remit(runtime.db, runtime.settings, company.company_id, client_for=factory)
    assert sent is not None and sent.status == "answered"
    after = status(company)
    assert after["pending"] == 0 and after["reason"] == "nothing_pending"


def test_a_retry_never_cuts_aeat_s_wait_short(
    company: Api, runtime: Runtime, sandbox: httpx.Client, sandbox_server: Server
) -> None:
    factory = base.client_for(sandbox_server)
    base.issue(company)
    t0 = utcnow()
    first = remission.remit(
        runtime.db, runtime.settings, company.company_id, now=t0, client_for=factory
    )
    assert first is not None and first.status == "answered" and first.wait_seconds == WAIT
    base.issue(company)
    waiting = status(company)
    assert waiting["reason"] == "aeat_wait" and waiting["pending"] == 1

    r = company.post("/v1/verifactu/retry")
    assert r.status_code == 200, r.text
    assert r.json()["reason"] == "aeat_wait"
    assert r.json()["next_submission_at"] == waiting["next_submission_at"]
    early = t0 + timedelta(seconds=WAIT - 1)
    assert (
        remission.remit(
            runtime.db, runtime.settings, company.company_id, now=early, client_for=factory
        )
        is None
    )
    on_time = remission.remit(
        runtime.db,
        runtime.settings,
        company.company_id,
        now=t0 + timedelta(seconds=WAIT),
        client_for=factory,
    )
    assert on_time is not None and on_time.status == "answered"


def test_transport_faults_back_off_30_s_doubling_to_at_most_10_minutes(
    company: Api, runtime: Runtime, sandbox: httpx.Client, sandbox_server: Server
) -> None:
    factory = base.client_for(sandbox_server)
    base.issue(company)
    sandbox.post("/control/faults", json={"kind": "http_500", "count": 7}).raise_for_status()
    now = utcnow()
    reasons = []
    for failures in range(1, 8):
        sub = remission.remit(
            runtime.db, runtime.settings, company.company_id, now=now, client_for=factory
        )
        assert sub is not None and sub.status == "transient_error"
        shown = status(company)
        next_at = at(shown["next_submission_at"])
        ceiling = min(timedelta(seconds=30) * 2 ** (failures - 1), timedelta(minutes=10))
        assert ceiling / 2 <= next_at - now <= ceiling, (failures, next_at - now)
        assert shown["incident"]["open"] is True
        reasons.append(shown.get("reason"))
        assert (
            remission.remit(
                runtime.db,
                runtime.settings,
                company.company_id,
                now=next_at - timedelta(seconds=1),
                client_for=factory,
            )
            is None
        )
        now = next_at
    assert reasons == ["transport_backoff"] * 7
    sent = remission.remit(
        runtime.db, runtime.settings, company.company_id, now=now, client_for=factory
    )
    assert sent is not None and sent.status == "answered" and sent.incident is True


def test_a_slow_answer_does_not_lose_a_live_holder_s_lease(
    company: Api, runtime: Runtime, sandbox: httpx.Client, sandbox_server: Server
) -> None:
    invoice = base.issue(company)
    factory = base.client_for(sandbox_server)
    settings = runtime.settings.model_copy(update={"remission_lease_seconds": 1})
    sandbox.post("/control/faults", json={"kind": "delay", "seconds": 4}).raise_for_status()
    done: dict[str, VerifactuSubmission | None] = {}

    def holder() -> None:
        done["a"] = remission.remit(
            runtime.db, settings, company.company_id, client_for=factory, worker="holder-a"
        )

    thread = threading.Thread(target=holder)
    thread.start()
    try:
        until(lambda: _holder(runtime, company.company_id) is not None, 10, "the send")
        time.sleep(2.5)  # the lease's term is over twice; AEAT has not answered yet
        other = remission.remit(
            runtime.db, settings, company.company_id, client_for=factory, worker="holder-b"
        )
        assert other is None
        assert status(company)["reason"] == "sending"
    finally:
        thread.join(30)
    assert done["a"] is not None and done["a"].status == "answered"
    vf = company.get(f"/v1/invoices/{invoice['id']}").json()["verifactu"]
    assert vf["status"] == "accepted"
    nif = base.company_nif(runtime, company.company_id)
    assert len(base.held(sandbox, nif)) == 1


def test_a_submission_whose_holder_died_is_abandoned_and_its_records_go_again(
    company: Api, runtime: Runtime, sandbox: httpx.Client, sandbox_server: Server
) -> None:
    issued = [base.issue(company) for _ in range(2)]
    factory = base.client_for(sandbox_server)
    t0 = utcnow()
    # A holder claims the batch and dies before sending it: no heartbeat renews its lease.
    dead = remission.claim(runtime.db, runtime.settings, company.company_id, "dead-worker", t0)
    assert dead is not None
    lease = timedelta(seconds=runtime.settings.remission_lease_seconds)
    assert (
        remission.remit(
            runtime.db, runtime.settings, company.company_id, now=t0 + lease / 2, client_for=factory
        )
        is None
    )
    sent = remission.remit(
        runtime.db,
        runtime.settings,
        company.company_id,
        now=t0 + lease + timedelta(seconds=1),
        client_for=factory,
    )
    assert sent is not None and sent.status == "answered" and sent.records == 2
    with runtime.db.read_session() as s:
        abandoned = s.get(VerifactuSubmission, dead.submission_id)
    assert abandoned is not None and abandoned.status == "abandoned"
    assert abandoned.error and "dead-worker" in abandoned.error
    for invoice in issued:
        vf = company.get(f"/v1/invoices/{invoice['id']}").json()["verifactu"]
        assert vf["status"] == "accepted"
    nif = base.company_nif(runtime, company.company_id)
    assert sorted(r["number"] for r in base.held(sandbox, nif)) == sorted(
        i["number"] for i in issued
    )


def cli(runtime: Runtime, *args: str) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"TALONARIO_DATABASE_URL": runtime.settings.database_url}
    return subprocess.run(
        [talonario_command(), *args], env=env, capture_output=True, text=True, timeout=60
    )


def test_cli_remission_retry_lifts_the_backoff(
    company: Api, runtime: Runtime, sandbox: httpx.Client, sandbox_server: Server
) -> None:
    fail_permanently(company, runtime, sandbox, sandbox_server)
    done = cli(runtime, "remission", "retry", "--company", company.company_id)
    assert done.returncode == 0, done.stderr
    assert "next attempt now (reason retry_requested)" in done.stdout
    assert status(company)["reason"] == "retry_requested"
    unknown = cli(runtime, "remission", "retry", "--company", "no-such-company")
    assert unknown.returncode == 1 and "No company 'no-such-company'" in unknown.stderr


# --- a worker SIGKILLed while it holds a lease, with another worker and the API running -------


def test_killed_lease_holder_under_load_resumes_within_30_s_and_is_abandoned(
    quiet: Quiet, tmp_path: Path
) -> None:
    company_id, key = create_company(quiet.runtime.db, nif=base.unique_nif())
    base._issue_many(quiet.runtime, company_id, 10)
    # The first submission is held back long after its records are stored: a worker mid-send.
    quiet.sandbox.post("/control/faults", json={"kind": "delay", "seconds": 8}).raise_for_status()
    log = tmp_path / "workers.log"
    workers = [base._worker(quiet.url, quiet.server, log, lease=3) for _ in range(2)]
    api = httpx.Client(
        base_url=quiet.server.url, headers={"Authorization": f"Bearer {key}"}, timeout=30
    )
    issued: list[str] = []
    refused: list[str] = []
    loading = threading.Event()

    def load() -> None:  # clients keep issuing through the API while the holder dies
        while not loading.is_set():
            r = api.post("/v1/invoices", json=invoice_body(issue=True))
            if r.status_code != 201:
                refused.append(r.text)
                return
            issued.append(r.json()["number"])
            loading.wait(0.2)

    loader = threading.Thread(target=load)
    found: list[tuple[int, str]] = []

    def mid_send() -> bool:
        holder = _holder(quiet.runtime, company_id)
        if holder is not None:
            found.append(holder)
        return holder is not None

    try:
        base._wait_for(mid_send, 30, "a worker mid-send", log)
        pid, dead_submission = found[0]
        [victim] = [w for w in workers if w.pid == pid]
        loader.start()
        time.sleep(1)
        victim.send_signal(signal.SIGKILL)
        victim.wait(10)

        # The law's bound: the company moves again within 30 s of its holder's death.
        def resumed() -> bool:
            last = api.get("/v1/verifactu/status").json()["last_submission"]
            return last is not None and last["status"] == "answered"

        base._wait_for(resumed, 30, "remission resumed by the other worker", log)
        loading.set()
        loader.join(30)
        total = 10 + len(issued)
        base._wait_for(
            lambda: base._statuses(quiet.runtime, company_id) == {"accepted": total},
            60,
            "every record accepted",
            log,
        )
    finally:
        loading.set()
        if loader.is_alive():
            loader.join(30)
        api.close()
        for w in workers:
            stop(w)
    with quiet.runtime.db.read_session() as s:
        dead = s.get(VerifactuSubmission, dead_submission)
    assert dead is not None and dead.status == "abandoned"
    assert refused == [] and issued, "invoices are issued while the holder dies"
    nif = base.company_nif(quiet.runtime, company_id)
    held = [r["number"] for r in base.held(quiet.sandbox, nif)]
    assert len(held) == len(set(held)) == total  # each record stored once: none lost, none twice

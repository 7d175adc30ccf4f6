"""`make bench` part "no_verifactu" (issue 15): a company in NO VERI*FACTU at full size, through
real server processes, on each database of BENCH_DATABASES.

- issuing: BENCH_NO_VERIFACTU_INVOICES invoices (default 1,000) issued through
  `POST /v1/invoices` by a company with an uploaded certificate switched to NO VERI*FACTU
  (`PATCH /v1/company`), from BENCH_NO_VERIFACTU_CLIENTS keep-alive clients (default 16)
  against BENCH_NO_VERIFACTU_WORKERS server processes (default 2); before it, the same count
  by a company in VERI*FACTU on the same server, so the difference in server CPU per invoice
  is what signing costs the API. Rate, p50/p99 of the issuing requests, server (and
  PostgreSQL) CPU per invoice.
- a third party: every stored record, as `GET /v1/verifactu/records/{id}.xml` gives it, run
  through `xmlsec1 --verify` with the test CA as trust anchor; verified/failed counted, and
  how long xmlsec1 took.
- anomaly detection: `POST /v1/verifactu/audit` on the intact chain (valid), then one byte of
  one stored record (a letter of its DescripcionOperacion: covered by the signature, not by
  the huella) altered in verifactu_record_documents directly, and the audit again: it must
  log an anomaly event (04) naming that record's invoice, and its events part must be valid.
- signing in-process, for the breakdown: opening the PKCS#12 (what each issuing transaction
  does once) and `sign_enveloped` / `verify_enveloped` of one record document.
"""

import asyncio
import math
import os
import re
import shutil
import socket
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from cryptography.hazmat.primitives.serialization import pkcs12
from sqlalchemy import text
from tests.companies.test_certificate import TestCa, representative
from tests.fixtures.factories import create_company
from tests.fixtures.servers import Server, running_server

from bench.__main__ import RESULTS, Config, other, wait_for_quiet
from bench.common import LABELS, fresh_database, issue_request, usable_databases
from bench.loadgen import read_response
from bench.server import CpuSample
from talonario import __version__
from talonario.config import Settings
from talonario.db import create_database
from talonario.verifactu import signing

SIGNED_PROPERTIES = "http://uri.etsi.org/01903/v1.3.2#:SignedProperties"
REQUEST_TIMEOUT = 30.0
WARMUP_INVOICES = 64  # on a company of their own, so the measured one holds exactly its count
_DESCRIPTION = re.compile(r"<sf:DescripcionOperacion>([^<]*)<")


@dataclass
class Issuing:
    """One count-bounded run of issuing requests."""

    count: int
    seconds: float
    latencies: list[float]
    errors: dict[str, int]
    cpu: dict[str, float]  # % of one core over the run (CpuSample.percent_since)

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def percentile_ms(self, p: float) -> float:
        ordered = sorted(self.latencies)
        if not ordered:
            return float("nan")
        rank = max(1, min(len(ordered), math.ceil(p / 100 * len(ordered))))
        return ordered[rank - 1] * 1000

    def cpu_ms_per_invoice(self, key: str) -> float:
        """CPU ms of `key` ("server", "postgres") per issued invoice."""
        done = len(self.latencies)
        return self.cpu[key] / 100 * self.seconds * 1000 / done if done else float("nan")


@dataclass
class Row:
    database: str
    invoices: int
    baseline: Issuing  # the same count by a company in VERI*FACTU, on the same server
    issuing: Issuing
    records: int
    kept_signed: int
    fetch_seconds: float
    verified: int
    failed: int
    xmlsec_seconds: float
    xmlsec_cpu_seconds: float
    audit_intact_seconds: float
    audit_intact_valid: bool
    tampered: str  # "number (huella …)"
    audit_seconds: float
    anomaly: str  # what the anomaly event says
    anomaly_names_record: bool
    events_valid: bool
    events_checked: int
    events_xmlsec: bool  # the anomaly event verifies with xmlsec1 too
    tampered_xmlsec_fails: bool
    notes: list[str] = field(default_factory=list)


# --- issuing ------------------------------------------------------------------------------------


async def _issue(host: str, port: int, request: bytes, count: int, clients: int) -> Issuing:
    """`count` issuing requests over `clients` keep-alive connections, each sending the next
    one as soon as it has its answer; stops when `count` have been sent."""
    remaining = count
    latencies: list[float] = []
    errors: dict[str, int] = {}

    async def connection() -> None:
        nonlocal remaining
        reader, writer = await asyncio.open_connection(host, port)
        sock = writer.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            while remaining > 0:
                remaining -= 1
                t0 = time.perf_counter()
                writer.write(request)
                async with asyncio.timeout(REQUEST_TIMEOUT):
                    status, body, closes = await read_response(reader)
                t1 = time.perf_counter()
                if status == 201 and b'"status":"issued"' in body:
                    latencies.append(t1 - t0)
                else:
                    why = f"HTTP {status}: {body[:120].decode(errors='replace')}"
                    errors[why] = errors.get(why, 0) + 1
                if closes:
                    writer.close()
                    reader, writer = await asyncio.open_connection(host, port)
        finally:
            writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(connection() for _ in range(clients)))
    seconds = time.perf_counter() - started
    return Issuing(count, seconds, latencies, errors, {})


def issue(server: Server, key: str, count: int, clients: int, quiet_wait: float = 0.0) -> Issuing:
    if quiet_wait > 0:
        wait_for_quiet(quiet_wait)
    request = issue_request(server, key)
    before = CpuSample.take(server.process.pid)
    result = asyncio.run(_issue(server.host, server.port, request, count, clients))
    result.cpu = CpuSample.take(server.process.pid).percent_since(before)
    return result


def go_no_verifactu(http: httpx.Client, ca: TestCa) -> tuple[bytes, str]:
    """Upload a certificate for the company of `http`'s key and switch it to NO VERI*FACTU;
    answers the PKCS#12 and its password."""
    nif = http.get("/v1/company").raise_for_status().json()["nif"]
    issued = ca.issue(representative(nif))
    body = {"pkcs12": issued.b64, "password": issued.password}
    r = http.post("/v1/company/certificate", json=body)
    assert r.status_code == 200, r.text
    r = http.patch("/v1/company", json={"verifactu": {"mode": "no_verifactu"}})
    assert r.status_code == 200, r.text
    assert r.json()["verifactu"]["mode"] == "no_verifactu", r.text
    return issued.p12, issued.password


def client(server: Server, key: str) -> httpx.Client:
    return httpx.Client(
        base_url=server.url, headers={"Authorization": f"Bearer {key}"}, timeout=600
    )


# --- what is stored -----------------------------------------------------------------------------


def records_of(http: httpx.Client) -> list[dict[str, Any]]:
    """Every record of the company, in chain order, from the JSON pages."""
    found: list[dict[str, Any]] = []
    params: dict[str, Any] = {"limit": 100}
    while True:
        page = http.get("/v1/verifactu/records", params=params).raise_for_status().json()
        found += page["data"]
        if not page["has_more"]:
            return found
        params["starting_after"] = page["data"][-1]["id"]


def events_of(http: httpx.Client) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    params: dict[str, Any] = {"limit": 100}
    while True:
        page = http.get("/v1/verifactu/events", params=params).raise_for_status().json()
        found += page["data"]
        if not page["has_more"]:
            return found
        params["starting_after"] = page["data"][-1]["id"]


def xmlsec1(path: Path, anchor: Path) -> subprocess.CompletedProcess[bytes]:
    """xmlsec1 as a third party runs it: the CA as trust anchor, the SignedProperties Id."""
    command = ["xmlsec1", "--verify", "--trusted-pem", str(anchor)]
    command += ["--id-attr:Id", SIGNED_PROPERTIES, str(path)]
    return subprocess.run(command, capture_output=True, check=False)


def children_cpu() -> float:
    t = os.times()
    return t.children_user + t.children_system


def tamper(url: str, record_id: str) -> str:
    """Alter one byte of the record's stored XML (the first letter of its
    DescripcionOperacion) directly in the database; answers what changed."""
    db = create_database(Settings(database_url=url))
    try:
        with db.write_session() as session:
            xml = session.execute(
                text("SELECT xml FROM verifactu_record_documents WHERE record_id = :id"),
                {"id": record_id},
            ).scalar_one()
            found = _DESCRIPTION.search(xml)
            assert found is not None and found.group(1), "no DescripcionOperacion to alter"
            at = found.start(1)
            old = xml[at]
            new = "X" if old != "X" else "Y"
            changed = xml[:at] + new + xml[at + 1 :]
            assert len(changed.encode()) == len(xml.encode())  # one ASCII letter for another
            session.execute(
                text("UPDATE verifactu_record_documents SET xml = :xml WHERE record_id = :id"),
                {"xml": changed, "id": record_id},
            )
            session.commit()
            return f"DescripcionOperacion '{found.group(1)[:12]}…': {old!r} → {new!r}"
    finally:
        db.dispose()


# --- one database -------------------------------------------------------------------------------


def bench_database(
    kind: str, config: Config, tmp: Path, ca: TestCa, invoices: int, clients: int, workers: int
) -> Row:
    notes: list[str] = []
    with fresh_database(kind, config.pg_url, tmp) as url:
        db = create_database(Settings(database_url=url))
        try:
            keys = [create_company(db)[1] for _ in range(3)]
        finally:
            db.dispose()
        warm_key, baseline_key, key = keys
        log = RESULTS / f"server-no_verifactu-{kind}.log"
        with running_server(url, log, workers) as server:
            with client(server, warm_key) as warm:
                go_no_verifactu(warm, ca)
            with client(server, key) as http:
                go_no_verifactu(http, ca)
            # Every server process has signed, imported what signing imports, warmed caches.
            warmup = issue(server, warm_key, WARMUP_INVOICES, clients)
            assert not warmup.errors, warmup.errors
            print(f"  {LABELS[kind]}: VERI*FACTU company, {invoices} invoices…", flush=True)
            baseline = issue(server, baseline_key, invoices, clients, config.quiet_wait)
            print(f"    {line(baseline)}", flush=True)
            print(f"  {LABELS[kind]}: NO VERI*FACTU company, {invoices} invoices…", flush=True)
            issuing = issue(server, key, invoices, clients, config.quiet_wait)
            print(f"    {line(issuing)}", flush=True)
            if issuing.errors or baseline.errors:
                notes.append(f"issuing errors: {issuing.errors or baseline.errors}")
                notes.append(server.log_tail(2000))

            with client(server, key) as http:
                # What is stored, as the API exposes it: each record's own document.
                began = time.perf_counter()
                records = records_of(http)
                documents = {
                    r["id"]: http.get(r["xml_url"]).raise_for_status().content for r in records
                }
                fetch_seconds = time.perf_counter() - began
                kept_signed = sum(
                    1
                    for r in records
                    if r["status"] == "kept" and b"<ds:Signature" in documents[r["id"]]
                )
                print(
                    f"    {len(records)} records, {kept_signed} kept and signed, fetched in "
                    f"{fetch_seconds:.1f} s",
                    flush=True,
                )

                # The third party: xmlsec1 on every record.
                folder = Path(tempfile.mkdtemp(dir=tmp))
                anchor = folder / "ca.pem"
                anchor.write_text(ca.pem)
                paths = []
                for n, r in enumerate(records):
                    path = folder / f"record-{n:05d}.xml"
                    path.write_bytes(documents[r["id"]])
                    paths.append(path)
                verified = failed = 0
                first_failure = ""
                cpu_before, began = children_cpu(), time.perf_counter()
                for path in paths:
                    run = xmlsec1(path, anchor)
                    if run.returncode == 0:
                        verified += 1
                    else:
                        failed += 1
                        first_failure = first_failure or (
                            f"{path.name}: {run.stderr.decode(errors='replace')[-300:]}"
                        )
                xmlsec_seconds = time.perf_counter() - began
                xmlsec_cpu = children_cpu() - cpu_before
                if first_failure:
                    notes.append(f"first xmlsec1 failure: {first_failure}")
                print(
                    f"    xmlsec1: {verified} verified, {failed} failed, {xmlsec_seconds:.1f} s",
                    flush=True,
                )

                # Anomaly detection: intact, then one byte of one record altered.
                began = time.perf_counter()
                intact = http.post("/v1/verifactu/audit")
                audit_intact_seconds = time.perf_counter() - began
                assert intact.status_code == 200, intact.text
                target = records[len(records) // 2]
                what = tamper(url, target["id"])
                began = time.perf_counter()
                answer = http.post("/v1/verifactu/audit")
                audit_seconds = time.perf_counter() - began
                assert answer.status_code == 200, answer.text
                body = answer.json()
                altered = http.get(target["xml_url"]).raise_for_status().content
                (folder / "tampered.xml").write_bytes(altered)
                tampered_fails = xmlsec1(folder / "tampered.xml", anchor).returncode != 0

                events = events_of(http)
                anomaly_id = body["records"]["anomaly_event"]
                anomaly = next((e for e in events if e["id"] == anomaly_id), None)
                names = False
                anomaly_text = "no anomaly event"
                events_xmlsec = False
                if anomaly is not None:
                    xml = http.get(f"/v1/verifactu/events/{anomaly_id}.xml").content
                    number = target["invoice_number"]
                    names = (
                        anomaly["event_type"] == "04"
                        and body["records"]["first_break"]["record"] == target["id"]
                        and f"<sf:NumSerieFactura>{number}<".encode() in xml
                        and number in (anomaly["summary"] or "")
                    )
                    anomaly_text = f"event {anomaly['event_type']}: {anomaly['summary']}"
                    (folder / "anomaly.xml").write_bytes(xml)
                    events_xmlsec = xmlsec1(folder / "anomaly.xml", anchor).returncode == 0
                print(
                    f"    audit intact {audit_intact_seconds:.2f} s valid="
                    f"{intact.json()['valid']}; altered {target['invoice_number']}: "
                    f"{anomaly_text}; events valid={body['events']['valid']}",
                    flush=True,
                )
                shutil.rmtree(folder, ignore_errors=True)
    return Row(
        database=LABELS[kind],
        invoices=invoices,
        baseline=baseline,
        issuing=issuing,
        records=len(records),
        kept_signed=kept_signed,
        fetch_seconds=fetch_seconds,
        verified=verified,
        failed=failed,
        xmlsec_seconds=xmlsec_seconds,
        xmlsec_cpu_seconds=xmlsec_cpu,
        audit_intact_seconds=audit_intact_seconds,
        audit_intact_valid=bool(intact.json()["valid"]),
        tampered=f"{target['invoice_number']} (#{target['sequence']}, huella "
        f"{target['huella'][:12]}…; {what})",
        audit_seconds=audit_seconds,
        anomaly=anomaly_text,
        anomaly_names_record=names,
        events_valid=bool(body["events"]["valid"]),
        events_checked=int(body["events"]["checked"]),
        events_xmlsec=events_xmlsec,
        tampered_xmlsec_fails=tampered_fails,
        notes=notes,
    )


def line(run: Issuing) -> str:
    errors = sum(run.errors.values())
    return (
        f"{len(run.latencies)} issued in {run.seconds:.1f} s: {run.rate:.0f}/s, p50 "
        f"{run.percentile_ms(50):.1f} ms, p99 {run.percentile_ms(99):.1f} ms, server "
        f"{run.cpu_ms_per_invoice('server'):.2f} ms CPU/invoice, errors {errors}, other "
        f"programs {other(run.cpu):.0f}% of a core"
    )


# --- signing in-process -------------------------------------------------------------------------


def median_us(run: Callable[[], object], repeats: int) -> float:
    run()
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        run()
        times.append(time.perf_counter() - began)
    return statistics.median(times) * 1e6


def signing_costs(ca: TestCa) -> tuple[list[tuple[str, float]], int]:
    """µs of each step of signing one record, in this process (one core), and the bytes the
    signature adds to a record."""
    from tests.verifactu import samples

    from talonario.verifactu.xml import record_document

    issued = ca.issue(representative(samples.TAXPAYER.nif or "89890001K"))
    key, certificate, extra = pkcs12.load_key_and_certificates(issued.p12, issued.password.encode())
    assert key is not None and certificate is not None
    chain = [certificate, *extra]
    document = record_document(samples.spec_example())
    signed = signing.sign_enveloped(document, key, chain)  # type: ignore[arg-type]
    steps = [
        (
            "open the PKCS#12 (once per issuing transaction)",
            median_us(
                lambda: pkcs12.load_key_and_certificates(issued.p12, issued.password.encode()),
                50,
            ),
        ),
        (
            "sign_enveloped (XAdES-EPES, ECDSA P-256)",
            median_us(lambda: signing.sign_enveloped(document, key, chain), 200),  # type: ignore[arg-type]
        ),
        (
            "verify_enveloped (what the audit does per record)",
            median_us(lambda: signing.verify_enveloped(signed), 200),
        ),
    ]
    return steps, len(signed) - len(document)


# --- the section --------------------------------------------------------------------------------


def section() -> str:
    config = Config.from_env()
    invoices = int(os.environ.get("BENCH_NO_VERIFACTU_INVOICES", "1000"))
    clients = int(os.environ.get("BENCH_NO_VERIFACTU_CLIENTS", "16"))
    workers = int(os.environ.get("BENCH_NO_VERIFACTU_WORKERS", "2"))
    ca = TestCa()
    rows: list[Row] = []
    notes: list[str] = []
    if shutil.which("xmlsec1") is None:
        notes.append("xmlsec1 is missing (apt-get install xmlsec1): part skipped")
    else:
        with tempfile.TemporaryDirectory(prefix="talonario-no-verifactu-") as tmp:
            for kind in usable_databases(config.databases, config.pg_url, notes):
                print(f"NO VERI*FACTU, {LABELS[kind]}:", flush=True)
                try:
                    rows.append(
                        bench_database(kind, config, Path(tmp), ca, invoices, clients, workers)
                    )
                except Exception as exc:  # one broken database must not hide the other
                    log = f"bench/results/server-no_verifactu-{kind}.log"
                    notes.append(f"{LABELS[kind]} failed: {exc!r} (server log: {log})")
                    print(notes[-1], flush=True)
    print("NO VERI*FACTU, signing in-process:", flush=True)
    costs, added = signing_costs(ca)
    for name, value in costs:
        print(f"  {name}: {value:,.0f} µs", flush=True)
    notes.append(f"the signature adds {added:,} bytes to a record's stored XML")
    return report(rows, notes, costs, invoices, clients, workers)


def yes(ok: bool) -> str:
    return "yes" if ok else "**NO**"


def report(
    rows: list[Row],
    notes: list[str],
    costs: list[tuple[str, float]],
    invoices: int,
    clients: int,
    workers: int,
) -> str:
    out = [
        "## NO VERI*FACTU",
        "",
        f"talonario {__version__}: {invoices:,} invoices issued through `POST /v1/invoices` by a"
        " company with an uploaded certificate switched to NO VERI*FACTU, from"
        f" {clients} keep-alive clients, {workers} server processes, a fresh database; before"
        " it the same count by a company in VERI*FACTU on the same server (after"
        f" {WARMUP_INVOICES} warm-up invoices of a third company). Then every stored record"
        " (`GET /v1/verifactu/records/{id}.xml`) through `xmlsec1 --verify` with the CA as"
        " trust anchor, and `POST /v1/verifactu/audit` before and after one byte of one"
        " record is altered in `verifactu_record_documents`.",
        "",
        "| database | mode | invoices/s | p50 ms | p99 ms | errors | server CPU/invoice"
        " | PostgreSQL CPU/invoice | CPU other |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        for mode, run in (("VERI*FACTU", r.baseline), ("NO VERI*FACTU", r.issuing)):
            pg = (
                f"{run.cpu_ms_per_invoice('postgres'):.2f} ms"
                if r.database == LABELS["postgresql"]
                else "—"
            )
            out.append(
                f"| {r.database} | {mode} | {run.rate:.0f} | {run.percentile_ms(50):.1f}"
                f" | {run.percentile_ms(99):.1f} | {sum(run.errors.values())}"
                f" | {run.cpu_ms_per_invoice('server'):.2f} ms | {pg} | {other(run.cpu):.0f}% |"
            )
    out += [
        "",
        "| database | signing: server CPU/invoice over VERI*FACTU | records kept and signed"
        " | xmlsec1 verified / failed | xmlsec1 time (per record) | audit, intact"
        " | audit, one byte altered | anomaly event names the record | events part valid |",
        "|---|---:|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        extra = r.issuing.cpu_ms_per_invoice("server") - r.baseline.cpu_ms_per_invoice("server")
        out.append(
            f"| {r.database} | {extra:+.2f} ms | {r.kept_signed:,} of {r.records:,}"
            f" | {r.verified:,} / {r.failed:,} | {r.xmlsec_seconds:.1f} s"
            f" ({1000 * r.xmlsec_seconds / max(1, r.records):.1f} ms, CPU"
            f" {1000 * r.xmlsec_cpu_seconds / max(1, r.records):.1f} ms)"
            f" | {r.audit_intact_seconds:.2f} s, valid {yes(r.audit_intact_valid)}"
            f" | {r.audit_seconds:.2f} s | {yes(r.anomaly_names_record)}"
            f" | {yes(r.events_valid)} ({r.events_checked} events) |"
        )
    out += [
        "",
        f"CPU other: % of one core (of {100 * (os.cpu_count() or 1)}%) that other programs took"
        " during the issuing run; well above ~10% means they competed and the figures are"
        " understated (BENCH_QUIET_WAIT waits for a quiet machine before each run).",
        "",
        "Altered records and the anomaly events:",
        "",
    ]
    for r in rows:
        out.append(
            f"- {r.database}: {r.tampered}; the audit logged {r.anomaly}; xmlsec1 refuses the"
            f" altered record: {yes(r.tampered_xmlsec_fails)}; the anomaly event itself"
            f" verifies with xmlsec1: {yes(r.events_xmlsec)}; {r.records:,} records fetched"
            f" one by one in {r.fetch_seconds:.1f} s."
        )
    out += [
        "",
        "Signing one record in this process (median, µs; one core):",
        "",
        "| step | µs |",
        "|---|---:|",
        *(f"| {name} | {value:,.0f} |" for name, value in costs),
        "",
        *(f"- {n}" for n in notes),
        "",
    ]
    return "\n".join(out)

"""Installation chains under the write paths issuing really takes: group commit's batches (a
unit per installation in one transaction, and a failing unit re-run alone), and remission to
the AEAT sandbox, which chains per taxpayer and NumeroInstalacion and so accepts records of
several installations interleaved in one submission."""

import re
from datetime import timedelta
from typing import Any

from sqlalchemy.exc import IntegrityError

from talonario.aeat_sandbox.app import Sandbox
from talonario.aeat_sandbox.faults import FaultKind, FaultSpec
from talonario.aeat_sandbox.local import LocalSandbox
from talonario.companies import service as companies
from talonario.db.group_commit import GroupCommit
from talonario.invoices import lifecycle, lookup, service
from talonario.kit.clock import utcnow
from talonario.records import remission
from talonario.records import service as records
from talonario.records.batch import prepare_batch
from talonario.records.repository import RecordRepository
from talonario.runtime import Runtime
from talonario.verifactu.audit import audit
from talonario.verifactu.client import SANDBOX_PATH, AeatClient
from tests.conftest import Api
from tests.db.test_group_commit import prepared, run_one_batch
from tests.fixtures.events import recorded
from tests.fixtures.factories import create_company, invoice_body, unique_nif
from tests.installations.helpers import add_installation, encadenamiento, issue_in


def in_installation(runtime: Runtime, company: Any, invoice: Any, where: str | None) -> Any:
    return lambda s: service.save_new(s, runtime.settings, company, invoice, True, where)


def chains(runtime: Runtime, company_id: str) -> dict[str | None, list[tuple[str, str | None]]]:
    """Per installation, each record's (NumeroInstalacion, PrimerRegistro S or previous huella),
    in order; and the whole company's audit must pass."""
    found: dict[str | None, list[tuple[str, str | None]]] = {}
    with runtime.db.read_session() as session:
        stored = list(RecordRepository(session, company_id).stream())
    assert audit(iter(stored)).valid
    for record in stored:
        found.setdefault(record.installation, []).append(encadenamiento(record.xml))
    return found


def test_a_batch_chains_each_installation_s_units_in_its_own_chain(
    api: Api, runtime: Runtime
) -> None:
    shop = add_installation(runtime.db, api.company_id, "TIENDA-1")
    till = add_installation(runtime.db, api.company_id, "CAJA-1")
    order = [shop, None, till, shop, till, None, shop]
    units = [in_installation(runtime, *prepared(runtime, api.company_id), w) for w in order]
    writes = GroupCommit(runtime.db, prepare=prepare_batch)
    try:
        with recorded(runtime.db.write_engine, "before_cursor_execute") as statements:
            issued = run_one_batch(writes, units, [api.company_id] * len(units))
    finally:
        writes.stop()
    assert all(not isinstance(i, Exception) for i in issued), issued
    # Each installation's link is locked once and moved once, for the whole batch.
    sql = [args[2] for args in statements]
    moves = [s.split()[0] for s in sql if re.search(r"\b(FROM|UPDATE) installations\b", s)]
    assert moves == ["SELECT", "SELECT", "UPDATE"], moves
    found = chains(runtime, api.company_id)
    assert [len(found[k]) for k in (None, shop, till)] == [2, 3, 2]
    assert [n for n, _ in found[shop]] == ["TIENDA-1"] * 3
    for where in (None, shop, till):
        links = [link for _, link in found[where]]
        assert links[0] == "S" and "S" not in links[1:]
    report = api.get("/v1/verifactu/chain/verify").json()
    assert report["valid"] and report["records"] == 7


def test_a_failing_unit_of_a_batch_fails_alone_and_its_installation_chains_on(
    api: Api, runtime: Runtime
) -> None:
    shop = add_installation(runtime.db, api.company_id, "TIENDA-1")
    first = api.post(
        "/v1/invoices",
        invoice_body(issue=True, installation="TIENDA-1", external_id="pedido-7"),
    )
    assert first.status_code == 201, first.text
    units = [
        in_installation(runtime, *prepared(runtime, api.company_id), w)
        for w in (shop, None, shop, shop)
    ]
    company, clash = prepared(runtime, api.company_id)
    clash.external_id = "pedido-7"  # taken since its read phase: refused at the commit
    units.insert(2, in_installation(runtime, company, clash, shop))
    writes = GroupCommit(runtime.db, prepare=prepare_batch)
    try:
        outcomes = run_one_batch(writes, units, [api.company_id] * len(units))
    finally:
        writes.stop()
    assert isinstance(outcomes.pop(2), IntegrityError)
    assert all(not isinstance(o, Exception) for o in outcomes), outcomes
    found = chains(runtime, api.company_id)
    assert [len(found[k]) for k in (None, shop)] == [1, 4]
    report = api.get("/v1/verifactu/chain/verify").json()
    assert report["valid"] and report["records"] == 5


URL = "http://127.0.0.1:8000" + SANDBOX_PATH


def test_records_of_interleaved_installations_are_accepted_by_the_sandbox(
    runtime: Runtime,
) -> None:
    company_id, _ = create_company(runtime.db, nif=unique_nif())
    shop = add_installation(runtime.db, company_id, "TIENDA-1")
    till = add_installation(runtime.db, company_id, "CAJA-1")
    issued = [issue_in(runtime.db, runtime.settings, company_id, w) for w in
              (None, shop, till, shop, None, till, shop)]  # fmt: skip
    with runtime.db.write_session() as session:
        company = companies.get(session, company_id)
        lifecycle.void(session, runtime.settings, company, issued[3].id, "Duplicada")
        session.commit()
    transport = LocalSandbox(runtime.settings, runtime.db)

    def client_for(company: Any, settings: Any) -> AeatClient:
        return AeatClient(URL, transport=transport)

    now = utcnow()
    sent = remission.remit(runtime.db, runtime.settings, company_id, now=now, client_for=client_for)
    assert sent is not None and sent.status == "answered", sent and sent.error
    assert (sent.records, sent.aeat_status) == (8, "Correcto")
    # Each chain goes on in a later submission from where the last one left it.
    issue_in(runtime.db, runtime.settings, company_id, till)
    issue_in(runtime.db, runtime.settings, company_id, None)
    later = now + timedelta(seconds=runtime.settings.sandbox_wait_seconds + 1)
    again = remission.remit(
        runtime.db, runtime.settings, company_id, now=later, client_for=client_for
    )
    assert again is not None and (again.records, again.aeat_status) == (2, "Correcto")

    with runtime.db.read_session() as session:
        rows = RecordRepository(session, company_id).chain(100, None)[0]
        nif = companies.get(session, company_id).nif
    assert [(r.status, r.aeat_code) for r in rows] == [("accepted", None)] * 10
    held = Sandbox(runtime.settings, runtime.db).records(nif, None)
    states = sorted(h["state"] for h in held)
    assert states == ["Anulado"] + ["Correcto"] * 8
    found = chains(runtime, company_id)
    assert [len(found[k]) for k in (None, shop, till)] == [3, 4, 3]


def test_a_rejected_record_of_an_installation_is_corrected_in_its_chain(
    runtime: Runtime,
) -> None:
    company_id, _ = create_company(runtime.db, nif=unique_nif())
    shop = add_installation(runtime.db, company_id, "TIENDA-1")
    issue_in(runtime.db, runtime.settings, company_id, None)
    sold = issue_in(runtime.db, runtime.settings, company_id, shop)
    with runtime.db.read_session() as session:
        nif = companies.get(session, company_id).nif
    sandbox = Sandbox(runtime.settings, runtime.db)
    assert sold.number is not None
    sandbox.add_fault(
        FaultSpec(kind=FaultKind.RECORD_ERROR, number=sold.number, code=1105, nif=nif)
    )
    transport = LocalSandbox(runtime.settings, runtime.db)

    def client_for(company: Any, settings: Any) -> AeatClient:
        return AeatClient(URL, transport=transport)

    now = utcnow()
    remission.remit(runtime.db, runtime.settings, company_id, now=now, client_for=client_for)
    issue_in(runtime.db, runtime.settings, company_id, None)  # the default chain moves on
    with runtime.db.write_session() as session:
        company = companies.get(session, company_id)
        invoice = lookup.get(session, company_id, sold.id, for_update=True)
        assert invoice.verifactu_status == "rejected"
        records.record_correction(session, runtime.settings, company, invoice)
        session.commit()
    later = now + timedelta(seconds=runtime.settings.sandbox_wait_seconds + 1)
    sent = remission.remit(
        runtime.db, runtime.settings, company_id, now=later, client_for=client_for
    )
    assert sent is not None and (sent.records, sent.aeat_status) == (2, "Correcto")
    found = chains(runtime, company_id)
    # The correction follows the rejected alta in the shop's chain (a rejected record is a link).
    assert [number for number, _ in found[shop]] == ["TIENDA-1", "TIENDA-1"]
    assert [len(found[k]) for k in (None, shop)] == [2, 2]
    with runtime.db.read_session() as session:
        rows = RecordRepository(session, company_id).of_invoice(sold.id)
    assert [(r.status, r.installation_id) for r in rows] == [
        ("rejected", shop),
        ("accepted", shop),
    ]
    assert rows[1].previous_huella == rows[0].huella

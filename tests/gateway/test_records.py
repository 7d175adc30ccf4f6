"""Gateway mode as an ERP uses it: invoices it numbered itself, registered for their records."""

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from talonario.kit.clock import today_in
from talonario.records import remission
from talonario.runtime import Runtime
from talonario.verifactu.client import SANDBOX_PATH, AeatClient
from talonario.verifactu.xsd import Schema, validate
from tests.conftest import Api
from tests.documents.helpers import require_tool
from tests.fixtures.factories import create_company, invoice_body
from tests.fixtures.servers import SANDBOX_CONTROL, Server, running_server
from tests.records.test_remission import unique_nif

pytestmark = pytest.mark.xdist_group("servers")
TODAY = today_in("Europe/Madrid").isoformat()


@pytest.fixture(scope="module")
def sandbox_server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TALONARIO_SANDBOX_WAIT_SECONDS", "0")
        log = tmp_path_factory.mktemp("gateway-sandbox") / "server.log"
        with running_server(database_url, log) as server:
            yield server


@pytest.fixture
def company(app_client: Any, runtime: Runtime) -> Api:
    """A company with a NIF of its own: the sandbox keeps what it received per NIF."""
    company_id, key = create_company(runtime.db, nif=unique_nif())
    return Api(app_client, company_id, key)


def record(number: str, **fields: Any) -> dict[str, Any]:
    """An F1 of 100.00 + 21 % = 121.00 to an identified business."""
    return {
        "number": number,
        "issued_on": TODAY,
        "type": "F1",
        "description": "Venta de mercaderías",
        "recipients": [{"name": "Cliente Ejemplo SL", "nif": "B65410011"}],
        "tax_breakdown": [{"rate": 21, "base": "100.00", "tax_amount": "21.00"}],
        "total_tax": "21.00",
        "total": "121.00",
    } | fields


def remit_all(runtime: Runtime, server: Server, company_id: str) -> None:
    factory = lambda _company, _settings: AeatClient(server.url + SANDBOX_PATH)  # noqa: E731
    for _ in range(20):
        if remission.remit(runtime.db, runtime.settings, company_id, client_for=factory) is None:
            return
    pytest.fail("remission did not finish")


def decode_qr(png: bytes, tmp_path: Path) -> str:
    path = tmp_path / "qr.png"
    path.write_bytes(png)
    out = subprocess.run(
        [require_tool("zbarimg"), "--quiet", "--raw", str(path)],
        capture_output=True,
        timeout=60,
        check=True,
    )
    return out.stdout.decode().strip()


def test_a_record_is_chained_with_its_qr_and_a_duplicate_number_is_409_with_it(
    api: Api,
) -> None:
    r = api.post("/v1/records", record("ERP-2026-000001", external_id="erp-1"))
    assert r.status_code == 201, r.text
    created = r.json()
    assert created["object"] == "record" and created["status"] == "registered"
    assert (created["total"], created["total_tax"]) == (121.0, 21.0)
    vf = created["verifactu"]
    assert vf["status"] == "pending" and vf["qr_url"].startswith("https://")
    assert "numserie=ERP-2026-000001" in vf["qr_url"]
    assert vf["qr_image_url"] == f"/v1/records/{created['id']}/qr-image"
    again = api.post("/v1/records", record("ERP-2026-000001"))
    assert again.status_code == 409, again.text
    error = again.json()["error"]
    assert (error["code"], error["param"]) == ("duplicate_record", "number")
    assert error["record"]["id"] == created["id"]
    # Gateway records and invoices of ours share the chain, not the lists.
    api.post("/v1/invoices", invoice_body(issue=True))
    chain = api.get("/v1/verifactu/chain/verify").json()
    assert chain["valid"] is True and chain["records"] == 2
    assert [x["id"] for x in api.get("/v1/records").json()["data"]] == [created["id"]]
    assert created["id"] not in [x["id"] for x in api.get("/v1/invoices").json()["data"]]
    assert api.get(f"/v1/invoices/{created['id']}").status_code == 404
    assert api.get("/v1/records/erp-1").json()["id"] == created["id"]
    xml = api.get(f"/v1/verifactu/records/{vf['record']}.xml").content
    validate(xml, Schema.RECORDS)
    assert b"<sf:DescripcionOperacion>Venta de mercader" in xml


def test_the_same_number_in_another_year_is_another_invoice(api: Api) -> None:
    """A series may start again each year (RD 1619/2012 art. 6.1.a); AEAT keys an invoice by
    number and date."""
    assert api.post("/v1/records", record("7", issued_on="2025-12-30")).status_code == 201
    r = api.post("/v1/records", record("7"))
    assert r.status_code == 201, r.text


@pytest.mark.parametrize(
    ("change", "param", "code"),
    [
        ({"total": "121.01"}, "total", "incorrect_total_amount"),
        ({"total_tax": "20.99"}, "total_tax", "incorrect_total_tax"),
        ({"recipients": []}, "recipients", "recipient_required"),
        (
            {"type": "F2", "recipients": [],
             "tax_breakdown": [{"rate": 21, "base": "1000.00", "tax_amount": "210.00"}],
             "total_tax": "210.00", "total": "1210.00"},
            "type",
            "simplified_not_allowed",
        ),
        ({"issued_on": "2099-01-01"}, "issued_on", "invalid_date"),
        (
            {"tax_breakdown": [{"rate": 21, "base": "100.00"}], "total_tax": "0.00",
             "total": "100.00"},
            "tax_breakdown.0.tax_amount",
            None,
        ),
        (
            {"tax_breakdown": [{"rate": 17, "base": "100.00", "tax_amount": "17.00"}],
             "total_tax": "17.00", "total": "117.00"},
            "tax_breakdown.0.rate",
            "invalid_tax",
        ),
    ],
)  # fmt: skip
def test_a_record_aeat_would_refuse_is_422_naming_the_field(
    api: Api, change: dict[str, Any], param: str, code: str | None
) -> None:
    r = api.post("/v1/records", record("BAD-1", **change))
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert error["param"] == param, error
    if code is not None:
        assert error["code"] == code
    assert api.get("/v1/records").json()["data"] == []
    assert api.get("/v1/verifactu/chain/verify").json()["records"] == 0


def test_a_batch_of_1000_is_chained_remitted_and_accepted(
    company: Api,
    runtime: Runtime,
    sandbox_server: Server,
    tmp_path: Path,
) -> None:
    records = [record(f"B-{n:05d}", external_id=f"b-{n}") for n in range(1000)]
    r = company.post("/v1/records/batch", {"records": records})
    assert r.status_code == 200, r.text
    answer = r.json()
    assert (answer["created"], answer["failed"]) == (1000, 0)
    chain = company.get("/v1/verifactu/chain/verify").json()
    assert (chain["valid"], chain["records"], chain["first_break"]) == (True, 1000, None)
    page = company.get("/v1/verifactu/records?format=xml").content
    validate(page, Schema.SUBMISSION)
    png = company.get("/v1/records/b-500/qr-image")
    assert png.headers["content-type"] == "image/png"
    assert (
        decode_qr(png.content, tmp_path) == answer["results"][500]["record"]["verifactu"]["qr_url"]
    )
    remit_all(runtime, sandbox_server, company.company_id)
    accepted = company.get("/v1/records?verifactu_status=accepted&limit=100")
    assert len(accepted.json()["data"]) == 100 and accepted.json()["has_more"] is True
    problems = company.get("/v1/records?with_problems=true").json()["data"]
    assert problems == []
    status = company.get("/v1/verifactu/status").json()
    assert status["pending"] == 0
    usage = company.get(f"/v1/companies/{company.company_id}/usage").json()
    assert (usage["records_generated"], usage["records_remitted"]) == (1000, 1000)
    with httpx.Client(base_url=sandbox_server.url + "/aeat-sandbox", headers=SANDBOX_CONTROL) as c:
        nif = answer["results"][0]["record"]["issuer"]["nif"]
        held = c.get("/control/records", params={"nif": nif, "limit": 1000}).json()
        assert len(held["data"]) >= 100


def test_a_batch_with_three_bad_records_creates_the_rest_and_names_their_fields(
    api: Api,
) -> None:
    records = [record(f"C-{n:04d}") for n in range(1000)]
    records[10]["total"] = "999.99"
    records[500]["recipients"][0]["nif"] = "B65410012"  # a bad check digit
    records[999] = record("C-0001")  # a number already in the batch
    r = api.post("/v1/records/batch", {"records": records})
    assert r.status_code == 200, r.text
    answer = r.json()
    assert (answer["created"], answer["failed"]) == (997, 3)
    failed = {x["index"]: x["error"] for x in answer["results"] if x["status"] == "failed"}
    assert failed[10]["param"] == "records.10.total"
    assert failed[10]["code"] == "incorrect_total_amount"
    assert failed[500]["param"] == "records.500.recipients.0.nif"
    assert failed[999]["param"] == "records.999.number"
    assert api.get("/v1/verifactu/chain/verify").json()["records"] == 997


def test_cancel_chains_an_anulacion_and_keeps_the_qr(api: Api, tmp_path: Path) -> None:
    created = api.post("/v1/records", record("X-1", external_id="x-1")).json()
    r = api.post("/v1/records/x-1/cancel", {"reason": "duplicated by the till"})
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "cancelled" and r.json()["cancelled_at"]
    assert api.post("/v1/records/x-1/cancel", {}).status_code == 409
    kinds = [x["kind"] for x in api.get("/v1/verifactu/records").json()["data"]]
    assert sorted(kinds) == ["alta", "anulacion"]
    assert api.get("/v1/records?status=cancelled").json()["data"][0]["id"] == created["id"]
    svg = api.get("/v1/records/x-1/qr-image?format=svg")
    assert svg.headers["content-type"].startswith("image/svg+xml")
    assert api.get("/v1/records/nope/qr-image").status_code == 404

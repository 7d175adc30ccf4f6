"""AEAT requirements (POST /v1/verifactu/requirements): a period's records go to the
requirement endpoint with the RefRequerimiento, the sandbox answers as AEAT does, and each
requirement is kept with AEAT's answers (GET lists them)."""

from datetime import timedelta

import pytest

from talonario.kit.clock import today_in
from talonario.records import exports
from talonario.runtime import Runtime
from tests.conftest import Api
from tests.events.helpers import no_verifactu_company
from tests.records.test_record_access import issue


def today() -> str:
    return today_in("Europe/Madrid").isoformat()


def test_a_requirement_sends_the_period_and_keeps_the_sandboxs_answers(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exports, "DOCUMENT_RECORDS", 2)  # 3 records: two submissions
    invoices = [issue(api) for _ in range(2)]
    api.post(f"/v1/invoices/{invoices[0]['id']}/void", {"reason": "Emitida por error"})

    r = api.post("/v1/verifactu/requirements", {"ref": "REQ2026X1", "from": today(), "to": today()})

    assert r.status_code == 201, r.text
    answer = r.json()
    assert answer["object"] == "verifactu_requirement"
    assert (answer["ref"], answer["status"], answer["aeat_status"]) == (
        "REQ2026X1",
        "answered",
        "Correcto",
    )
    assert (answer["records"], answer["accepted"], answer["rejected"]) == (3, 3, 0)
    parts = answer["submissions"]
    assert [p["records"] for p in parts] == [2, 1]
    assert all(len(p["csv"]) == 16 for p in parts)
    listed = api.get("/v1/verifactu/requirements").json()
    assert listed["data"][0]["id"] == answer["id"]
    assert listed["data"][0]["submissions"] == parts


def test_the_requirement_header_is_what_aeat_reads(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The last submission says FinRequerimiento=S, the others N; none says RemisionVoluntaria."""
    sent: list[bytes] = []
    from talonario.verifactu.client import AeatClient

    submit = AeatClient.submit

    def spy(self: AeatClient, envelope: bytes):  # type: ignore[no-untyped-def]
        sent.append(envelope)
        assert self.url.endswith("/RequerimientoSOAP")
        return submit(self, envelope)

    monkeypatch.setattr(AeatClient, "submit", spy)
    monkeypatch.setattr(exports, "DOCUMENT_RECORDS", 1)
    issue(api)
    issue(api)

    r = api.post("/v1/verifactu/requirements", {"ref": "R1", "from": today(), "to": today()})

    assert r.status_code == 201, r.text
    assert len(sent) == 2
    assert b"<sf:RefRequerimiento>R1</sf:RefRequerimiento>" in sent[0]
    assert b"<sf:FinRequerimiento>N</sf:FinRequerimiento>" in sent[0]
    assert b"<sf:FinRequerimiento>S</sf:FinRequerimiento>" in sent[1]
    assert b"RemisionVoluntaria" not in sent[0] + sent[1]


def test_a_requirement_without_records_or_with_a_bad_ref_is_refused(api: Api) -> None:
    issue(api)
    yesterday = (today_in("Europe/Madrid") - timedelta(days=1)).isoformat()

    empty = api.post(
        "/v1/verifactu/requirements", {"ref": "R1", "from": yesterday, "to": yesterday}
    )
    bad = api.post("/v1/verifactu/requirements", {"ref": "R-1", "from": today(), "to": today()})
    long = api.post("/v1/verifactu/requirements", {"ref": "R" * 19, "from": today(), "to": today()})

    assert empty.status_code == 422 and empty.json()["error"]["param"] == "from"
    assert bad.status_code == 422 and long.status_code == 422
    assert api.get("/v1/verifactu/requirements").json()["data"] == []


def test_a_no_verifactu_companys_signed_records_answer_a_requirement(
    api: Api, runtime: Runtime
) -> None:
    """The mode the requirement endpoint is for: records kept, each signed, never remitted."""
    no_verifactu_company(runtime, api.company_id)
    issue(api)
    issue(api)

    r = api.post("/v1/verifactu/requirements", {"ref": "REQNOVF1", "from": today(), "to": today()})

    assert r.status_code == 201, r.text
    answer = r.json()
    assert (answer["status"], answer["aeat_status"], answer["accepted"]) == (
        "answered",
        "Correcto",
        2,
    )
    kept = api.get("/v1/verifactu/records").json()["data"]
    assert b"ds:Signature" in api.get(f"/v1/verifactu/records/{kept[0]['id']}.xml").content

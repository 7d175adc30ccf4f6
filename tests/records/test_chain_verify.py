"""GET /v1/verifactu/chain/verify over a chain of thousands: the answer says how long it took.

The chain is seeded straight into the database by the bench's seeder (bench/seed.py), which
is then also checked here: its records must pass the audit and the API must continue them."""

from bench.seed import seed
from fastapi.testclient import TestClient

from tests.conftest import Api
from tests.fixtures.factories import invoice_body

RECORDS = 3_000


def test_verify_over_thousands_of_records_reports_its_rate(
    app_client: TestClient, database_url: str
) -> None:
    seeded = seed(database_url, RECORDS)
    api = Api(app_client, seeded.company_id, seeded.key)
    issued = api.post("/v1/invoices", invoice_body(issue=True))
    assert issued.status_code == 201, issued.text
    assert issued.json()["number"].endswith(f"{RECORDS + 1:05}")
    report = api.get("/v1/verifactu/chain/verify").json()
    assert report["valid"] is True, report
    assert report["records"] == RECORDS + 1
    assert report["first_break"] is None
    assert isinstance(report["seconds"], float) and report["seconds"] > 0
    assert report["records_per_second"] > 0
    assert set(report) == {
        "valid",
        "records",
        "first_break",
        "installations",
        "seconds",
        "records_per_second",
    }
    assert report["installations"] == [
        {
            "installation": None,
            "installation_number": seeded.company_id,
            "valid": True,
            "records": RECORDS + 1,
            "first_break": None,
        }
    ]


def test_an_empty_chain_verifies_in_no_time(api: Api) -> None:
    report = api.get("/v1/verifactu/chain/verify").json()
    assert (report["valid"], report["records"], report["first_break"]) == (True, 0, None)
    assert report["seconds"] >= 0 and report["records_per_second"] == 0

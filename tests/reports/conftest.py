"""The fixture year 2025 of one company, built once per database through the API: invoices to
four clients at several rates, recargo, exempt, not subject and reverse charge, an F2 without
recipient, a rectifying invoice, a voided one, one excluded from the 347, and invoices outside
the year. The figures the tests expect are worked out by hand in test_tax_reports.py."""

from dataclasses import dataclass, field
from typing import Any

import pytest
from fastapi.testclient import TestClient

from talonario.runtime import Runtime
from tests.conftest import Api
from tests.fixtures.factories import CLIENT_ADDRESS, create_company

ALFA = {"name": "Alfa Servicios SL", "nif": "B12345609"}
BETA = {"name": "Beta Comercio SL", "nif": "B76543214"}
GAMMA = {"name": "Gamma Salud SL", "nif": "B24680241"}
DELTA = {"name": "Delta Obras SL", "nif": "B13579131"}
FOREIGN = {
    "name": "Foreign Inc",
    "foreign_id": {"country": "US", "id_type": "04", "id": "P1234567"},
    "address": {"street": "1 Main St", "postal_code": "10001", "city": "New York", "country": "US"},
}


def line(price: str, **tax: Any) -> dict[str, Any]:
    return {"description": "Servicio", "quantity": 1, "unit_price": price, "tax": tax}


@dataclass
class Year:
    api: Api
    invoices: dict[str, dict[str, Any]] = field(default_factory=dict)

    def issue(
        self, name: str, on: str, client: dict[str, Any] | None, *lines: Any, **kw: Any
    ) -> None:
        body: dict[str, Any] = {"issue": True, "issued_on": on, "lines": list(lines), **kw}
        if client is not None:
            body["client"] = {"address": CLIENT_ADDRESS} | client
        else:
            body["type"] = "F2"
        r = self.api.post("/v1/invoices", body)
        assert r.status_code == 201, r.text
        self.invoices[name] = r.json()


@pytest.fixture(scope="package")
def year(app_client: TestClient, runtime: Runtime) -> Year:
    company_id, key = create_company(runtime.db)
    y = Year(Api(app_client, company_id, key))
    y.issue("A1", "2025-02-10", ALFA, line("1000.00", rate=21), line("500.00", rate=10))
    y.issue("B1", "2025-03-03", BETA, line("2000.00", rate=21, surcharge_rate="5.2"))
    y.issue("C1", "2025-04-10", GAMMA, line("3000.00", exemption="E1"), line("200.00", rate=21))
    y.issue("A2", "2025-05-15", ALFA, line("1500.00", rate=21))
    y.issue("D1", "2025-06-01", DELTA, line("3000.00", rate=21))
    y.issue("D2", "2025-06-02", DELTA, line("100.00", rate=4))
    y.issue("S1", "2025-07-07", None, line("300.00", rate=21))
    y.issue("B2", "2025-08-20", BETA, line("800.00", rate=10, surcharge_rate="1.4"))
    y.issue("X1", "2025-09-09", FOREIGN, line("4000.00", not_subject="N2"))
    y.issue("A3", "2025-11-11", ALFA, line("1000.00", rate=21), exclude_347=True)
    y.issue("B3", "2025-12-01", BETA, line("250.00", reverse_charge=True))
    y.issue("A0", "2024-12-31", ALFA, line("5000.00", rate=21))
    y.issue("A9", "2026-01-15", ALFA, line("5000.00", rate=21))
    api = y.api
    r = api.post(f"/v1/invoices/{y.invoices['D1']['id']}/void", {"reason": "Emitida por error"})
    assert r.status_code == 200, r.text
    rectify = {
        "type": "R1",
        "method": "differences",
        "reason": "Descuento pactado",
        "lines": [line("-100.00", exemption="E1")],
        "issue": True,
        "issued_on": "2025-10-05",
    }
    r = api.post(f"/v1/invoices/{y.invoices['C1']['id']}/rectify", rectify)
    assert r.status_code == 201, r.text
    y.invoices["C1R"] = r.json()
    draft = {"client": {"address": CLIENT_ADDRESS} | ALFA, "lines": [line("9000.00", rate=21)]}
    assert api.post("/v1/invoices", draft | {"issued_on": "2025-06-30"}).status_code == 201
    return y

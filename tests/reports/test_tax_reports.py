"""The 347 and VAT reports of the fixture year (conftest.py) equal figures worked out by hand.

By hand, each invoice's base, quota and recargo, and its total with VAT (what the 347 adds):
  A1 2025-02-10 Alfa   1000.00 @21 = 210.00; 500.00 @10 = 50.00           -> 1760.00 (Q1)
  B1 2025-03-03 Beta   2000.00 @21 = 420.00, recargo 5.2 = 104.00         -> 2524.00 (Q1)
  C1 2025-04-10 Gamma  3000.00 E1; 200.00 @21 = 42.00                     -> 3242.00 (Q2)
  A2 2025-05-15 Alfa   1500.00 @21 = 315.00                               -> 1815.00 (Q2)
  D1 2025-06-01 Delta  3000.00 @21, voided                                -> nothing
  D2 2025-06-02 Delta  100.00 @4 = 4.00                                   ->  104.00 (under)
  S1 2025-07-07 F2     300.00 @21 = 63.00, no recipient                   -> not in the 347
  B2 2025-08-20 Beta   800.00 @10 = 80.00, recargo 1.4 = 11.20            ->  891.20 (Q3)
  X1 2025-09-09 US     4000.00 N2, foreign id                             -> not in the 347
  C1R 2025-10-05 Gamma R1 by differences: -100.00 E1                      -> -100.00 (Q4)
  A3 2025-11-11 Alfa   1000.00 @21 = 210.00, exclude_347                  -> not in the 347
  B3 2025-12-01 Beta   250.00 reverse charge (S2)                         ->  250.00 (Q4)
  A0 2024-12-31, A9 2026-01-15 (5000.00 @21 each) and a draft: outside 2025.
"""

import json
from decimal import Decimal
from typing import Any

from tests.conftest import Api
from tests.reports.conftest import ALFA, BETA, Year, line

D = Decimal


def body(r: Any) -> Any:
    assert r.status_code == 200, r.text
    return json.loads(r.content, parse_float=Decimal)


def test_347_lists_the_clients_over_3005_06_with_their_quarters(year: Year) -> None:
    report = body(year.api.get("/v1/reports/347?year=2025"))
    assert report["object"] == "report_347" and report["year"] == 2025
    assert report["threshold"] == D("3005.06")
    assert report["data"] == [
        {
            "nif": "B12345609",
            "name": "Alfa Servicios SL",
            "total": D("3575.00"),
            "quarters": {"q1": D("1760.00"), "q2": D("1815.00"), "q3": D("0"), "q4": D("0")},
            "invoices": 2,
        },
        {
            "nif": "B24680241",
            "name": "Gamma Salud SL",
            "total": D("3142.00"),
            "quarters": {"q1": D("0"), "q2": D("3242.00"), "q3": D("0"), "q4": D("-100.00")},
            "invoices": 2,
        },
        {
            "nif": "B76543214",
            "name": "Beta Comercio SL",
            "total": D("3665.20"),
            "quarters": {"q1": D("2524.00"), "q2": D("0"), "q3": D("891.20"), "q4": D("250.00")},
            "invoices": 3,
        },
    ]
    assert report["total"] == D("10382.20")


def test_347_of_a_year_counts_only_its_invoices(year: Year) -> None:
    """A0 (2024-12-31) alone: 6050.00 to Alfa in Q4; 2026 has A9, 6050.00 in Q1."""
    before = body(year.api.get("/v1/reports/347?year=2024"))["data"]
    assert [(p["nif"], p["total"], p["quarters"]["q4"]) for p in before] == [
        ("B12345609", D("6050.00"), D("6050.00"))
    ]
    after = body(year.api.get("/v1/reports/347?year=2026"))["data"]
    assert [(p["nif"], p["total"], p["quarters"]["q1"]) for p in after] == [
        ("B12345609", D("6050.00"), D("6050.00"))
    ]
    assert body(year.api.get("/v1/reports/347?year=2023"))["data"] == []


def test_vat_report_of_the_year(year: Year) -> None:
    report = body(year.api.get("/v1/reports/vat?from=2025-01-01&to=2025-12-31"))
    assert report["object"] == "vat_report"
    assert (report["from"], report["to"]) == ("2025-01-01", "2025-12-31")
    # 11 counted: every 2025 invoice but the voided D1 (C1R included).
    assert report["invoices"] == 11
    # 21%: A1 1000 + C1 200 + A2 1500 + B1 2000 + S1 300 + A3 1000.
    assert report["taxed"] == [
        {"rate": 21, "base": D("6000.00"), "quota": D("1260.00")},
        {"rate": 10, "base": D("1300.00"), "quota": D("130.00")},
        {"rate": 4, "base": D("100.00"), "quota": D("4.00")},
    ]
    assert report["surcharge"] == [
        {"rate": D("5.2"), "base": D("2000.00"), "quota": D("104.00")},
        {"rate": D("1.4"), "base": D("800.00"), "quota": D("11.20")},
    ]
    assert report["exempt"] == [{"cause": "E1", "base": D("2900.00")}]
    assert report["not_subject"] == [{"cause": "N2", "base": D("4000.00")}]
    assert report["reverse_charge_base"] == D("250.00")
    assert report["other_taxes"] == []
    assert report["totals"] == {
        "base": D("7400.00"),
        "quota": D("1394.00"),
        "surcharge_base": D("2800.00"),
        "surcharge_quota": D("115.20"),
        "exempt_base": D("2900.00"),
        "not_subject_base": D("4000.00"),
        "reverse_charge_base": D("250.00"),
        "accrued": D("1509.20"),
    }


def test_vat_report_of_a_quarter_and_of_a_day(year: Year) -> None:
    q1 = body(year.api.get("/v1/reports/vat?from=2025-01-01&to=2025-03-31"))
    assert q1["invoices"] == 2  # A1, B1
    assert q1["taxed"] == [
        {"rate": 21, "base": D("3000.00"), "quota": D("630.00")},
        {"rate": 10, "base": D("500.00"), "quota": D("50.00")},
    ]
    assert q1["surcharge"] == [{"rate": D("5.2"), "base": D("2000.00"), "quota": D("104.00")}]
    assert q1["totals"]["accrued"] == D("784.00")
    q4 = body(year.api.get("/v1/reports/vat?from=2025-10-01&to=2025-12-31"))
    assert q4["invoices"] == 3  # C1R, A3, B3
    assert q4["exempt"] == [{"cause": "E1", "base": D("-100.00")}]
    assert q4["totals"]["quota"] == D("210.00")
    day = body(year.api.get("/v1/reports/vat?from=2024-12-31&to=2024-12-31"))
    assert day["taxed"] == [{"rate": 21, "base": D("5000.00"), "quota": D("1050.00")}]


def _error(r: Any, status: int) -> dict[str, Any]:
    assert r.status_code == status, r.text
    return r.json()["error"]  # type: ignore[no-any-return]


def test_bad_years_and_periods_are_422_naming_the_parameter(api: Api) -> None:
    for query in ("", "?year=abc", "?year=1999", "?year=10000"):
        assert _error(api.get(f"/v1/reports/347{query}"), 422)["param"] == "year"
    assert _error(api.get("/v1/reports/vat?to=2025-01-31"), 422)["param"] == "from"
    assert _error(api.get("/v1/reports/vat?from=2025-01-01"), 422)["param"] == "to"
    assert _error(api.get("/v1/reports/vat?from=2025-13-01&to=2025-12-31"), 422)["param"] == "from"
    late = api.get("/v1/reports/vat?from=2025-02-01&to=2025-01-31")
    assert _error(late, 422)["param"] == "to"
    assert (
        _error(api.get("/v1/reports/pdfs.zip?from=2025-02-01&to=2025-01-31"), 422)["param"] == "to"
    )
    unknown = _error(api.get("/v1/reports/347?year=2025&nif=B12345609"), 400)
    assert (unknown["code"], unknown["param"]) == ("unknown_parameter", "nif")


def test_reports_need_the_invoices_read_scope(api: Api) -> None:
    def key(*scopes: str) -> Api:
        r = api.post("/v1/api-keys", {"scopes": list(scopes)})
        assert r.status_code == 201, r.text
        return Api(api.client, api.company_id, r.json()["secret"])

    clients = key("clients:read")
    for path in ("/v1/reports/347?year=2025", "/v1/reports/invoices.csv"):
        assert _error(clients.get(path), 403)["code"] == "insufficient_scope"
    reader = key("invoices:read")
    assert reader.get("/v1/reports/347?year=2025").json()["data"] == []
    assert reader.get("/v1/reports/vat?from=2025-01-01&to=2025-01-31").status_code == 200


def test_a_substitution_nets_the_change_and_an_f3_counts_once(api: Api) -> None:
    """By hand: F1 4000.00 @21 = 4840.00 (2025-03-01); R1 by substitution 3000.00 @21 =
    3630.00 (2025-05-05) takes the F1 off in Q2: 3630.00 - 4840.00 = -1210.00. An F2 of
    300.00 @21 = 363.00 replaced by an F3 to Beta counts once, as the F3 (Q2, 363.00)."""
    year = Year(api)
    year.issue("F1", "2025-03-01", ALFA, line("4000.00", rate=21))
    rectify = {
        "type": "R1",
        "method": "substitution",
        "reason": "Precio corregido",
        "lines": [line("3000.00", rate=21)],
        "issue": True,
        "issued_on": "2025-05-05",
    }
    assert api.post(f"/v1/invoices/{year.invoices['F1']['id']}/rectify", rectify).status_code == 201
    year.issue("S", "2025-06-01", None, line("300.00", rate=21))
    year.issue(
        "F3", "2025-06-10", BETA, line("300.00", rate=21), type="F3",
        substitutes=[year.invoices["S"]["id"]],
    )  # fmt: skip
    report = body(api.get("/v1/reports/347?year=2025"))
    assert [(p["nif"], p["total"], p["quarters"]) for p in report["data"]] == [
        (
            "B12345609",
            D("3630.00"),
            {"q1": D("4840.00"), "q2": D("-1210.00"), "q3": D("0"), "q4": D("0")},
        )
    ]
    q2 = body(api.get("/v1/reports/vat?from=2025-04-01&to=2025-06-30"))
    # R1: 3000.00 - 4000.00 = -1000.00, quota 630.00 - 840.00 = -210.00; F3: 300.00, 63.00.
    assert q2["taxed"] == [{"rate": 21, "base": D("-700.00"), "quota": D("-147.00")}]
    assert q2["invoices"] == 2

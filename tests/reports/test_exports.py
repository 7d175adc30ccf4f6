"""CSV and XLSX exports of the invoices, and a period's PDFs as a ZIP, on the fixture year."""

import csv
import io
import zipfile
from datetime import date, datetime
from decimal import Decimal

from openpyxl import load_workbook

from tests.reports.conftest import Year

D = Decimal
CENT = D("0.01")
MONEY = ("subtotal", "taxes_total", "surcharge_total", "withholding_total", "total", "paid_amount")


def _csv(year: Year, query: str = "") -> list[dict[str, str]]:
    r = year.api.get(f"/v1/reports/invoices.csv{query}")
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    return list(csv.DictReader(io.StringIO(r.content.decode())))


def test_csv_rows_are_the_invoices_with_exact_amounts(year: Year) -> None:
    rows = _csv(year, "?issued_on[gte]=2025-01-01&issued_on[lte]=2025-12-31")
    by_id = {row["id"]: row for row in rows}
    # Every invoice of the fixture dated 2025 (the voided D1 and the draft dated 2025-06-30
    # included, as the list filters), not those of 2024 and 2026.
    assert len(rows) == 13
    b1 = by_id[year.invoices["B1"]["id"]]
    assert (b1["number"], b1["type"], b1["status"]) == (
        year.invoices["B1"]["number"],
        "F1",
        "issued",
    )
    assert (b1["issued_on"], b1["client_name"], b1["client_nif"]) == (
        "2025-03-03",
        "Beta Comercio SL",
        "B76543214",
    )
    # By hand: 2000.00 + 420.00 + 104.00 recargo = 2524.00.
    assert [b1[k] for k in ("subtotal", "taxes_total", "surcharge_total", "total")] == [
        "2000.00",
        "420.00",
        "104.00",
        "2524.00",
    ]
    c1r = by_id[year.invoices["C1R"]["id"]]
    assert (c1r["type"], c1r["total"], c1r["rectifies"]) == (
        "R1",
        "-100.00",
        year.invoices["C1"]["number"],
    )
    x1 = by_id[year.invoices["X1"]["id"]]
    assert (x1["client_nif"], x1["client_foreign_id"], x1["total"]) == (
        "",
        "US:P1234567",
        "4000.00",
    )
    assert by_id[year.invoices["D1"]["id"]]["status"] == "voided"
    # By hand: 1760.00 + 2524.00 + 3242.00 + 1815.00 + 3630.00 (D1) + 104.00 + 363.00 (F2)
    # + 891.20 + 4000.00 + 1210.00 (A3) + 250.00 - 100.00 (C1R) + 10890.00 (the draft).
    assert sum(D(r["total"]) for r in rows) == D("30579.20")


def test_csv_filters_as_the_list_does(year: Year) -> None:
    voided = _csv(year, "?status=voided")
    assert [r["id"] for r in voided] == [year.invoices["D1"]["id"]]
    drafts = _csv(year, "?status=draft")
    assert [(r["number"], r["total"]) for r in drafts] == [("", "10890.00")]
    simplified = _csv(year, "?type=F2")
    assert [r["total"] for r in simplified] == ["363.00"]
    r = year.api.get("/v1/reports/invoices.csv?issued_on[gte]=2025-02-01&issued_on[lte]=2025-01-31")
    assert r.status_code == 422 and r.json()["error"]["param"] == "to"
    r = year.api.get("/v1/reports/invoices.csv?state=issued")
    assert r.status_code == 400 and r.json()["error"]["param"] == "state"


def test_xlsx_numbers_are_the_decimals_and_dates_are_dates(year: Year) -> None:
    query = "?issued_on[gte]=2025-01-01&issued_on[lte]=2025-12-31"
    r = year.api.get(f"/v1/reports/invoices.xlsx{query}")
    assert r.status_code == 200, r.text
    sheet = load_workbook(io.BytesIO(r.content))["Invoices"]
    rows = list(sheet.iter_rows(values_only=True))
    header = list(rows[0])
    found = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    assert len(found) == 13
    expected = {r["id"]: r for r in _csv(year, query)}
    for invoice_id, row in found.items():
        for column in MONEY:
            # A numeric cell: its digits are the Decimal's, exactly.
            assert isinstance(row[column], int | float), column
            assert D(str(row[column])).quantize(CENT) == D(expected[invoice_id][column]), column
    b2 = found[year.invoices["B2"]["id"]]
    assert D(str(b2["total"])).quantize(CENT) == D("891.20")
    assert isinstance(b2["issued_on"], datetime) and b2["issued_on"].date() == date(2025, 8, 20)
    # The amounts' cells carry the 0.00 format, the dates' a date format.
    cells = {c.column_letter: c for c in next(sheet.iter_rows(min_row=2, max_row=2))}
    total = cells[chr(ord("A") + header.index("total"))]
    issued = cells[chr(ord("A") + header.index("issued_on"))]
    assert total.number_format == "0.00" and issued.number_format == "yyyy-mm-dd"


def test_the_zip_holds_one_pdf_per_invoice_issued_in_the_period(year: Year) -> None:
    r = year.api.get("/v1/reports/pdfs.zip?from=2025-01-01&to=2025-06-30")
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(r.content))
    names = archive.namelist()
    # A1, B1, C1, A2, D1 (voided, still numbered and sent), D2: in issue order.
    wanted = [year.invoices[k]["number"] for k in ("A1", "B1", "C1", "A2", "D1", "D2")]
    assert names == [f"Factura-{n.replace('/', '-')}.pdf" for n in wanted]
    for name in names:
        assert archive.read(name).startswith(b"%PDF-")
    empty = year.api.get("/v1/reports/pdfs.zip?from=2023-01-01&to=2023-12-31")
    assert zipfile.ZipFile(io.BytesIO(empty.content)).namelist() == []

"""Invoices as CSV (streamed) and XLSX (openpyxl): one row per invoice, oldest first.

Amounts are written exactly: in CSV as `1234.50` (a dot, two places), in XLSX as numeric
cells formatted `0.00` from the Decimal (openpyxl writes its digits, never a float's). Dates
are ISO dates in CSV and date cells in XLSX. Rows are read in batches, each batch in its own
short read session, so a long export holds no transaction open while it is written.
"""

import csv
import io
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from talonario.db import Database
from talonario.invoices.repository import ListFilters
from talonario.invoices.standing import status_of
from talonario.kit.money import round_money
from talonario.models import Invoice
from talonario.reports.repository import ReportRepository

BATCH = 500


def _client(invoice: Invoice, key: str) -> str:
    client = invoice.client or {}
    if key == "foreign_id":
        foreign = client.get("foreign_id")
        return f"{foreign.get('country') or ''}:{foreign['id']}" if foreign else ""
    return str(client.get(key) or "")


def _rectifies(invoice: Invoice) -> str:
    corrective = invoice.corrective or {}
    return " ".join(str(r.get("number") or "") for r in corrective.get("rectified_invoices", []))


def _money(value: Decimal | None) -> Decimal:
    return round_money(Decimal(0) if value is None else value)


# (column, value of the invoice, kind): kind `money` and `date` are formatted as such, and
# `status` is the status as the API answers it on the export's day (`overdue` is computed).
COLUMNS: tuple[tuple[str, Callable[[Invoice], Any], str], ...] = (
    ("id", lambda i: i.id, "text"),
    ("number", lambda i: i.number or "", "text"),
    ("series", lambda i: i.series_code or "", "text"),
    ("type", lambda i: i.type, "text"),
    ("status", lambda i: i.status, "status"),
    ("issued_on", lambda i: i.issued_on, "date"),
    ("operation_date", lambda i: i.operation_date, "date"),
    ("due_on", lambda i: i.due_on, "date"),
    ("client_name", lambda i: _client(i, "name"), "text"),
    ("client_nif", lambda i: _client(i, "nif"), "text"),
    ("client_foreign_id", lambda i: _client(i, "foreign_id"), "text"),
    ("subtotal", lambda i: i.subtotal, "money"),
    ("taxes_total", lambda i: i.taxes_total, "money"),
    ("surcharge_total", lambda i: i.surcharge_total, "money"),
    ("withholding_total", lambda i: i.withholding_total, "money"),
    ("total", lambda i: i.total, "money"),
    ("paid_amount", lambda i: i.paid_amount, "money"),
    ("currency", lambda i: i.currency, "text"),
    ("rectifies", _rectifies, "text"),
    ("verifactu_status", lambda i: i.verifactu_status or "", "text"),
    ("external_id", lambda i: i.external_id or "", "text"),
)
HEADER = [name for name, _, _ in COLUMNS]


def invoices(db: Database, company_id: str, filters: ListFilters) -> Iterator[Invoice]:
    """The matching invoices, batch by batch, each batch read in a short read session."""
    after: str | None = None
    while True:
        with db.read_session() as session:
            batch = ReportRepository(session, company_id).export_batch(filters, after, BATCH)
        yield from batch
        if len(batch) < BATCH:
            return
        after = batch[-1].id


def _values(invoice: Invoice, today: date | None) -> list[tuple[Any, str]]:
    """Each column's value and kind for `invoice`, on `today` (None: the stored status)."""
    return [
        (status_of(invoice, today) if kind == "status" and today else get(invoice), kind)
        for _, get, kind in COLUMNS
    ]


def _csv_value(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "money":
        return f"{_money(value):f}"
    if kind == "date":
        return value.isoformat()  # type: ignore[no-any-return]
    return str(value)


def csv_stream(db: Database, company_id: str, filters: ListFilters) -> Iterator[bytes]:
    """The CSV (UTF-8, comma-separated, a header row), one chunk per batch of rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for written, invoice in enumerate(invoices(db, company_id, filters), start=1):
        writer.writerow([_csv_value(v, kind) for v, kind in _values(invoice, filters.today)])
        if written % BATCH == 0:
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode()


def _cell(sheet: WriteOnlyWorksheet, value: Any, kind: str) -> Any:
    if value is None or value == "":
        return None
    if kind == "money":
        cell = WriteOnlyCell(sheet, value=_money(value))
        cell.number_format = "0.00"
        return cell
    if kind == "date":
        cell = WriteOnlyCell(sheet, value=value if isinstance(value, date) else None)
        cell.number_format = "yyyy-mm-dd"
        return cell
    return value


def xlsx_bytes(db: Database, company_id: str, filters: ListFilters) -> bytes:
    """The workbook: one sheet `Invoices`, a header row, one row per invoice."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Invoices")
    sheet.append(HEADER)
    for invoice in invoices(db, company_id, filters):
        sheet.append([_cell(sheet, v, kind) for v, kind in _values(invoice, filters.today)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()

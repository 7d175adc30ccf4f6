"""`talonario invoices create|list|pdf`: a running Talonario's invoices from a shell script.

These commands speak the HTTP API (TALONARIO_URL, TALONARIO_API_KEY), as any other client
does, so they work against a server anywhere and never open its database. Amounts are kept as
the API writes them: JSON is read with exact decimals and written back as the same digits."""

import json
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, NoReturn
from urllib.parse import quote

import httpx
import typer

from talonario import __version__
from talonario.kit.jsonenc import dumps

app = typer.Typer(
    help="Invoices of a running Talonario, through its HTTP API (for scripts). Set "
    "TALONARIO_URL and TALONARIO_API_KEY, or pass --url and --api-key.",
    no_args_is_help=True,
)

Url = Annotated[
    str, typer.Option("--url", envvar="TALONARIO_URL", help="The server (`make run`'s default).")
]
ApiKey = Annotated[
    str, typer.Option("--api-key", envvar="TALONARIO_API_KEY", help="A company's key, tal_...")
]
DEFAULT_URL = "http://127.0.0.1:8000"
TIMEOUT = 60.0  # a first PDF is rendered on request
_FILENAME = re.compile(r'filename="([^"]+)"')


def _fail(message: str, code: int = 1) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def _refused(answer: httpx.Response) -> NoReturn:
    """The API's error object on stderr: its message, the field at fault and its code."""
    try:
        error = answer.json()["error"]
        message, param, code = error["message"], error.get("param"), error.get("code")
    except (ValueError, KeyError, TypeError):
        _fail(f"HTTP {answer.status_code}: {answer.text[:500]}")
    field = f" (param: {param})" if param else ""
    _fail(f"{message}{field} [{answer.status_code} {code}]")


class Api:
    def __init__(self, client: httpx.Client, url: str) -> None:
        self.client = client
        self.url = url

    def send(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            return self.client.request(method, path, **kwargs)
        except httpx.HTTPError as exc:
            _fail(f"cannot reach {self.url}: {exc}")

    def call(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        answer = self.send(method, path, **kwargs)
        if answer.is_error:
            _refused(answer)
        return answer


@contextmanager
def _api(url: str, api_key: str) -> Iterator[Api]:
    if not api_key:
        _fail("no API key: set TALONARIO_API_KEY or pass --api-key", 2)
    headers = {
        "Authorization": f"Bearer {api_key}",
        "User-Agent": f"talonario-cli/{__version__}",
    }
    with httpx.Client(base_url=url.rstrip("/"), headers=headers, timeout=TIMEOUT) as client:
        yield Api(client, url)


def _exact(raw: bytes | str) -> Any:
    return json.loads(raw, parse_float=Decimal)


def _read_invoice(source: str) -> dict[str, Any]:
    try:
        raw = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError as exc:
        _fail(f"cannot read {source}: {exc.strerror or exc}", 2)
    try:
        body = _exact(raw)
    except ValueError as exc:
        _fail(f"{source} is not JSON: {exc}", 2)
    if not isinstance(body, dict):
        _fail(f"{source}: the invoice must be a JSON object", 2)
    return body


@app.command("create")
def create(
    source: Annotated[
        str,
        typer.Argument(
            metavar="FILE", help="The invoice as JSON, POST /v1/invoices' body; - reads stdin."
        ),
    ],
    issue: Annotated[
        bool, typer.Option("--issue", help="Issue it in the same call: number, record, QR.")
    ] = False,
    idempotency_key: Annotated[
        str | None,
        typer.Option(
            "--idempotency-key",
            help="Run it again safely: the same key and body answer the first call's invoice.",
        ),
    ] = None,
    url: Url = DEFAULT_URL,
    api_key: ApiKey = "",
) -> None:
    """Create an invoice (a draft, or issued with --issue) and print it as JSON."""
    body = _read_invoice(source)
    if issue:
        body["issue"] = True
    headers = {"Content-Type": "application/json"}
    if idempotency_key is not None:
        headers["Idempotency-Key"] = idempotency_key
    with _api(url, api_key) as api:
        answer = api.call("POST", "/v1/invoices", content=dumps(body), headers=headers)
    typer.echo(answer.text)


def _pages(api: Api, params: dict[str, Any], every: bool) -> Iterator[list[dict[str, Any]]]:
    while True:
        page = _exact(api.call("GET", "/v1/invoices", params=params).content)
        yield page["data"]
        if not page["has_more"]:
            return
        if not every:
            typer.echo("more invoices: --all lists every page", err=True)
            return
        params["starting_after"] = page["data"][-1]["id"]


def _row(invoice: dict[str, Any]) -> list[str]:
    client = invoice.get("client") or {}
    return [
        invoice.get("number") or "(draft)",
        invoice["status"],
        invoice.get("issued_on") or "",
        str(invoice["total"]),
        client.get("name") or "",
        invoice["id"],
    ]


def _table(rows: list[list[str]]) -> None:
    header = ["NUMBER", "STATUS", "ISSUED", "TOTAL", "CLIENT", "ID"]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        cells = [
            cell.rjust(width) if i == 3 else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        typer.echo("  ".join(cells).rstrip())


@app.command("list")
def list_invoices(
    status: Annotated[
        str | None,
        typer.Option(help="draft, issued, partially_paid, paid or voided.", show_default=False),
    ] = None,
    date_from: Annotated[
        datetime | None,
        typer.Option("--from", formats=["%Y-%m-%d"], help="Issued on or after this day."),
    ] = None,
    date_to: Annotated[
        datetime | None,
        typer.Option("--to", formats=["%Y-%m-%d"], help="Issued on or before this day."),
    ] = None,
    client: Annotated[
        str | None, typer.Option(help="The client's id or external_id.", show_default=False)
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=100, help="Invoices per page.")] = 20,
    every: Annotated[
        bool, typer.Option("--all", help="Follow the cursor to the last page.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON invoice per line.")] = False,
    url: Url = DEFAULT_URL,
    api_key: ApiKey = "",
) -> None:
    """List invoices, newest first: a table, or JSON lines with --json."""
    params: dict[str, Any] = {"limit": limit}
    for name, value in (
        ("status", status),
        ("client", client),
        ("issued_on[gte]", None if date_from is None else date_from.date().isoformat()),
        ("issued_on[lte]", None if date_to is None else date_to.date().isoformat()),
    ):
        if value is not None:
            params[name] = value
    rows: list[list[str]] = []
    with _api(url, api_key) as api:
        for page in _pages(api, params, every):
            for invoice in page:
                if as_json:
                    typer.echo(dumps(invoice).decode())
                else:
                    rows.append(_row(invoice))
    if not as_json:
        _table(rows)


def _pdf(api: Api, ref: str) -> httpx.Response:
    """The PDF of the invoice whose id or external_id is `ref`, or else whose number is."""
    answer = api.send("GET", f"/v1/invoices/{quote(ref, safe='')}/pdf")
    if answer.status_code == 404:
        found = _exact(api.call("GET", "/v1/invoices", params={"number": ref}).content)["data"]
        if found:
            answer = api.send("GET", f"/v1/invoices/{found[0]['id']}/pdf")
    if answer.is_error:
        _refused(answer)
    return answer


@app.command("pdf")
def pdf(
    ref: Annotated[
        str, typer.Argument(metavar="ID_OR_NUMBER", help="Its id, external_id or number.")
    ],
    output: Annotated[
        str | None,
        typer.Option(
            "-o",
            "--output",
            help="The file to write; - for stdout. Default: the server's name, "
            "Factura-<number>.pdf.",
            show_default=False,
        ),
    ] = None,
    url: Url = DEFAULT_URL,
    api_key: ApiKey = "",
) -> None:
    """Download an invoice's PDF (a draft's is a marked preview)."""
    with _api(url, api_key) as api:
        answer = _pdf(api, ref)
    if output == "-":
        sys.stdout.buffer.write(answer.content)
        sys.stdout.buffer.flush()
        return
    named = _FILENAME.search(answer.headers.get("content-disposition", ""))
    path = Path(output or (named.group(1) if named else f"{ref}.pdf"))
    path.write_bytes(answer.content)
    typer.echo(str(path))

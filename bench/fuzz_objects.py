"""Real objects for `make fuzz`, made through the API before the run, one per operation that
acts on one: the run then reaches each of them on an object that exists (a draft to edit or
issue, an issued invoice to void, rectify, pay, send, share or query, a payment, a record, a
webhook delivery, a public page) instead of only on ids that do not.

Each operation gets its own object, so one operation's effect (a void) does not decide what
another meets. The schemathesis config names them per operation (`parameters`)."""

from typing import Any

import httpx
from tests.fixtures.factories import client_body, invoice_body

RECIPIENT = client_body(email="cliente@example.com")
DRAFTS = ("GET /v1/invoices/{ref}", "PATCH /v1/invoices/{ref}", "DELETE /v1/invoices/{ref}")
ISSUED = (
    "POST /v1/invoices/{ref}/issue",  # an issued one: the 409 path; the draft path is PATCH's
    "POST /v1/invoices/{ref}/void",
    "POST /v1/invoices/{ref}/rectify",
    "GET /v1/invoices/{ref}/pdf",
    "POST /v1/invoices/{ref}/public-link",
    "POST /v1/invoices/{ref}/send",
    "POST /v1/invoices/{ref}/remind",
    "GET /v1/invoices/{ref}/reminders",
    "POST /v1/invoices/{ref}/payments",
    "GET /v1/invoices/{ref}/payments",
    "GET /v1/invoices/{ref}/verifactu",
    "GET /v1/invoices/{ref}/qr-image",
    "POST /v1/invoices/{ref}/verifactu/correct",
    "POST /v1/invoices/{ref}/verifactu/query",
)


def _ok(response: httpx.Response) -> dict[str, Any]:
    if response.status_code >= 300:
        raise RuntimeError(f"{response.request.url}: {response.status_code} {response.text}")
    return response.json()  # type: ignore[no-any-return]


def make(base_url: str, key: str) -> dict[str, dict[str, str]]:
    """Operation label -> the path parameters that name its object."""
    api = httpx.Client(base_url=base_url, headers={"Authorization": f"Bearer {key}"})
    out: dict[str, dict[str, str]] = {}
    hook = _ok(
        api.post(
            "/v1/webhook-endpoints",
            json={"url": "http://127.0.0.1:9/hook", "events": ["invoice.issued"]},
        )
    )
    for i, label in enumerate(DRAFTS + ISSUED):
        body = invoice_body(client=RECIPIENT, issue=label in ISSUED, external_id=f"fuzz-{i}")
        out[label] = {"ref": _ok(api.post("/v1/invoices", json=body))["id"]}
    paid = out["GET /v1/invoices/{ref}/payments"]["ref"]
    payment = _ok(api.post(f"/v1/invoices/{paid}/payments", json={"amount": "1.00"}))
    out["DELETE /v1/invoices/{ref}/payments/{payment_id}"] = {
        "ref": paid,
        "payment_id": payment["id"],
    }
    records = _ok(api.get(f"/v1/invoices/{paid}/verifactu"))["data"]
    out["GET /v1/verifactu/records/{record_id}.xml"] = {"record_id": records[0]["id"]}
    # Its own invoice: the run's POST /public-link may revoke the link of the one it gets.
    page = invoice_body(client=RECIPIENT, issue=True, external_id="fuzz-page")
    shared = _ok(api.post("/v1/invoices", json=page))["id"]
    link = _ok(api.post(f"/v1/invoices/{shared}/public-link", json={}))["public_link"]["url"]
    token = link.rstrip("/").rsplit("/", 1)[-1]
    out["GET /p/{token}"] = out["GET /p/{token}/pdf"] = {"token": token}
    deliveries = _ok(api.get(f"/v1/webhook-endpoints/{hook['id']}/deliveries"))["data"]
    for label in (
        "GET /v1/webhook-endpoints/{endpoint_id}",
        "GET /v1/webhook-endpoints/{endpoint_id}/deliveries",
        "PATCH /v1/webhook-endpoints/{endpoint_id}",
        "POST /v1/webhook-endpoints/{endpoint_id}/rotate-secret",
    ):
        out[label] = {"endpoint_id": hook["id"]}
    if deliveries:
        out["POST /v1/webhook-endpoints/{endpoint_id}/deliveries/{delivery_id}/replay"] = {
            "endpoint_id": hook["id"],
            "delivery_id": deliveries[0]["id"],
        }
    return out


def config(base_url: str, objects: dict[str, dict[str, str]]) -> str:
    """The `[[operations]]` blocks of the schemathesis config, by operationId (a block by
    method and path would also catch the path's other methods)."""
    paths = httpx.get(f"{base_url}/openapi.json").json()["paths"]
    blocks = []
    for label, parameters in objects.items():
        method, path = label.split(" ", 1)
        operation_id = paths[path][method.lower()]["operationId"]
        values = ", ".join(f'"{name}" = "{value}"' for name, value in parameters.items())
        blocks.append(
            f'[[operations]]\ninclude-operation-id = "{operation_id}"\n'
            f"parameters = {{ {values} }}\n"
        )
    return "\n".join(blocks)

"""The events of the invoice lifecycle reach a real receiver, signed, through the outbox."""

import json
from typing import Any

from talonario.runtime import Runtime
from talonario.webhooks.delivery import deliver_due
from tests.conftest import Api
from tests.fixtures.factories import invoice_body
from tests.fixtures.remission import remit_until_answered
from tests.webhooks.conftest import EndpointFactory
from tests.webhooks.receiver import running_receiver, signature_valid

EVENTS = ["invoice.issued", "invoice.paid", "invoice.voided", "verifactu.record.accepted"]


def _types(receiver: Any) -> list[str]:
    return [json.loads(r.body)["type"] for r in receiver.requests]


def test_issue_pay_void_and_acceptance_arrive_signed(
    api: Api,
    runtime: Runtime,
    allow_private: None,
    new_endpoint: EndpointFactory,
    app_client: Any,
) -> None:
    with running_receiver() as receiver:
        endpoint = new_endpoint(receiver.url, EVENTS)
        invoice = api.post("/v1/invoices", invoice_body(issue=True)).json()
        api.post(f"/v1/invoices/{invoice['id']}/payments", {"amount": "386.73"})
        other = api.post("/v1/invoices", invoice_body(issue=True)).json()
        api.post(f"/v1/invoices/{other['id']}/void", {"reason": "Duplicada"})

        # Remit to the sandbox mounted in the in-process app (real HTTP remission is
        # tests/records/test_remission.py); the receiver is a real HTTP server.
        remit_until_answered(runtime, app_client, api.company_id)
        while deliver_due(runtime.db, runtime.settings):
            pass
        types = _types(receiver)
        assert types.count("invoice.issued") == 2
        assert types.count("invoice.paid") == 1
        assert types.count("invoice.voided") == 1
        # Two altas and one anulación accepted by the sandbox.
        assert types.count("verifactu.record.accepted") == 3
        assert all(signature_valid(endpoint["secret"], r) for r in receiver.requests)
        bodies = [json.loads(r.body) for r in receiver.requests]
        issued = next(b for b in bodies if b["type"] == "invoice.issued")
        assert issued["data"]["number"] == invoice["number"]
        assert issued["data"]["total"] == 386.73

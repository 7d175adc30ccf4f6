"""SSRF: a hostname is checked against every address it resolves to, and the delivery connects
to the address that was checked. DNS is the one thing replaced here (the tests run offline)."""

import json
import socket
from datetime import datetime
from typing import Any

import httpx
import pytest

from talonario.runtime import Runtime
from talonario.webhooks import guard
from talonario.webhooks.delivery import deliver_due
from talonario.webhooks.outbox import emit
from tests.conftest import Api
from tests.webhooks.conftest import EndpointFactory
from tests.webhooks.receiver import Received, signature_valid


def fake_dns(monkeypatch: pytest.MonkeyPatch, answers: dict[str, list[str]]) -> None:
    real = socket.getaddrinfo

    def getaddrinfo(host: str, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host not in answers:
            return real(host, port, *args, **kwargs)
        return [
            (
                socket.AF_INET6 if ":" in ip else socket.AF_INET,
                socket.SOCK_STREAM,
                6,
                "",
                (ip, port),
            )
            for ip in answers[host]
        ]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


def test_a_name_with_any_private_address_is_refused(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_dns(monkeypatch, {"hooks.example.com": ["93.184.215.14", "10.0.0.7"]})
    r = api.post(
        "/v1/webhook-endpoints",
        {"url": "https://hooks.example.com/in", "events": ["invoice.issued"]},
    )
    assert r.status_code == 422
    assert r.json()["error"]["param"] == "url"
    assert "10.0.0.7" in r.json()["error"]["message"]


def test_a_public_address_is_requested_as_given() -> None:
    target = guard.check("https://93.184.215.14:8443/in?x=1", allow_private=False)
    assert target.url == "https://93.184.215.14:8443/in?x=1"
    assert target.headers == {"host": "93.184.215.14:8443"}


def test_delivery_connects_to_the_checked_address_with_the_name_for_tls(
    api: Api, runtime: Runtime, new_endpoint: EndpointFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_dns(monkeypatch, {"hooks.example.com": ["93.184.215.14"]})
    endpoint = new_endpoint("https://hooks.example.com/in")
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(204)

    with runtime.db.write_session() as session:
        emit(session, api.company_id, "invoice.paid", {"id": "inv_1"}, object_id=None)
        emit(session, api.company_id, "invoice.issued", {"id": "inv_1"}, object_id=None)
        session.commit()

    # By the time of the attempt the name points inside: nothing may be sent there.
    fake_dns(monkeypatch, {"hooks.example.com": ["169.254.169.254"]})
    with httpx.Client(transport=httpx.MockTransport(handler)) as client:
        deliver_due(runtime.db, runtime.settings, client=client)
    assert sent == []

    fake_dns(monkeypatch, {"hooks.example.com": ["93.184.215.14"]})
    base = f"/v1/webhook-endpoints/{endpoint['id']}/deliveries"
    (delivery,) = api.get(base).json()["data"]
    assert "169.254.169.254" in delivery["error"]
    with httpx.Client(transport=httpx.MockTransport(handler)) as client:
        deliver_due(
            runtime.db,
            runtime.settings,
            client=client,
            now=datetime.fromisoformat(delivery["next_attempt_at"]),
        )
    (request,) = sent
    assert request.url == "https://93.184.215.14/in"
    assert request.headers["host"] == "hooks.example.com"
    assert request.extensions["sni_hostname"] == "hooks.example.com"
    received = Received(dict(request.headers), request.content)
    assert signature_valid(endpoint["secret"], received)
    assert json.loads(request.content)["type"] == "invoice.issued"
    assert api.get(base).json()["data"][0]["status"] == "succeeded"

"""Webhook endpoints through the API: the secret shown once, safe URLs only, tenancy, scopes."""

import base64
from typing import Any

import pytest

from tests.conftest import Api
from tests.webhooks.conftest import EndpointFactory

# A literal public address: accepted without a DNS lookup (the tests run offline).
PUBLIC_URL = "https://93.184.215.14/hooks/talonario"


def assert_refused(r: Any, param: str) -> None:
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert error["type"] == "invalid_request_error"
    assert error["param"] == param, error


def test_created_endpoint_shows_its_secret_once(api: Api, new_endpoint: EndpointFactory) -> None:
    endpoint = new_endpoint(PUBLIC_URL, ["invoice.issued", "verifactu.record.accepted"])
    assert endpoint["object"] == "webhook_endpoint"
    assert endpoint["url"] == PUBLIC_URL
    assert endpoint["events"] == ["invoice.issued", "verifactu.record.accepted"]
    assert endpoint["enabled"] is True
    assert endpoint["secret"].startswith("whsec_")
    assert len(base64.b64decode(endpoint["secret"].removeprefix("whsec_"))) >= 24

    again = api.get(f"/v1/webhook-endpoints/{endpoint['id']}")
    assert again.status_code == 200
    assert again.json().get("secret") is None
    listed = api.get("/v1/webhook-endpoints").json()
    assert [e["id"] for e in listed["data"]] == [endpoint["id"]]
    assert all(e.get("secret") is None for e in listed["data"])
    assert endpoint["secret"] not in api.get("/v1/webhook-endpoints").text


def test_rotating_the_secret_shows_the_new_one_once(
    api: Api, new_endpoint: EndpointFactory
) -> None:
    endpoint = new_endpoint(PUBLIC_URL)
    r = api.post(f"/v1/webhook-endpoints/{endpoint['id']}/rotate-secret")
    assert r.status_code == 200, r.text
    rotated = r.json()["secret"]
    assert rotated.startswith("whsec_") and rotated != endpoint["secret"]
    assert api.get(f"/v1/webhook-endpoints/{endpoint['id']}").json().get("secret") is None


def test_duplicate_events_are_kept_once(new_endpoint: EndpointFactory) -> None:
    endpoint = new_endpoint(PUBLIC_URL, ["invoice.paid", "invoice.paid", "invoice.sent"])
    assert endpoint["events"] == ["invoice.paid", "invoice.sent"]


def test_plain_http_url_is_refused(api: Api) -> None:
    r = api.post(
        "/v1/webhook-endpoints", {"url": "http://93.184.215.14/hooks", "events": ["invoice.paid"]}
    )
    assert_refused(r, "url")
    assert "https" in r.json()["error"]["message"]
    assert api.get("/v1/webhook-endpoints").json()["data"] == []


@pytest.mark.parametrize(
    "url",
    [
        "https://127.0.0.1/hooks",
        "https://localhost:8443/hooks",
        "https://10.1.2.3/hooks",
        "https://192.168.1.10/hooks",
        "https://172.16.0.1/hooks",
        "https://169.254.169.254/latest/meta-data",
        "https://[::1]/hooks",
        "https://[fe80::1]/hooks",
        "https://[::ffff:10.0.0.1]/hooks",
        "https://0.0.0.0/hooks",
        "https://100.64.0.1/hooks",
    ],
)
def test_private_loopback_and_link_local_addresses_are_refused(api: Api, url: str) -> None:
    r = api.post("/v1/webhook-endpoints", {"url": url, "events": ["invoice.issued"]})
    assert_refused(r, "url")
    assert r.json()["error"]["code"] == "webhook_url_not_allowed"
    assert api.get("/v1/webhook-endpoints").json()["data"] == []


@pytest.mark.parametrize(
    "url", ["ftp://93.184.215.14/x", "not a url", "https://", "https://user:pw@93.184.215.14/"]
)
def test_malformed_urls_are_refused(api: Api, url: str) -> None:
    r = api.post("/v1/webhook-endpoints", {"url": url, "events": ["invoice.issued"]})
    assert_refused(r, "url")


def test_a_host_that_does_not_resolve_is_refused(api: Api) -> None:
    r = api.post(
        "/v1/webhook-endpoints",
        {"url": "https://no-such-host.invalid/hooks", "events": ["invoice.issued"]},
    )
    assert_refused(r, "url")
    assert "does not resolve" in r.json()["error"]["message"]


def test_unknown_or_missing_events_are_refused(api: Api) -> None:
    r = api.post("/v1/webhook-endpoints", {"url": PUBLIC_URL, "events": ["invoice.created"]})
    assert r.status_code == 422, r.text
    assert r.json()["error"]["param"].startswith("events")
    assert_refused(api.post("/v1/webhook-endpoints", {"url": PUBLIC_URL, "events": []}), "events")
    assert_refused(api.post("/v1/webhook-endpoints", {"url": PUBLIC_URL}), "events")


def test_changing_the_url_to_a_private_address_is_refused(
    api: Api, new_endpoint: EndpointFactory
) -> None:
    endpoint = new_endpoint(PUBLIC_URL)
    r = api.patch(f"/v1/webhook-endpoints/{endpoint['id']}", {"url": "https://10.0.0.8/x"})
    assert_refused(r, "url")
    assert api.get(f"/v1/webhook-endpoints/{endpoint['id']}").json()["url"] == PUBLIC_URL


def test_events_and_url_can_be_changed(api: Api, new_endpoint: EndpointFactory) -> None:
    endpoint = new_endpoint(PUBLIC_URL)
    r = api.patch(
        f"/v1/webhook-endpoints/{endpoint['id']}",
        {"url": "https://93.184.215.15/new", "events": ["verifactu.record.rejected"]},
    )
    assert r.status_code == 200, r.text
    assert r.json()["url"] == "https://93.184.215.15/new"
    assert r.json()["events"] == ["verifactu.record.rejected"]
    assert r.json().get("secret") is None


@pytest.mark.usefixtures("allow_private")
def test_local_http_receiver_is_allowed_when_the_setting_says_so(
    new_endpoint: EndpointFactory,
) -> None:
    endpoint = new_endpoint("http://127.0.0.1:9/hooks")
    assert endpoint["url"] == "http://127.0.0.1:9/hooks"


def test_deleted_endpoint_is_gone(api: Api, new_endpoint: EndpointFactory) -> None:
    endpoint = new_endpoint(PUBLIC_URL)
    assert api.delete(f"/v1/webhook-endpoints/{endpoint['id']}").status_code == 204
    r = api.get(f"/v1/webhook-endpoints/{endpoint['id']}")
    assert r.status_code == 404
    assert r.json()["error"]["code"] == "webhook_endpoint_not_found"


def test_another_company_sees_neither_endpoint_nor_deliveries(
    api: Api, other_api: Api, new_endpoint: EndpointFactory
) -> None:
    endpoint = new_endpoint(PUBLIC_URL)
    base = f"/v1/webhook-endpoints/{endpoint['id']}"
    assert other_api.get(base).status_code == 404
    assert other_api.get(f"{base}/deliveries").status_code == 404
    assert other_api.patch(base, {"enabled": False}).status_code == 404
    assert other_api.delete(base).status_code == 404
    assert other_api.get("/v1/webhook-endpoints").json()["data"] == []
    assert api.get(base).status_code == 200


def test_keys_need_the_webhooks_scopes(api: Api, new_endpoint: EndpointFactory) -> None:
    new_endpoint(PUBLIC_URL)
    reader = api.post("/v1/api-keys", {"scopes": ["webhooks:read"]}).json()["secret"]
    other = api.post("/v1/api-keys", {"scopes": ["invoices:write"]}).json()["secret"]
    as_reader = {"Authorization": f"Bearer {reader}"}
    body = {"url": PUBLIC_URL, "events": ["invoice.paid"]}
    assert api.get("/v1/webhook-endpoints", headers=as_reader).status_code == 200
    r = api.post("/v1/webhook-endpoints", body, headers=as_reader)
    assert r.status_code == 403
    assert r.json()["error"]["code"] == "insufficient_scope"
    r = api.get("/v1/webhook-endpoints", headers={"Authorization": f"Bearer {other}"})
    assert r.status_code == 403

"""Quote events: quote.sent, quote.accepted, quote.rejected and quote.invoiced, written with the
change, in the events feed, and delivered signed to an endpoint that subscribes."""

import json
from collections.abc import Iterator

import pytest

from talonario.runtime import Runtime
from talonario.webhooks.delivery import deliver_due
from tests.conftest import Api
from tests.quotes.helpers import create, move
from tests.webhooks.conftest import EndpointFactory, feed
from tests.webhooks.receiver import Receiver, running_receiver, signature_valid


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with running_receiver() as r:
        yield r


def test_a_quote_sent_accepted_and_invoiced_in_the_feed(api: Api) -> None:
    quote = create(api)
    move(api, quote, "send")
    move(api, quote, "accept")
    r = api.post(f"/v1/quotes/{quote['id']}/invoice", {"issue": True})
    assert r.status_code == 201, r.text
    invoice = r.json()

    events = feed(api, type="quote.*")
    assert [(e["type"], e["data"]["id"], e["data"]["status"]) for e in events] == [
        ("quote.invoiced", quote["id"], "accepted"),
        ("quote.accepted", quote["id"], "accepted"),
        ("quote.sent", quote["id"], "sent"),
    ]
    assert events[0]["data"]["invoice"] == invoice["id"]
    assert events[0]["data"]["total"] == 386.73
    # The invoice's own events name the quote that made it.
    about = [e["type"] for e in feed(api, invoice=invoice["id"])]
    assert about == ["quote.invoiced", "invoice.issued"]


def test_a_rejection_is_an_event_and_a_refused_move_is_none(api: Api) -> None:
    quote = create(api)
    move(api, quote, "send")
    move(api, quote, "reject")
    assert api.post(f"/v1/quotes/{quote['id']}/accept").status_code == 409
    draft = create(api)
    assert api.post(f"/v1/quotes/{draft['id']}/reject").status_code == 409
    assert [e["type"] for e in feed(api)] == ["quote.rejected", "quote.sent"]


@pytest.mark.usefixtures("allow_private")
def test_an_endpoint_gets_the_quote_events_it_subscribes_to(
    api: Api, runtime: Runtime, new_endpoint: EndpointFactory, receiver: Receiver
) -> None:
    endpoint = new_endpoint(receiver.url, ["quote.accepted"])
    quote = create(api)
    move(api, quote, "send")
    move(api, quote, "accept")
    while deliver_due(runtime.db, runtime.settings):
        pass
    (received,) = [r for r in receiver.requests if json.loads(r.body)["type"].startswith("quote.")]
    body = json.loads(received.body)
    assert (body["type"], body["data"]["id"]) == ("quote.accepted", quote["id"])
    assert signature_valid(endpoint["secret"], received)
    assert received.headers["webhook-id"] == feed(api, type="quote.accepted")[0]["id"]

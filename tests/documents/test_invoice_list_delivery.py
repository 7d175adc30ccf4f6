"""GET /v1/invoices shows each invoice's public link and latest email, as GET of one does, in a
number of queries that does not grow with the page."""

from talonario.runtime import Runtime
from tests.conftest import Api
from tests.documents.helpers import draft, issue
from tests.fixtures.events import recorded

CLIENT = {"name": "Cliente Ejemplo SL", "nif": "B65410011", "email": "cliente@example.es"}


def test_each_listed_invoice_shows_its_own_link_and_latest_email(
    api: Api, runtime: Runtime
) -> None:
    shared = issue(api, client=CLIENT)
    link = api.post(f"/v1/invoices/{shared['id']}/public-link", {"enabled": True}).json()
    mailed = issue(api, client=CLIENT)
    for to in ("primero@example.es", "segundo@example.es"):
        assert api.post(f"/v1/invoices/{mailed['id']}/send", {"to": to}).status_code == 202
    plain = issue(api, client=CLIENT)
    unissued = draft(api, client=CLIENT)

    listed = {i["id"]: i for i in api.get("/v1/invoices").json()["data"]}

    for invoice_id in (shared["id"], mailed["id"], plain["id"], unissued["id"]):
        alone = api.get(f"/v1/invoices/{invoice_id}").json()
        assert listed[invoice_id]["public_link"] == alone["public_link"]
        assert listed[invoice_id]["email"] == alone["email"]
    assert listed[shared["id"]]["public_link"]["url"] == link["public_link"]["url"]
    assert listed[shared["id"]]["email"] is None
    assert listed[mailed["id"]]["email"]["to"] == ["segundo@example.es"]
    assert listed[mailed["id"]]["public_link"] is None
    assert listed[plain["id"]]["public_link"] is None and listed[plain["id"]]["email"] is None
    assert listed[unissued["id"]]["email"] is None


def test_a_longer_page_costs_no_more_queries(api: Api, runtime: Runtime) -> None:
    for _ in range(6):
        invoice = issue(api, client=CLIENT)
        api.post(f"/v1/invoices/{invoice['id']}/send", {})
        api.post(f"/v1/invoices/{invoice['id']}/public-link", {"enabled": True})
    with recorded(runtime.db.read_engine, "before_cursor_execute") as short:
        assert len(api.get("/v1/invoices", params={"limit": 2}).json()["data"]) == 2
    with recorded(runtime.db.read_engine, "before_cursor_execute") as long:
        assert len(api.get("/v1/invoices", params={"limit": 6}).json()["data"]) == 6
    assert len(long) == len(short), long

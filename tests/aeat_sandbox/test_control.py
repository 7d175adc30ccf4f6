"""The sandbox's control API behind a credential: the operator's token sees every taxpayer, a
company's API key only its own NIF, and nobody else anything; and one taxpayer's submissions
never touch another's state."""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient
from lxml import etree

from talonario.auth.keys import issue_key
from talonario.main import create_app
from talonario.runtime import Runtime
from talonario.verifactu.records import Record
from talonario.verifactu.xsd import Schema
from tests.aeat_sandbox.helpers import SandboxServer, Taxpayer
from tests.aeat_sandbox.test_sandbox import answer, lines, post, submit
from tests.conftest import make_settings
from tests.fixtures.factories import create_company

NIF = "B12345674"
RESPONSE = Schema.RESPONSE
ROUTES = [
    ("GET", "/control/faults", {}),
    ("POST", "/control/faults", {"json": {"kind": "http_500"}}),
    ("DELETE", "/control/faults", {}),
    ("GET", "/control/records", {"params": {"nif": NIF}}),
    ("DELETE", "/control/records", {"params": {"nif": NIF}}),
    ("GET", "/control/submissions", {"params": {"nif": NIF}}),
]


@dataclass
class Tenant:
    """A company of the API and the same taxpayer at the sandbox."""

    taxpayer: Taxpayer
    key: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.key}"}


def sent_as(sender: Taxpayer, record: Record) -> bytes:
    """An envelope of `sender` carrying another issuer's record (AEAT refuses it: 1108)."""
    envelope = etree.fromstring(Taxpayer(nif=record.invoice.issuer_nif).envelope(record))
    header = envelope.find(".//{*}Cabecera/{*}ObligadoEmision/{*}NIF")
    assert header is not None
    header.text = sender.nif
    return etree.tostring(envelope, xml_declaration=True, encoding="UTF-8")


def tenant(runtime: Runtime) -> Tenant:
    taxpayer = Taxpayer()
    _, key = create_company(runtime.db, nif=taxpayer.nif)
    return Tenant(taxpayer, key)


@pytest.fixture
def sandbox(sandbox: SandboxServer) -> Iterator[SandboxServer]:
    """The module's sandbox, no switch left on by a test for the next."""
    yield sandbox
    assert sandbox.control("DELETE", "/control/faults").status_code == 200


@pytest.mark.parametrize(("method", "path", "options"), ROUTES)
@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer sbx_not-the-token-nor-a-key"},
        {"X-API-Key": "tal_not-a-key"},
        {"Authorization": "Basic b3BlcmF0b3I6c2VjcmV0"},
    ],
    ids=["none", "wrong-token", "wrong-key", "not-bearer"],
)
def test_without_a_valid_credential_every_control_route_is_401_and_changes_nothing(
    sandbox: SandboxServer,
    method: str,
    path: str,
    options: dict[str, Any],
    headers: dict[str, str],
) -> None:
    taxpayer = Taxpayer()
    submit(sandbox, taxpayer, taxpayer.alta("F-0001"))
    asked = options | ({"params": {"nif": taxpayer.nif}} if "params" in options else {})

    answer = sandbox.control(method, path, headers=headers, **asked)

    assert answer.status_code == 401, answer.text
    assert answer.json()["error"]["type"] == "authentication_error"
    assert answer.headers["www-authenticate"] == "Bearer"
    assert sandbox.control("GET", "/control/faults").json() == {"data": []}
    held = sandbox.control("GET", "/control/records", params={"nif": taxpayer.nif}).json()
    assert [r["number"] for r in held["data"]] == ["F-0001"]


def test_mounted_under_the_api_the_control_needs_the_credential_too(
    app_client: TestClient,
) -> None:
    for method, path, options in ROUTES:
        answer = app_client.request(method, "/aeat-sandbox" + path, **options)
        assert answer.status_code == 401, (method, path, answer.text)


def test_a_company_key_sees_its_own_nif_and_a_foreign_one_is_404(
    sandbox: SandboxServer, runtime: Runtime
) -> None:
    mine, theirs = tenant(runtime), tenant(runtime)
    for one in (mine, theirs):
        submit(sandbox, one.taxpayer, one.taxpayer.alta("F-0001"))

    def as_mine(method: str, path: str, nif: str | None = None) -> Any:
        params = {} if nif is None else {"nif": nif}
        return sandbox.control(method, path, headers=mine.headers, params=params)

    own = as_mine("GET", "/control/records", mine.taxpayer.nif)
    assert own.status_code == 200
    assert [(r["issuer_nif"], r["number"]) for r in own.json()["data"]] == [
        (mine.taxpayer.nif, "F-0001")
    ]
    assert as_mine("GET", "/control/records").json() == own.json()  # no nif: its own
    sent = as_mine("GET", "/control/submissions").json()["data"]
    assert [[r["number"] for r in s["records"]] for s in sent] == [["F-0001"]]

    for method, path in [
        ("GET", "/control/records"),
        ("DELETE", "/control/records"),
        ("GET", "/control/submissions"),
    ]:
        answer = as_mine(method, path, theirs.taxpayer.nif)
        assert answer.status_code == 404, (method, path, answer.text)

    # The foreign taxpayer's records are still there, as the operator sees.
    held = sandbox.control("GET", "/control/records", params={"nif": theirs.taxpayer.nif})
    assert [r["number"] for r in held.json()["data"]] == ["F-0001"]
    # And its own forgetting works.
    assert as_mine("DELETE", "/control/records").status_code == 204
    assert as_mine("GET", "/control/records").json() == {"data": []}


def test_a_company_fault_hits_only_its_own_nif(sandbox: SandboxServer, runtime: Runtime) -> None:
    mine, theirs = tenant(runtime), tenant(runtime)
    unsent = {"kind": "record_error", "number": "NEVER-SENT", "code": 1104}
    assert sandbox.control("POST", "/control/faults", json=unsent).status_code == 201

    planted = sandbox.control(
        "POST", "/control/faults", headers=mine.headers, json={"kind": "server_fault", "count": 5}
    )
    assert planted.status_code == 201, planted.text
    assert planted.json()["nif"] == mine.taxpayer.nif
    record_error = {"kind": "record_error", "number": "F-0002", "code": 1104}
    forced = sandbox.control("POST", "/control/faults", headers=mine.headers, json=record_error)
    assert forced.status_code == 201
    foreign = sandbox.control(
        "POST",
        "/control/faults",
        headers=mine.headers,
        json={"kind": "http_500", "nif": theirs.taxpayer.nif},
    )
    assert foreign.status_code == 404

    # The other taxpayer's requests are untouched: accepted, F-0002 without the forced error.
    other = theirs.taxpayer
    assert submit(sandbox, other, other.alta("F-0001"), other.alta("F-0002")) == [
        ("F-0001", "Correcto", None),
        ("F-0002", "Correcto", None),
    ]
    # Its own are hit.
    hit = post(sandbox, mine.taxpayer.envelope(mine.taxpayer.alta("F-0001")))
    assert hit.status_code == 500
    assert b"env:Server" in hit.content

    # A company lists and clears its own switches only; the operator's stays.
    listed = sandbox.control("GET", "/control/faults", headers=mine.headers).json()["data"]
    assert sorted(f["kind"] for f in listed) == ["record_error", "server_fault"]
    assert {f["nif"] for f in listed} == {mine.taxpayer.nif}
    cleared = sandbox.control("DELETE", "/control/faults", headers=mine.headers)
    assert cleared.json() == {"deleted": 2}
    left = sandbox.control("GET", "/control/faults").json()["data"]
    assert [(f["kind"], f["nif"]) for f in left] == [("record_error", None)]


def test_a_company_key_needs_the_invoices_scopes(sandbox: SandboxServer, runtime: Runtime) -> None:
    taxpayer = Taxpayer()
    company_id, _ = create_company(runtime.db, nif=taxpayer.nif)
    with runtime.db.write_session() as session:
        _, reader = issue_key(session, company_id, ["invoices:read"])
        _, stranger = issue_key(session, company_id, ["clients:read"])
        session.commit()

    def with_key(key: str, method: str, path: str, **options: Any) -> int:
        headers = {"Authorization": f"Bearer {key}"}
        return sandbox.control(method, path, headers=headers, **options).status_code

    assert with_key(reader, "GET", "/control/records") == 200
    assert with_key(reader, "GET", "/control/faults") == 200
    assert with_key(reader, "DELETE", "/control/records") == 403
    assert with_key(reader, "POST", "/control/faults", json={"kind": "http_500"}) == 403
    assert with_key(stranger, "GET", "/control/records") == 403


def test_a_foreign_record_refused_1108_leaves_the_other_taxpayers_chain_alone(
    sandbox: SandboxServer,
) -> None:
    sender, victim = Taxpayer(), Taxpayer()
    foreign = victim.alta("F-0099")
    victim.last = None  # the victim never sent it: its chain has not started

    assert lines(answer(post(sandbox, sent_as(sender, foreign)), RESPONSE)) == [
        ("F-0099", "Incorrecto", "1108")
    ]

    # The victim's genuine first record is a first record, not 2007 ("PrimerRegistro while
    # records exist"), and the next one chains to it.
    assert submit(sandbox, victim, victim.alta("F-0001")) == [("F-0001", "Correcto", None)]
    assert submit(sandbox, victim, victim.alta("F-0002")) == [("F-0002", "Correcto", None)]


def test_a_record_replayed_by_another_taxpayer_does_not_count_as_received(
    sandbox: SandboxServer,
) -> None:
    sender, victim = Taxpayer(), Taxpayer()
    first = victim.alta("F-0001")
    assert lines(answer(post(sandbox, sent_as(sender, first)), RESPONSE)) == [
        ("F-0001", "Incorrecto", "1108")
    ]

    # Sent by its issuer it is new, so it starts the chain the next record links to.
    assert submit(sandbox, victim, first) == [("F-0001", "Correcto", None)]
    assert submit(sandbox, victim, victim.alta("F-0002")) == [("F-0002", "Correcto", None)]


def test_a_key_revoked_through_the_api_stops_at_the_mounted_control_at_once(
    database_url: str,
) -> None:
    # Keys cached for a minute, as a server caches them: revoking must still take effect at once.
    runtime = Runtime.from_settings(make_settings(database_url, api_key_cache_seconds=60))
    try:
        http = TestClient(create_app(runtime.settings, runtime), raise_server_exceptions=False)
        _, admin = create_company(runtime.db)
        admin_auth = {"Authorization": f"Bearer {admin}"}
        minted = http.post("/v1/api-keys", json={"scopes": ["*"]}, headers=admin_auth).json()
        doomed = {"Authorization": f"Bearer {minted['secret']}"}
        records = "/aeat-sandbox/control/records"
        assert http.get(records, headers=doomed).status_code == 200  # now cached
        revoked = http.delete(f"/v1/api-keys/{minted['id']}", headers=admin_auth)
        assert revoked.status_code == 200
        assert http.get(records, headers=doomed).status_code == 401
    finally:
        runtime.close()

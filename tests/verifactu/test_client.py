"""The AEAT client against the built-in sandbox over real HTTP (and HTTPS with client
certificates): what the worker sees for each answer AEAT can give."""

import ssl
from collections.abc import Iterator

import httpx
import pytest

from talonario.runtime import Runtime
from talonario.verifactu import tls
from talonario.verifactu.client import (
    AeatClient,
    AeatError,
    CertificateKind,
    Environment,
    PermanentError,
    TransientError,
    endpoint,
    sandbox_url,
)
from talonario.verifactu.codes import PreviousRejection
from talonario.verifactu.responses import (
    Operation,
    QueriedStatus,
    QueryFilter,
    RecordStatus,
    StoredStatus,
    SubmissionStatus,
)
from tests.aeat_sandbox.helpers import (
    HOST,
    WAIT_SECONDS,
    Pki,
    SandboxServer,
    Taxpayer,
    make_pki,
    running_sandbox,
    tls_server_options,
)
from tests.conftest import make_settings
from tests.fixtures.servers import SANDBOX_CONTROL


@pytest.fixture(scope="module")
def sandbox(runtime: Runtime, database_url: str) -> Iterator[SandboxServer]:
    settings = make_settings(database_url, sandbox_wait_seconds=WAIT_SECONDS)
    with running_sandbox(settings, runtime.db) as server:
        yield server


@pytest.fixture
def client(sandbox: SandboxServer) -> Iterator[AeatClient]:
    with AeatClient(sandbox.url, timeout=10) as aeat:
        yield aeat


def test_accepted_submission_returns_csv_wait_time_and_one_line_per_record(
    client: AeatClient,
) -> None:
    taxpayer = Taxpayer()
    first, second = taxpayer.alta("F-0001"), taxpayer.alta("F-0002")

    result = client.submit(taxpayer.envelope(first, second))

    assert result.status is SubmissionStatus.ACCEPTED
    assert result.csv is not None and len(result.csv) == 16
    assert result.wait_seconds == WAIT_SECONDS
    assert result.presenter_nif == taxpayer.nif
    assert result.presented_at is not None and result.presented_at.utcoffset() is not None
    for record in (first, second):
        line = result.line_for(record.invoice)
        assert line is not None
        assert (line.status, line.code, line.duplicate) == (RecordStatus.ACCEPTED, None, None)
    assert "<tikR:CSV>" in result.raw


def test_envelope_that_breaks_the_schema_is_a_permanent_4102_fault(client: AeatClient) -> None:
    taxpayer = Taxpayer()
    envelope = taxpayer.envelope(taxpayer.alta("F-0001"))
    broken = envelope.replace(b"<sf:TipoFactura>F1</sf:TipoFactura>\n", b"")

    with pytest.raises(PermanentError) as failure:
        client.submit(broken)

    assert failure.value.code == 4102
    assert failure.value.message.startswith("Codigo[4102]")
    assert failure.value.http_status == 500


def test_resent_alta_is_rejected_as_duplicate_carrying_the_stored_state(
    client: AeatClient, sandbox: SandboxServer
) -> None:
    taxpayer = Taxpayer()
    envelope = taxpayer.envelope(taxpayer.alta("F-0001"))
    first = client.submit(envelope)

    again = client.submit(envelope)

    assert again.status is SubmissionStatus.REJECTED
    assert again.csv is None  # nothing stored, no CSV
    line = again.lines[0]
    assert (line.status, line.code) == (RecordStatus.REJECTED, 3000)
    assert line.duplicate is not None
    assert line.duplicate.status is StoredStatus.ACCEPTED
    held = sandbox.control("GET", "/control/records", params={"nif": taxpayer.nif}).json()
    assert line.duplicate.request_id == held["data"][0]["request_id"]
    assert held["data"][0]["csv"] == first.csv


def test_record_not_chained_to_the_last_one_held_is_accepted_with_error_2003(
    client: AeatClient,
) -> None:
    taxpayer = Taxpayer()
    first = taxpayer.alta("F-0001")
    client.submit(taxpayer.envelope(first))
    stranger = Taxpayer(nif=taxpayer.nif)  # another chain's head, same taxpayer
    stranger.alta("X-0001")
    unchained = stranger.alta("F-0002")

    result = client.submit(taxpayer.envelope(unchained))

    line = result.lines[0]
    assert (line.status, line.code) == (RecordStatus.ACCEPTED_WITH_ERRORS, 2003)
    assert result.status is SubmissionStatus.PARTIALLY_ACCEPTED
    assert result.csv is not None  # stored with errors: it has a CSV


def test_first_record_flag_when_the_chain_already_has_records_is_error_2007(
    client: AeatClient,
) -> None:
    taxpayer = Taxpayer()
    client.submit(taxpayer.envelope(taxpayer.alta("F-0001")))
    taxpayer.last = None

    result = client.submit(taxpayer.envelope(taxpayer.alta("F-0002")))

    assert (result.lines[0].status, result.lines[0].code) == (
        RecordStatus.ACCEPTED_WITH_ERRORS,
        2007,
    )


def test_error_forced_for_an_invoice_number_rejects_only_that_record(
    client: AeatClient, sandbox: SandboxServer
) -> None:
    taxpayer = Taxpayer()
    number = f"BAD-{taxpayer.nif}"
    sandbox.fault(kind="record_error", number=number, code=1104)
    good, bad = taxpayer.alta("F-0001"), taxpayer.alta(number)

    result = client.submit(taxpayer.envelope(good, bad))

    assert result.status is SubmissionStatus.PARTIALLY_ACCEPTED
    assert result.line_for(good.invoice).status is RecordStatus.ACCEPTED  # type: ignore[union-attr]
    rejected = result.line_for(bad.invoice)
    assert rejected is not None
    assert (rejected.status, rejected.code) == (RecordStatus.REJECTED, 1104)
    assert rejected.description
    # Used once: the corrected resend ("alta por rechazo", spec §5.1) goes through.
    retry = taxpayer.alta(number, correction=True, previous_rejection=PreviousRejection.NOT_AT_AEAT)
    assert client.submit(taxpayer.envelope(retry)).lines[0].status is RecordStatus.ACCEPTED


def test_http_500_switch_is_transient_and_the_next_request_goes_through(
    client: AeatClient, sandbox: SandboxServer
) -> None:
    taxpayer = Taxpayer()
    envelope = taxpayer.envelope(taxpayer.alta("F-0001"))
    sandbox.fault(kind="http_500", count=2)

    for _ in range(2):
        with pytest.raises(TransientError) as failure:
            client.submit(envelope)
        assert failure.value.http_status == 500
        # What the remission status shows: the HTTP status, not a parser's complaint.
        assert failure.value.message.startswith("HTTP 500 Internal Server Error")
        assert "Internal Server Error" in failure.value.message.removeprefix("HTTP 500")
        assert "not XML" not in failure.value.message

    assert client.submit(envelope).status is SubmissionStatus.ACCEPTED


def test_soap_server_fault_is_transient(client: AeatClient, sandbox: SandboxServer) -> None:
    taxpayer = Taxpayer()
    sandbox.fault(kind="server_fault")

    with pytest.raises(TransientError) as failure:
        client.submit(taxpayer.envelope(taxpayer.alta("F-0001")))

    assert failure.value.code == 3500


def test_soap_client_fault_is_permanent_with_aeat_code(
    client: AeatClient, sandbox: SandboxServer
) -> None:
    taxpayer = Taxpayer()
    sandbox.fault(kind="client_fault", code=4112)

    with pytest.raises(PermanentError) as failure:
        client.submit(taxpayer.envelope(taxpayer.alta("F-0001")))

    assert failure.value.code == 4112


def test_certificate_redirect_is_permanent(client: AeatClient, sandbox: SandboxServer) -> None:
    taxpayer = Taxpayer()
    sandbox.fault(kind="redirect")

    with pytest.raises(PermanentError) as failure:
        client.submit(taxpayer.envelope(taxpayer.alta("F-0001")))

    assert failure.value.http_status == 302
    assert "erro4011" in failure.value.message


def test_answer_lost_to_a_timeout_is_transient_and_the_resend_finds_the_records_stored(
    sandbox: SandboxServer,
) -> None:
    taxpayer = Taxpayer()
    envelope = taxpayer.envelope(taxpayer.alta("F-0001"))
    sandbox.fault(kind="delay", seconds=1.5)

    with AeatClient(sandbox.url, timeout=0.5) as impatient, pytest.raises(TransientError):
        impatient.submit(envelope)

    with AeatClient(sandbox.url, timeout=10) as patient:
        line = patient.submit(envelope).lines[0]
    assert line.code == 3000
    assert line.duplicate is not None and line.duplicate.status is StoredStatus.ACCEPTED


def test_unreachable_endpoint_is_transient() -> None:
    taxpayer = Taxpayer()
    envelope = taxpayer.envelope(taxpayer.alta("F-0001"))
    with (
        AeatClient(f"http://{HOST}:9/VerifactuSOAP", timeout=2) as client,
        pytest.raises(TransientError),
    ):
        client.submit(envelope)


def test_answer_that_is_not_soap_is_transient() -> None:
    def html(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, text="<html><body>Mantenimiento</body></html>")

    transport = httpx.MockTransport(html)
    with (
        AeatClient("https://aeat.test/", transport=transport) as client,
        pytest.raises(TransientError),
    ):
        client.submit(b"<x/>")


def test_query_returns_what_the_sandbox_holds(client: AeatClient) -> None:
    taxpayer = Taxpayer()
    kept, cancelled = taxpayer.alta("F-0001"), taxpayer.alta("F-0002")
    client.submit(taxpayer.envelope(kept, cancelled))
    client.submit(taxpayer.envelope(taxpayer.anulacion("F-0002")))
    day = taxpayer.issue_date

    found = client.query(QueryFilter(taxpayer=taxpayer.party, year=day.year, month=day.month))

    assert not found.has_more
    by_number = {record.invoice.number: record for record in found.records}
    assert set(by_number) == {"F-0001", "F-0002"}
    assert by_number["F-0001"].status is QueriedStatus.ACCEPTED
    assert by_number["F-0001"].huella == kept.huella
    assert by_number["F-0001"].total_amount == kept.total_amount
    assert by_number["F-0002"].status is QueriedStatus.CANCELLED
    only = client.query(
        QueryFilter(taxpayer=taxpayer.party, year=day.year, month=day.month, number="F-0001")
    )
    assert [record.invoice for record in only.records] == [kept.invoice]
    other_month = client.query(
        QueryFilter(taxpayer=taxpayer.party, year=day.year - 1, month=day.month)
    )
    assert other_month.records == ()


def test_endpoints_are_aeat_urls_per_environment_and_certificate_kind() -> None:
    soap = "/wlpl/TIKE-CONT/ws/SistemaFacturacion/VerifactuSOAP"
    assert endpoint(Environment.PRODUCTION) == "https://www1.agenciatributaria.gob.es" + soap
    assert (
        endpoint(Environment.PRODUCTION, CertificateKind.SEAL)
        == "https://www10.agenciatributaria.gob.es" + soap
    )
    assert endpoint(Environment.PREPRODUCTION) == "https://prewww1.aeat.es" + soap
    assert (
        endpoint(Environment.PREPRODUCTION, CertificateKind.SEAL)
        == "https://prewww10.aeat.es" + soap
    )
    url = sandbox_url("http://127.0.0.1:8000/")
    assert url == "http://127.0.0.1:8000/aeat-sandbox/VerifactuSOAP"
    assert endpoint(Environment.SANDBOX, sandbox_url=url) == url
    with pytest.raises(ValueError):
        endpoint(Environment.SANDBOX)


@pytest.fixture(scope="module")
def tls_sandbox(
    runtime: Runtime, database_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[SandboxServer, Pki]]:
    pki = make_pki(tmp_path_factory.mktemp("pki"))
    settings = make_settings(database_url, sandbox_wait_seconds=WAIT_SECONDS)
    with running_sandbox(settings, runtime.db, tls=tls_server_options(pki)) as server:
        yield server, pki


def test_mutual_tls_with_the_company_pkcs12_is_accepted(
    tls_sandbox: tuple[SandboxServer, Pki],
) -> None:
    server, pki = tls_sandbox
    context = tls.client_context(pki.client_p12, pki.client_password, cadata=pki.ca_pem)
    taxpayer = Taxpayer()

    with AeatClient(server.url, tls=context, timeout=10) as client:
        result = client.submit(taxpayer.envelope(taxpayer.alta("F-0001")))

    assert result.status is SubmissionStatus.ACCEPTED


def test_without_a_client_certificate_the_tls_server_refuses_and_stores_nothing(
    tls_sandbox: tuple[SandboxServer, Pki],
) -> None:
    server, pki = tls_sandbox
    anonymous = ssl.create_default_context(cadata=pki.ca_pem)
    taxpayer = Taxpayer()
    envelope = taxpayer.envelope(taxpayer.alta("F-0001"))

    # Under TLS 1.3 the refusal reaches the client as a dropped connection, which cannot be
    # told from a network fault: it may come out as either kind of error.
    with AeatClient(server.url, tls=anonymous, timeout=10) as client, pytest.raises(AeatError):
        client.submit(envelope)

    identified = tls.client_context(pki.client_p12, pki.client_password, cadata=pki.ca_pem)
    with httpx.Client(verify=identified, headers=SANDBOX_CONTROL) as control:
        held = control.get(f"{server.base}/control/records", params={"nif": taxpayer.nif})
    assert held.json() == {"data": []}


def test_pkcs12_with_a_wrong_password_is_refused(tls_sandbox: tuple[SandboxServer, Pki]) -> None:
    _, pki = tls_sandbox
    with pytest.raises(tls.InvalidCertificate):
        tls.client_context(pki.client_p12, "wrong")


def test_operation_of_a_cancellation_line_is_anulacion(client: AeatClient) -> None:
    taxpayer = Taxpayer()
    client.submit(taxpayer.envelope(taxpayer.alta("F-0001")))
    cancel = taxpayer.anulacion("F-0001")

    result = client.submit(taxpayer.envelope(cancel))

    line = result.line_for(cancel.invoice, Operation.CANCELLATION)
    assert line is not None and line.status is RecordStatus.ACCEPTED
    assert result.line_for(cancel.invoice) is None  # no alta line


def test_lines_by_record_find_what_line_for_finds_alta_and_anulacion_apart(
    client: AeatClient,
) -> None:
    taxpayer = Taxpayer()
    altas = [taxpayer.alta(f"F-{n:04d}") for n in range(1, 4)]
    client.submit(taxpayer.envelope(*altas))
    cancel = taxpayer.anulacion("F-0002")
    fourth = taxpayer.alta("F-0004")

    result = client.submit(taxpayer.envelope(cancel, fourth))

    lines = result.by_record()
    assert set(lines) == {
        (cancel.invoice, Operation.CANCELLATION),
        (fourth.invoice, Operation.REGISTRATION),
    }
    assert lines[(cancel.invoice, Operation.CANCELLATION)] is result.line_for(
        cancel.invoice, Operation.CANCELLATION
    )
    assert lines[(fourth.invoice, Operation.REGISTRATION)] is result.line_for(fourth.invoice)
    assert (cancel.invoice, Operation.REGISTRATION) not in lines

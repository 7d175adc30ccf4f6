"""The AEAT sandbox chains per taxpayer and installation (NumeroInstalacion), as AEAT does: two
installations of one taxpayer, interleaved in one submission, each start with PrimerRegistro
and link to their own last record; a link to the other installation's record is flagged."""

from talonario.aeat_sandbox.app import Sandbox
from talonario.aeat_sandbox.local import LocalSandbox
from talonario.runtime import Runtime
from talonario.verifactu.client import SANDBOX_PATH, AeatClient
from talonario.verifactu.responses import RecordStatus
from tests.aeat_sandbox.helpers import Taxpayer

URL = "http://127.0.0.1:8000" + SANDBOX_PATH


def test_two_installations_interleaved_in_one_submission_are_each_a_chain(
    runtime: Runtime,
) -> None:
    shop = Taxpayer(installation="TIENDA-1")
    till = Taxpayer(nif=shop.nif, installation="CAJA-1")
    records = [
        shop.alta("T-0001"),  # PrimerRegistro of TIENDA-1
        till.alta("C-0001"),  # PrimerRegistro of CAJA-1, with TIENDA-1's records held
        shop.alta("T-0002"),
        till.alta("C-0002"),
        till.anulacion("C-0001"),
        shop.alta("T-0003"),
    ]
    with AeatClient(URL, transport=LocalSandbox(runtime.settings, runtime.db)) as client:
        result = client.submit(shop.envelope(*records))
        # The next submission goes on from each chain's last record.
        later = client.submit(shop.envelope(till.alta("C-0003"), shop.alta("T-0004")))

    assert result.status == "Correcto", result
    for record in records:
        line = result.line_for(record.invoice)
        assert line is not None and line.status is RecordStatus.ACCEPTED, line
    assert later.status == "Correcto", later
    held = Sandbox(runtime.settings, runtime.db).records(shop.nif, None)
    assert {(h["number"], h["state"]) for h in held} == {
        ("T-0001", "Correcto"),
        ("T-0002", "Correcto"),
        ("T-0003", "Correcto"),
        ("T-0004", "Correcto"),
        ("C-0001", "Anulado"),
        ("C-0002", "Correcto"),
        ("C-0003", "Correcto"),
    }


def test_a_record_linked_to_another_installation_s_record_is_flagged(runtime: Runtime) -> None:
    shop = Taxpayer(installation="TIENDA-1")
    till = Taxpayer(nif=shop.nif, installation="CAJA-1")
    first = shop.alta("T-0001")
    opening = till.alta("C-0001")
    # CAJA-1's second record chained to TIENDA-1's last instead of its own: 2003.
    crossed = till.alta("C-0002", previous=first.as_previous())
    again = shop.alta("T-0002", previous=None)  # PrimerRegistro with TIENDA-1's held: 2007
    with AeatClient(URL, transport=LocalSandbox(runtime.settings, runtime.db)) as client:
        client.submit(shop.envelope(first))
        result = client.submit(shop.envelope(opening, crossed, again))

    verdicts = {line.invoice.number: (line.status, line.code) for line in result.lines}
    flagged = RecordStatus.ACCEPTED_WITH_ERRORS
    assert verdicts == {
        "C-0001": (RecordStatus.ACCEPTED, None),
        "C-0002": (flagged, 2003),
        "T-0002": (flagged, 2007),
    }

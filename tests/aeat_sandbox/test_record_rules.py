"""The sandbox answers AEAT's code for each record our pre-flight refuses (issue 11 §2), so a
client that skips the pre-flight learns the same thing; and the records the API does issue pass.
Records go as SOAP over real HTTP, as in test_sandbox.py."""

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal as D
from typing import Any

import pytest
from fastapi.testclient import TestClient
from lxml import etree

from talonario.runtime import Runtime
from talonario.verifactu import xsd
from talonario.verifactu.codes import (
    Exemption,
    IdType,
    InvoiceType,
    OperationQualification,
    RectificationType,
    VatRegime,
)
from talonario.verifactu.records import (
    BreakdownLine,
    ForeignId,
    InvoiceId,
    Party,
    RectifiedAmounts,
    SubmissionHeader,
)
from talonario.verifactu.xml import NS_SF, soap_envelope, submission_of_stored
from tests.aeat_sandbox.helpers import CLIENT, SandboxServer, Taxpayer, random_nif, vat_line
from tests.aeat_sandbox.test_sandbox import answer, lines, post
from tests.conftest import Api
from tests.fixtures.factories import create_company, invoice_body

S1 = OperationQualification.SUBJECT
GERMAN_BUYER = Party("KÄUFER GMBH", foreign_id=ForeignId(IdType.EU_VAT_NUMBER, "DE136695976"))


def exempt(
    exemption: Exemption, regime: VatRegime = VatRegime.EXPORT, **more: Any
) -> BreakdownLine:
    return BreakdownLine(exemption=exemption, regime=regime, base=D("100.00"), **more)


def untaxed(**fields: Any) -> dict[str, Any]:
    """An alta whose only line has no quota: the totals are the base."""
    return {"total_tax": D("0.00"), "total_amount": D("100.00")} | fields


def code_of(
    sandbox: SandboxServer,
    edit: Callable[[etree._Element], None] | None = None,
    **alta: Any,
) -> str | None:
    """The CodigoErrorRegistro the sandbox answers for one alta (None: Correcto); `edit` changes
    the record in the envelope first, for what our record builder refuses to build."""
    taxpayer = Taxpayer()
    envelope = taxpayer.envelope(taxpayer.alta("R-0001", **alta))
    if edit is not None:
        document = etree.fromstring(envelope)
        edit(document.find(f".//{{{NS_SF}}}RegistroAlta"))
        envelope = etree.tostring(document)
    [(_, state, code)] = lines(answer(post(sandbox, envelope), xsd.Schema.RESPONSE))
    assert (state == "Correcto") == (code is None), (state, code)
    return code


def rectifying(kind: InvoiceType, method: RectificationType) -> dict[str, Any]:
    original = InvoiceId("89890001K", "F-0001", date(2025, 1, 10))
    amounts = (
        RectifiedAmounts(D("100.00"), D("21.00"))
        if method is RectificationType.SUBSTITUTION
        else None
    )
    return {
        "invoice_type": kind,
        "rectification_type": method,
        "rectified_invoices": (original,),
        "rectified_amounts": amounts,
    }


def drop(tag: str) -> Callable[[etree._Element], None]:
    def edit(record: etree._Element) -> None:
        element = record.find(f"{{{NS_SF}}}{tag}")
        assert element is not None
        record.remove(element)

    return edit


def test_rectifying_record_without_tipo_rectificativa_is_rejected_1114(
    sandbox: SandboxServer,
) -> None:
    alta = rectifying(InvoiceType.RECTIFYING_LEGAL, RectificationType.DIFFERENCES)
    assert code_of(sandbox, **alta) is None
    assert code_of(sandbox, drop("TipoRectificativa"), **alta) == "1114"


def test_tipo_rectificativa_on_an_f1_is_rejected_1115(sandbox: SandboxServer) -> None:
    def add(record: etree._Element) -> None:
        kind = record.find(f"{{{NS_SF}}}TipoFactura")
        extra = etree.Element(f"{{{NS_SF}}}TipoRectificativa")
        extra.text = "I"
        kind.addnext(extra)

    assert code_of(sandbox, add) == "1115"


def test_substitution_without_importe_rectificacion_is_rejected_1118(
    sandbox: SandboxServer,
) -> None:
    alta = rectifying(InvoiceType.RECTIFYING_OTHER, RectificationType.SUBSTITUTION)
    assert code_of(sandbox, **alta) is None
    assert code_of(sandbox, drop("ImporteRectificacion"), **alta) == "1118"


@pytest.mark.parametrize("exemption", [Exemption.EXPORT, Exemption.EXPORT_ASSIMILATED])
def test_export_under_the_general_regime_is_rejected_1199(
    sandbox: SandboxServer, exemption: Exemption
) -> None:
    assert code_of(sandbox, **untaxed(breakdown=(exempt(exemption),))) is None
    general = exempt(exemption, VatRegime.GENERAL)
    assert code_of(sandbox, **untaxed(breakdown=(general,))) == "1199"


def test_export_regime_on_a_taxed_line_is_rejected_1286(sandbox: SandboxServer) -> None:
    line = BreakdownLine(
        regime=VatRegime.EXPORT, qualification=S1, rate=D(21), base=D("100.00"), quota=D("21.00")
    )
    assert code_of(sandbox, breakdown=(line,)) == "1286"


def test_intra_eu_supply_to_a_spanish_nif_is_rejected_1289(sandbox: SandboxServer) -> None:
    e5 = exempt(Exemption.INTRA_EU_SUPPLY, VatRegime.GENERAL)
    assert code_of(sandbox, **untaxed(breakdown=(e5,), recipients=(GERMAN_BUYER,))) is None
    assert code_of(sandbox, **untaxed(breakdown=(e5,), recipients=(CLIENT,))) == "1289"


@pytest.mark.parametrize(
    "qualification",
    [OperationQualification.NOT_SUBJECT, OperationQualification.NOT_SUBJECT_LOCATION],
)
def test_not_subject_line_with_rate_or_quota_is_rejected_1237(
    sandbox: SandboxServer, qualification: OperationQualification
) -> None:
    plain = BreakdownLine(qualification=qualification, base=D("100.00"))
    assert code_of(sandbox, **untaxed(breakdown=(plain,))) is None
    with_rate = BreakdownLine(qualification=qualification, rate=D(21), base=D("100.00"))
    assert code_of(sandbox, **untaxed(breakdown=(with_rate,))) == "1237"
    with_quota = BreakdownLine(qualification=qualification, base=D("100.00"), quota=D("21.00"))
    assert code_of(sandbox, breakdown=(with_quota,)) == "1237"


def test_exempt_line_with_a_rate_is_rejected_1238(sandbox: SandboxServer) -> None:
    line = exempt(Exemption.DOMESTIC, VatRegime.GENERAL, rate=D(21))
    assert code_of(sandbox, **untaxed(breakdown=(line,))) == "1238"


def test_reverse_charge_line_needs_rate_and_quota_zero_1198(sandbox: SandboxServer) -> None:
    s2 = OperationQualification.SUBJECT_REVERSE_CHARGE
    zero = BreakdownLine(qualification=s2, rate=D(0), base=D("100.00"), quota=D("0.00"))
    assert code_of(sandbox, **untaxed(breakdown=(zero,))) is None
    charged = BreakdownLine(qualification=s2, rate=D(21), base=D("100.00"), quota=D("0.00"))
    assert code_of(sandbox, **untaxed(breakdown=(charged,))) == "1198"


def test_taxed_line_without_quota_is_rejected_1208(sandbox: SandboxServer) -> None:
    line = BreakdownLine(qualification=S1, rate=D(21), base=D("100.00"))
    assert code_of(sandbox, **untaxed(breakdown=(line,))) == "1208"


@pytest.mark.parametrize(
    ("rate", "code"), [("12", "1124"), ("5", "1194"), ("2", "1235"), ("7.5", "1236")]
)
def test_iva_rates_outside_aeat_list_or_window_are_rejected(
    sandbox: SandboxServer, rate: str, code: str
) -> None:
    """Today is past every temporary window (spec §7.3)."""
    line = vat_line("100.00", rate)
    assert (
        code_of(sandbox, breakdown=(line,), total_tax=line.quota, total_amount=100 + line.quota)
        == code
    )


def test_temporary_rate_inside_its_window_is_accepted(sandbox: SandboxServer) -> None:
    line = vat_line("100.00", "5")
    alta = {"breakdown": (line,), "total_tax": line.quota, "total_amount": 100 + line.quota}
    assert code_of(sandbox, operation_date=date(2024, 9, 1), **alta) is None


def test_foreign_id_with_country_es_and_type_02_is_rejected_1126(sandbox: SandboxServer) -> None:
    wrong = Party("COMPRADOR", foreign_id=ForeignId(IdType.EU_VAT_NUMBER, "DE136695976", "ES"))
    assert code_of(sandbox, recipients=(wrong,)) == "1126"
    passport = Party("COMPRADOR", foreign_id=ForeignId(IdType.PASSPORT, "X1234567", "ES"))
    assert code_of(sandbox, recipients=(passport,)) is None


# --- the API's own records, changed into what the pre-flight refuses ----------------------------

ADDRESS = {"street": "Hauptstraße 1", "city": "Berlin", "country": "DE"}
BUYER = {"name": "Käufer GmbH", "foreign_id": {"id_type": "02", "id": "DE136695976"}}


def _regime(old: str, new: str) -> Callable[[str], str]:
    return lambda xml: xml.replace(
        f"<sf:ClaveRegimen>{old}</sf:ClaveRegimen>", f"<sf:ClaveRegimen>{new}</sf:ClaveRegimen>", 1
    )


def _nif_instead_of_idotro(xml: str) -> str:
    return re.sub(r"<sf:IDOtro>.*?</sf:IDOtro>", "<sf:NIF>B65410011</sf:NIF>", xml, flags=re.DOTALL)


def _without_rectification_type(xml: str) -> str:
    return re.sub(r"<sf:TipoRectificativa>.</sf:TipoRectificativa>\s*", "", xml, count=1)


def _line(**tax: Any) -> list[dict[str, Any]]:
    return [{"description": "Artículo", "quantity": 1, "unit_price": "100.00", "tax": tax}]


RECTIFY = {"type": "R1", "method": "differences", "reason": "Devolución", "issue": True}
EXPORT_TO = BUYER | {"address": ADDRESS}
# name: (the invoice the API issues, whether it is then rectified (R1), the edit our pre-flight
# would have refused, AEAT's code for it)
CASES: dict[str, tuple[dict[str, Any], bool, Callable[[str], str], str]] = {
    "E2 under regime 01": (
        {"client": EXPORT_TO, "lines": _line(exemption="E2")},
        False,
        _regime("02", "01"),
        "1199",
    ),
    "regime 02 on a taxed line": ({"lines": _line(rate=21)}, False, _regime("01", "02"), "1286"),
    "E5 to a Spanish NIF": (
        {"client": EXPORT_TO, "lines": _line(exemption="E5")},
        False,
        _nif_instead_of_idotro,
        "1289",
    ),
    "R1 without TipoRectificativa": ({}, True, _without_rectification_type, "1114"),
}


@pytest.mark.parametrize("case", CASES)
def test_an_issued_record_passes_and_the_refused_variant_gets_aeat_code(
    sandbox: SandboxServer, app_client: TestClient, runtime: Runtime, case: str
) -> None:
    invoice, rectified, edit, code = CASES[case]
    company_id, key = create_company(runtime.db, nif=random_nif())
    api = Api(app_client, company_id, key)
    issued = api.post("/v1/invoices", invoice_body(issue=True, **invoice))
    assert issued.status_code == 201, issued.text
    if rectified:
        issued = api.post(f"/v1/invoices/{issued.json()['id']}/rectify", RECTIFY)
        assert issued.status_code == 201, issued.text
    chain = api.get("/v1/verifactu/records").json()["data"]
    documents = [api.get(f"/v1/verifactu/records/{r['id']}.xml").text for r in chain]
    company = api.get("/v1/company").json()
    header = SubmissionHeader(taxpayer=Party(company["legal_name"], company["nif"]))

    def send(xml: str) -> list[tuple[str, str, str | None]]:
        envelope = soap_envelope(submission_of_stored(header, [xml]))
        return lines(answer(post(sandbox, envelope), xsd.Schema.RESPONSE))

    # The records as issued pass, in chain order; the last one, edited, is refused.
    for document in documents:
        assert [state for _, state, _ in send(document)] == ["Correcto"], document
    edited = edit(documents[-1])
    assert edited != documents[-1]
    assert [(state, got) for _, state, got in send(edited)] == [("Incorrecto", code)]

"""A company in NO VERI*FACTU: each record is XAdES-signed at creation with its certificate,
stored signed, kept (never remitted), with the NO VERI*FACTU QR; the huella chain is the same."""

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from talonario.records import remission
from talonario.runtime import Runtime
from talonario.verifactu import signing
from talonario.verifactu.xsd import Schema, validate
from tests.companies.test_certificate import TestCa, representative, upload
from tests.conftest import Api
from tests.documents.helpers import pdf_text, qr_codes_on_first_page
from tests.fixtures.factories import invoice_body

NO_VERIFACTU_QR = "https://prewww2.aeat.es/wlpl/TIKE-CONT/ValidarQRNoVerifactu?"
SIGNED_PROPERTIES = "http://uri.etsi.org/01903/v1.3.2#:SignedProperties"


@pytest.fixture(scope="module")
def ca() -> TestCa:
    return TestCa()


def go_no_verifactu(api: Api, ca: TestCa) -> None:
    nif = api.get("/v1/company").json()["nif"]
    assert upload(api, ca.issue(representative(nif))).status_code == 200
    r = api.patch("/v1/company", {"verifactu": {"mode": "no_verifactu"}})
    assert r.status_code == 200, r.text


def issue(api: Api, **overrides: Any) -> dict[str, Any]:
    r = api.post("/v1/invoices", invoice_body(issue=True, **overrides))
    assert r.status_code == 201, r.text
    return r.json()


def xmlsec1(document: bytes, ca: TestCa, tmp_path: Path) -> int:
    assert shutil.which("xmlsec1"), "xmlsec1 is missing: apt-get install xmlsec1"
    (tmp_path / "record.xml").write_bytes(document)
    (tmp_path / "ca.pem").write_text(ca.pem)
    trusted, record = str(tmp_path / "ca.pem"), str(tmp_path / "record.xml")
    run = subprocess.run(
        [
            "xmlsec1",
            "--verify",
            "--trusted-pem",
            trusted,
            "--id-attr:Id",
            SIGNED_PROPERTIES,
            record,
        ],
        capture_output=True,
        check=False,
    )
    return run.returncode


def test_records_are_signed_kept_and_carry_the_no_verifactu_qr(
    api: Api, ca: TestCa, runtime: Runtime, tmp_path: Path
) -> None:
    go_no_verifactu(api, ca)
    first, second = issue(api), issue(api)
    assert second["verifactu"]["status"] == "kept"
    assert second["verifactu"]["qr_url"].startswith(NO_VERIFACTU_QR)
    assert f"numserie={second['number']}" in second["verifactu"]["qr_url"]

    chain = api.get("/v1/verifactu/records").json()["data"]
    assert [r["status"] for r in chain] == ["kept", "kept"]
    assert chain[1]["previous_huella"] == chain[0]["huella"]  # the same huella chain
    assert api.get("/v1/verifactu/chain/verify").json()["valid"] is True

    for record in chain:
        xml = api.get(record["xml_url"]).content
        validate(xml, Schema.RECORDS)  # valid with its ds:Signature
        assert b"<ds:Signature" in xml and record["huella"].encode() in xml
        verified = signing.verify_enveloped(xml)
        assert verified.policy == signing.AGE_POLICY_OID
        assert xmlsec1(xml, ca, tmp_path) == 0
        altered = xml.replace(record["huella"].encode(), b"0" * 64, 1)
        with pytest.raises(signing.SignatureInvalid):
            signing.verify_enveloped(altered)
        assert xmlsec1(altered, ca, tmp_path) != 0

    # The worker has nothing to send: kept records are not due.
    assert api.get("/v1/verifactu/status").json()["pending"] == 0
    assert remission.remit(runtime.db, runtime.settings, api.company_id) is None
    assert api.get(f"/v1/invoices/{first['id']}").json()["verifactu"]["status"] == "kept"


def test_a_void_is_a_signed_kept_anulacion(api: Api, ca: TestCa, tmp_path: Path) -> None:
    go_no_verifactu(api, ca)
    invoice = issue(api)
    r = api.post(f"/v1/invoices/{invoice['id']}/void", {"reason": "issued by mistake"})
    assert r.status_code == 200, r.text
    records = api.get(f"/v1/invoices/{invoice['id']}/verifactu").json()["data"]
    assert [(x["kind"], x["status"]) for x in records] == [("alta", "kept"), ("anulacion", "kept")]
    xml = api.get(records[1]["xml_url"]).content
    validate(xml, Schema.RECORDS)
    assert b"<sf:RegistroAnulacion" in xml
    signing.verify_enveloped(xml)
    assert xmlsec1(xml, ca, tmp_path) == 0


def test_without_a_certificate_a_no_verifactu_company_cannot_issue(api: Api, ca: TestCa) -> None:
    go_no_verifactu(api, ca)
    assert api.delete("/v1/company/certificate").status_code == 204
    r = api.post("/v1/invoices", invoice_body(issue=True))
    assert r.status_code == 422, r.text
    assert r.json()["error"]["code"] == "certificate_required"
    assert api.get("/v1/verifactu/records").json()["data"] == []


def test_the_pdf_has_the_no_verifactu_qr_and_no_verifactu_legend(
    api: Api, ca: TestCa, tmp_path: Path
) -> None:
    go_no_verifactu(api, ca)
    invoice = issue(api)
    pdf = api.get(f"/v1/invoices/{invoice['id']}/pdf")
    assert pdf.status_code == 200, pdf.text
    text = pdf_text(pdf.content, tmp_path)
    assert "QR tributario:" in text and invoice["number"] in text
    assert "VERI*FACTU" not in text and "verificable" not in text
    assert qr_codes_on_first_page(pdf.content, tmp_path) == [invoice["verifactu"]["qr_url"]]
    assert invoice["verifactu"]["qr_url"].startswith(NO_VERIFACTU_QR)


def test_back_to_verifactu_regularises_what_was_kept_and_the_worker_sends_it(
    api: Api, ca: TestCa, runtime: Runtime
) -> None:
    go_no_verifactu(api, ca)
    kept_alta, voided = issue(api), issue(api)
    assert api.post(f"/v1/invoices/{voided['id']}/void", {"reason": "duplicada"}).status_code == 200
    back = api.patch("/v1/company", {"verifactu": {"mode": "verifactu"}})
    assert back.status_code == 200, back.text

    chain = api.get("/v1/verifactu/records").json()["data"]
    assert [(r["kind"], r["status"]) for r in chain] == [
        ("alta", "kept"),
        ("alta", "kept"),
        ("anulacion", "kept"),
        ("alta", "pending"),  # the kept alta, as an alta de subsanación sin registro previo
        ("anulacion", "pending"),  # the kept anulación, sin registro previo
    ]
    assert [r["invoice"] for r in chain[3:]] == [kept_alta["id"], voided["id"]]
    assert all(chain[i]["previous_huella"] == chain[i - 1]["huella"] for i in range(1, 5))
    alta = api.get(chain[3]["xml_url"]).content
    assert b"<sf:Subsanacion>S</sf:Subsanacion>" in alta
    assert b"<sf:RechazoPrevio>X</sf:RechazoPrevio>" in alta
    assert b"<ds:Signature" not in alta and b"<sf:TipoUsoPosibleSoloVerifactu>N<" in alta
    anulacion = api.get(chain[4]["xml_url"]).content
    assert b"<sf:SinRegistroPrevio>S</sf:SinRegistroPrevio>" in anulacion
    invoice = api.get(f"/v1/invoices/{kept_alta['id']}").json()["verifactu"]
    assert invoice["status"] == "pending"

    submission = remission.remit(runtime.db, runtime.settings, api.company_id)
    assert submission is not None and submission.records == 2, submission
    chain = api.get("/v1/verifactu/records").json()["data"]
    assert [r["status"] for r in chain] == ["kept"] * 3 + ["accepted"] * 2

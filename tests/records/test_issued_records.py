"""Issuing through the API chains a VERI*FACTU record whose XML, huella and QR a user can check."""

import io

import zxingcpp
from PIL import Image

from talonario.models import VerifactuRecordDocument
from talonario.runtime import Runtime
from talonario.verifactu.xsd import Schema, validate
from tests.conftest import Api
from tests.fixtures.factories import invoice_body


def issue(api: Api, **overrides: object) -> dict:
    r = api.post("/v1/invoices", invoice_body(issue=True, **overrides))
    assert r.status_code == 201, r.text
    return r.json()


def test_issued_invoice_carries_its_pending_record(api: Api) -> None:
    invoice = issue(api)
    vf = invoice["verifactu"]
    assert vf["status"] == "pending"
    assert len(vf["huella"]) == 64 and vf["huella"] == vf["huella"].upper()
    assert vf["qr_url"].startswith("https://prewww2.aeat.es/wlpl/TIKE-CONT/ValidarQR?")
    assert f"numserie={invoice['number']}" in vf["qr_url"]
    assert "importe=386.73" in vf["qr_url"]
    assert vf["generated_at"]
    draft = api.post("/v1/invoices", invoice_body()).json()
    assert draft["verifactu"] is None
    assert api.get(f"/v1/invoices/{draft['id']}/qr-image").status_code == 404


def test_record_xml_is_valid_against_the_aeat_schema(api: Api) -> None:
    invoice = issue(api)
    simplified = issue(api, type="F2", client=None)
    for inv in (invoice, simplified):
        records = api.get(f"/v1/invoices/{inv['id']}/verifactu").json()["data"]
        assert [r["kind"] for r in records] == ["alta"]
        xml = api.get(records[0]["xml_url"])
        assert xml.headers["content-type"].startswith("application/xml")
        validate(xml.content, Schema.RECORDS)
        assert inv["number"].encode() in xml.content
        assert records[0]["huella"].encode() in xml.content


def test_chain_links_each_record_to_the_one_before(api: Api) -> None:
    invoices = [issue(api) for _ in range(3)]
    chain = api.get("/v1/verifactu/records").json()["data"]
    assert [r["sequence"] for r in chain] == [1, 2, 3]
    assert [r["invoice"] for r in chain] == [i["id"] for i in invoices]
    assert chain[0]["previous_huella"] is None
    assert chain[1]["previous_huella"] == chain[0]["huella"]
    assert chain[2]["previous_huella"] == chain[1]["huella"]
    page = api.get("/v1/verifactu/records", params={"limit": 2}).json()
    assert page["has_more"] is True
    rest = api.get("/v1/verifactu/records", params={"starting_after": page["data"][-1]["id"]})
    assert [r["sequence"] for r in rest.json()["data"]] == [3]
    report = api.get("/v1/verifactu/chain/verify").json()
    assert (report["valid"], report["records"], report["first_break"]) == (True, 3, None)


def test_chain_verification_finds_a_tampered_record(api: Api, runtime: Runtime) -> None:
    issue(api)
    second = issue(api)
    issue(api)
    with runtime.db.write_session() as s:
        row = s.get(VerifactuRecordDocument, second["verifactu"]["record"])
        assert row is not None
        row.xml = row.xml.replace("<sf:ImporteTotal>386.73<", "<sf:ImporteTotal>386.74<")
        s.commit()
    report = api.get("/v1/verifactu/chain/verify").json()
    assert report["valid"] is False
    assert report["first_break"]["sequence"] == 2
    assert "content" in report["first_break"]["reason"]


def test_qr_png_decodes_to_the_invoice_qr_url(api: Api, runtime: Runtime) -> None:
    invoice = issue(api)
    r = api.get(f"/v1/invoices/{invoice['id']}/qr-image")
    assert r.status_code == 200 and r.headers["content-type"] == "image/png"
    decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(r.content)))
    assert [b.text for b in decoded] == [invoice["verifactu"]["qr_url"]]
    with runtime.db.read_session() as s:
        stored = s.get(VerifactuRecordDocument, invoice["verifactu"]["record"])
        assert stored is not None and stored.qr_png == r.content
    assert api.get(f"/v1/invoices/{invoice['id']}/qr-image").content == r.content
    svg = api.get(f"/v1/invoices/{invoice['id']}/qr-image", params={"format": "svg"})
    assert svg.headers["content-type"].startswith("image/svg+xml") and b"<svg" in svg.content


def test_records_of_another_company_are_not_found(api: Api, other_api: Api) -> None:
    invoice = issue(api)
    record = invoice["verifactu"]["record"]
    assert other_api.get(f"/v1/verifactu/records/{record}.xml").status_code == 404
    assert other_api.get(f"/v1/invoices/{invoice['id']}/verifactu").status_code == 404
    assert other_api.get("/v1/verifactu/chain/verify").json()["records"] == 0


def test_invoices_filter_by_verifactu_status(api: Api) -> None:
    issued = issue(api)
    api.post("/v1/invoices", invoice_body())
    found = api.get("/v1/invoices", params={"verifactu_status": "pending"}).json()["data"]
    assert [i["id"] for i in found] == [issued["id"]]

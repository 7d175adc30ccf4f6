"""Reading records and QRs as a user would: after a void, in the format asked for, as AEAT XML."""

import io

import pytest
import zxingcpp
from lxml import etree
from PIL import Image

from talonario.records import repository
from talonario.runtime import Runtime
from talonario.verifactu.xml import NS_SF, NS_SUM
from talonario.verifactu.xsd import Schema, validate
from tests.conftest import Api
from tests.fixtures.factories import invoice_body

_NS = {"sum": NS_SUM, "sf": NS_SF}


def issue(api: Api, **overrides: object) -> dict:
    r = api.post("/v1/invoices", invoice_body(issue=True, **overrides))
    assert r.status_code == 201, r.text
    return r.json()


def decoded(png: bytes) -> list[str]:
    return [b.text for b in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


# --- QR image -----------------------------------------------------------------------------------


def test_qr_of_a_voided_invoice_is_still_its_altas_qr(api: Api) -> None:
    invoice = issue(api)
    url = invoice["verifactu"]["qr_url"]
    before = api.get(f"/v1/invoices/{invoice['id']}/qr-image")
    assert before.status_code == 200
    voided = api.post(f"/v1/invoices/{invoice['id']}/void", {"reason": "Emitida por error"})
    assert voided.status_code == 200, voided.text
    after = api.get(f"/v1/invoices/{invoice['id']}/qr-image")
    assert after.status_code == 200, after.text
    assert after.headers["content-type"] == "image/png"
    assert decoded(after.content) == [url]
    svg = api.get(f"/v1/invoices/{invoice['id']}/qr-image", params={"format": "svg"})
    assert svg.status_code == 200 and b"<svg" in svg.content


def test_qr_image_honours_accept_svg(api: Api) -> None:
    invoice = issue(api)
    path = f"/v1/invoices/{invoice['id']}/qr-image"
    svg = api.get(path, headers={"Accept": "image/svg+xml"})
    assert svg.status_code == 200
    assert svg.headers["content-type"].startswith("image/svg+xml") and b"<svg" in svg.content
    # The query parameter wins over the header; a browser's generic Accept gets the PNG.
    png = api.get(path, params={"format": "png"}, headers={"Accept": "image/svg+xml"})
    assert png.headers["content-type"] == "image/png"
    browser = api.get(path, headers={"Accept": "image/avif,image/webp,image/png,*/*;q=0.8"})
    assert browser.headers["content-type"] == "image/png"
    preferred = api.get(path, headers={"Accept": "image/png;q=0.5, image/svg+xml"})
    assert preferred.headers["content-type"].startswith("image/svg+xml")
    assert api.get(path, headers={"Accept": "*/*"}).headers["content-type"] == "image/png"


# --- the chain as AEAT XML ----------------------------------------------------------------------


def _records(document: bytes) -> list[etree._Element]:
    root = etree.fromstring(document)
    assert root.tag == f"{{{NS_SUM}}}RegFactuSistemaFacturacion"
    return root.findall("sum:RegistroFactura", _NS)


def _numbers(document: bytes) -> list[str]:
    found = []
    for record in _records(document):
        element = record[0]
        tag = "NumSerieFactura" if element.tag.endswith("Alta") else "NumSerieFacturaAnulada"
        found.append(element.findtext(f"sf:IDFactura/sf:{tag}", None, _NS))
    return found


def test_records_as_xml_are_one_valid_aeat_document(api: Api) -> None:
    first = issue(api)
    second = issue(api)
    api.post(f"/v1/invoices/{first['id']}/void", {"reason": "Emitida por error"})
    r = api.get("/v1/verifactu/records", params={"format": "xml"})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/xml")
    assert "content-length" not in r.headers  # streamed, not built whole first
    validate(r.content, Schema.SUBMISSION)
    assert _numbers(r.content) == [first["number"], second["number"], first["number"]]
    root = etree.fromstring(r.content)
    header = root.find("sum:Cabecera/sf:ObligadoEmision", _NS)
    assert header is not None
    assert header.findtext("sf:NIF", None, _NS) == first["issuer"]["nif"]
    assert header.findtext("sf:NombreRazon", None, _NS) == first["issuer"]["legal_name"]
    assert root.find("sum:Cabecera/sf:RemisionVoluntaria", _NS) is None
    # One RegistroFactura per record of the chain, in its order, each with its huella.
    chain = api.get("/v1/verifactu/records").json()["data"]
    for record, listed in zip(_records(r.content), chain, strict=True):
        assert record[0].findtext("sf:Huella", None, _NS) == listed["huella"]
    assert r.headers["talonario-has-more"] == "false"
    assert "talonario-next-starting-after" not in r.headers


def test_records_as_xml_follow_the_cursor_of_the_list(api: Api) -> None:
    invoices = [issue(api) for _ in range(5)]
    numbers = [i["number"] for i in invoices]
    first = api.get("/v1/verifactu/records", params={"format": "xml", "limit": 2})
    assert first.status_code == 200
    validate(first.content, Schema.SUBMISSION)
    assert _numbers(first.content) == numbers[:2]
    assert first.headers["talonario-has-more"] == "true"
    cursor = first.headers["talonario-next-starting-after"]
    chain = api.get("/v1/verifactu/records").json()["data"]
    assert cursor == chain[1]["id"]
    rest = api.get(
        "/v1/verifactu/records", params={"format": "xml", "limit": 3, "starting_after": cursor}
    )
    validate(rest.content, Schema.SUBMISSION)
    assert _numbers(rest.content) == numbers[2:]
    assert rest.headers["talonario-has-more"] == "false"


def test_the_xml_is_read_a_batch_at_a_time(api: Api, runtime: Runtime) -> None:
    invoices = [issue(api) for _ in range(5)]
    pages = list(repository.stored_xml(runtime.db, api.company_id, 1, 5, batch=2))
    assert [len(p) for p in pages] == [2, 2, 1]
    huellas = [
        etree.fromstring(d.encode()).findtext("sf:Huella", None, _NS) for p in pages for d in p
    ]
    assert huellas == [i["verifactu"]["huella"] for i in invoices]


def test_records_as_xml_allow_aeats_thousand_and_no_more(api: Api) -> None:
    issue(api)
    r = api.get("/v1/verifactu/records", params={"format": "xml", "limit": 1000})
    assert r.status_code == 200
    validate(r.content, Schema.SUBMISSION)
    over = api.get("/v1/verifactu/records", params={"format": "xml", "limit": 1001})
    assert over.status_code == 422 and over.json()["error"]["param"] == "limit"
    json_over = api.get("/v1/verifactu/records", params={"limit": 101})
    assert json_over.status_code == 422 and json_over.json()["error"]["param"] == "limit"


def test_an_empty_chain_has_no_xml_document(api: Api) -> None:
    r = api.get("/v1/verifactu/records", params={"format": "xml"})
    assert r.status_code == 404
    assert r.json()["error"]["code"] == "no_records"
    issue(api)
    last = api.get("/v1/verifactu/records").json()["data"][-1]["id"]
    after = api.get("/v1/verifactu/records", params={"format": "xml", "starting_after": last})
    assert after.status_code == 404


@pytest.mark.parametrize("value", ["csv", "XML", ""])
def test_records_format_is_json_or_xml(api: Api, value: str) -> None:
    r = api.get("/v1/verifactu/records", params={"format": value})
    assert r.status_code == 422 and r.json()["error"]["param"] == "format"

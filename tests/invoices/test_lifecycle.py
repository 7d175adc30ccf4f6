"""Void, rectify and substitute: each produces the record AEAT expects, valid against its XSD,
and anything AEAT would reject is refused before a number or a record is written."""

from decimal import Decimal
from typing import Any

from lxml import etree

from talonario.verifactu.xsd import Schema, validate
from tests.conftest import Api
from tests.fixtures.factories import invoice_body

SF = "{https://www2.agenciatributaria.gob.es/static_files/common/internet/dep/aplicaciones/es/aeat/tike/cont/ws/SuministroInformacion.xsd}"


def issue(api: Api, **overrides: Any) -> dict[str, Any]:
    r = api.post("/v1/invoices", invoice_body(issue=True, **overrides))
    assert r.status_code == 201, r.text
    return r.json()


def simplified(api: Api, **overrides: Any) -> dict[str, Any]:
    return issue(api, type="F2", client=None, **overrides)


def latest_record(api: Api, invoice: dict[str, Any]) -> tuple[dict[str, Any], etree._Element]:
    records = api.get(f"/v1/invoices/{invoice['id']}/verifactu").json()["data"]
    xml = api.get(records[-1]["xml_url"]).content
    validate(xml, Schema.RECORDS)
    return records[-1], etree.fromstring(xml)


def text(root: etree._Element, path: str) -> list[str]:
    return [e.text for e in root.iter(SF + path)]


def chain_is_valid(api: Api, records: int) -> None:
    report = api.get("/v1/verifactu/chain/verify").json()
    assert (report["valid"], report["records"], report["first_break"]) == (True, records, None)


# --- void ---------------------------------------------------------------------------------------


def test_void_appends_an_anulacion_record_and_the_chain_continues(api: Api) -> None:
    invoice = issue(api)
    r = api.post(f"/v1/invoices/{invoice['id']}/void", {"reason": "Emitida por error"})
    assert r.status_code == 200, r.text
    voided = r.json()
    assert voided["status"] == "voided"
    assert voided["void_reason"] == "Emitida por error"
    assert voided["voided_at"] is not None
    assert voided["pending_amount"] == 0
    record, root = latest_record(api, invoice)
    assert record["kind"] == "anulacion"
    assert root.tag == SF + "RegistroAnulacion"
    assert text(root, "NumSerieFacturaAnulada") == [invoice["number"]]
    # Chained to the alta it cancels.
    assert record["previous_huella"] == invoice["verifactu"]["huella"]
    after = issue(api)
    chain = api.get("/v1/verifactu/records").json()["data"]
    assert [r["kind"] for r in chain] == ["alta", "anulacion", "alta"]
    assert chain[2]["invoice"] == after["id"]
    chain_is_valid(api, 3)


def test_void_is_refused_for_drafts_paid_and_already_voided_invoices(api: Api) -> None:
    draft = api.post("/v1/invoices", invoice_body()).json()
    r = api.post(f"/v1/invoices/{draft['id']}/void", {"reason": "x"})
    assert r.status_code == 409 and r.json()["error"]["code"] == "invoice_not_issued"
    paid = issue(api)
    api.post(f"/v1/invoices/{paid['id']}/payments", {"amount": "10.00", "date": "2026-01-05"})
    r = api.post(f"/v1/invoices/{paid['id']}/void", {"reason": "x"})
    assert r.status_code == 409 and r.json()["error"]["code"] == "invoice_has_payments"
    invoice = issue(api)
    assert api.post(f"/v1/invoices/{invoice['id']}/void", {"reason": "x"}).status_code == 200
    r = api.post(f"/v1/invoices/{invoice['id']}/void", {"reason": "x"})
    assert r.status_code == 409 and r.json()["error"]["code"] == "invoice_voided"
    r = api.post(f"/v1/invoices/{invoice['id']}/payments", {"amount": "1.00"})
    assert r.status_code in (409, 422)
    r = api.post(f"/v1/invoices/{invoice['id']}/void", {})
    assert r.status_code == 422 and r.json()["error"]["param"] == "reason"
    # Refusals wrote nothing: two altas and one anulación.
    assert len(api.get("/v1/verifactu/records").json()["data"]) == 3


# --- rectify ------------------------------------------------------------------------------------


def test_rectify_by_differences_defaults_to_the_whole_invoice_negated(api: Api) -> None:
    original = issue(api)
    r = api.post(
        f"/v1/invoices/{original['id']}/rectify",
        {"type": "R1", "method": "differences", "reason": "Devolución total", "issue": True},
    )
    assert r.status_code == 201, r.text
    credit = r.json()
    assert credit["type"] == "R1"
    assert credit["series"]["code"] == "R"
    assert Decimal(str(credit["total"])) == Decimal("-386.73")
    assert credit["client"]["nif"] == original["client"]["nif"]
    assert credit["corrective"]["method"] == "differences"
    assert credit["corrective"]["rectified_invoices"][0]["number"] == original["number"]
    assert credit["corrective"]["rectified_amounts"] is None
    _, root = latest_record(api, credit)
    assert text(root, "TipoFactura") == ["R1"]
    assert text(root, "TipoRectificativa") == ["I"]
    assert text(root, "ImporteTotal") == ["-386.73"]
    rectified = root.find(f".//{SF}FacturasRectificadas")
    assert rectified is not None and original["number"] in etree.tostring(rectified).decode()
    assert root.find(f".//{SF}ImporteRectificacion") is None
    chain_is_valid(api, 2)


def test_rectify_by_substitution_carries_the_original_amounts(api: Api) -> None:
    original = issue(api)
    body = {
        "type": "R1",
        "method": "substitution",
        "reason": "Precio mal aplicado",
        "lines": [{"description": "Consultoría", "quantity": 3, "unit_price": "90.00"}],
        "issue": True,
    }
    credit = api.post(f"/v1/invoices/{original['id']}/rectify", body).json()
    assert credit["total"] == 326.7  # 270.00 + 21 % = 326.70: the new complete amounts
    amounts = credit["corrective"]["rectified_amounts"]
    assert (amounts["base"], amounts["quota"]) == (326.0, 60.73)
    _, root = latest_record(api, credit)
    assert text(root, "TipoRectificativa") == ["S"]
    assert text(root, "BaseRectificada") == ["326.00"]
    assert text(root, "CuotaRectificada") == ["60.73"]


def test_rectify_several_originals_at_once(api: Api) -> None:
    first, second = issue(api), issue(api)
    credit = api.post(
        f"/v1/invoices/{first['id']}/rectify",
        {
            "type": "R4",
            "method": "differences",
            "reason": "Rappel",
            "also_rectifies": [second["id"]],
            "issue": True,
        },
    ).json()
    # One invoice over both: the quotas are rounded once per breakdown row (2 × 58.905 = 117.81),
    # not once per original (2 × 58.91), so the credit is a cent less than 2 × 386.73.
    assert Decimal(str(credit["total"])) == Decimal("-773.45")
    _, root = latest_record(api, credit)
    rectified = root.find(f".//{SF}FacturasRectificadas")
    assert rectified is not None
    assert text(rectified, "NumSerieFactura") == [first["number"], second["number"]]


def test_r5_only_for_simplified_originals_and_without_recipient(api: Api) -> None:
    complete = issue(api)
    r = api.post(
        f"/v1/invoices/{complete['id']}/rectify",
        {"type": "R5", "method": "differences", "reason": "x"},
    )
    assert r.status_code == 422 and r.json()["error"]["param"] == "type"
    ticket = simplified(api)
    credit = api.post(
        f"/v1/invoices/{ticket['id']}/rectify",
        {"type": "R5", "method": "differences", "reason": "Devolución", "issue": True},
    ).json()
    assert credit["type"] == "R5" and credit["client"] is None
    _, root = latest_record(api, credit)
    assert text(root, "TipoFactura") == ["R5"]
    assert root.find(f".//{SF}Destinatarios") is None
    # R1 of a ticket that names nobody needs a recipient.
    r = api.post(
        f"/v1/invoices/{ticket['id']}/rectify",
        {"type": "R1", "method": "differences", "reason": "x"},
    )
    assert r.status_code == 422 and r.json()["error"]["param"] == "client"


def test_rectify_refuses_drafts_and_writes_nothing(api: Api) -> None:
    draft = api.post("/v1/invoices", invoice_body()).json()
    r = api.post(
        f"/v1/invoices/{draft['id']}/rectify",
        {"type": "R1", "method": "differences", "reason": "x"},
    )
    assert r.status_code == 409
    assert api.get("/v1/invoices", params={"type": "R1"}).json()["data"] == []


def test_corrective_draft_is_issued_later_in_the_corrective_series(api: Api) -> None:
    original = issue(api)
    draft = api.post(
        f"/v1/invoices/{original['id']}/rectify",
        {"type": "R1", "method": "substitution", "reason": "Error"},
    ).json()
    assert draft["status"] == "draft" and draft["number"] is None
    assert Decimal(str(draft["total"])) == 0  # substitution by zero amounts: all cancelled
    r = api.patch(f"/v1/invoices/{draft['id']}", {"type": "F1"})
    assert r.status_code == 422 and r.json()["error"]["param"] == "type"
    issued = api.post(f"/v1/invoices/{draft['id']}/issue").json()
    assert issued["number"].startswith("R")
    _, root = latest_record(api, issued)
    assert text(root, "BaseRectificada") == ["326.00"]


# --- simplified (F2) and substitution (F3) -----------------------------------------------------


def test_f2_over_its_limit_is_refused_and_an_activity_raises_it(api: Api) -> None:
    big = {"lines": [{"description": "Cena", "quantity": 1, "unit_price": "900.00"}]}
    r = api.post("/v1/invoices", invoice_body(issue=True, type="F2", client=None, **big))
    assert r.status_code == 422
    error = r.json()["error"]
    assert error["code"] == "simplified_not_allowed" and error["param"] == "type"
    assert "art. 4.1.a" in error["message"]
    assert api.get("/v1/invoices").json()["data"] == []
    ok = issue(api, type="F2", client=None, activity="hospitality", **big)
    assert ok["activity"] == "hospitality" and ok["status"] == "issued"


def test_f2_naming_its_recipient_is_recorded_as_f1_art_7273(api: Api) -> None:
    ticket = issue(api, type="F2")  # the default body names a client with a NIF
    assert ticket["type"] == "F2"
    _, root = latest_record(api, ticket)
    assert text(root, "TipoFactura") == ["F1"]
    assert text(root, "FacturaSimplificadaArt7273") == ["S"]
    assert root.find(f".//{SF}Destinatarios") is not None


def test_f3_substitutes_simplified_invoices_once(api: Api) -> None:
    t1, t2 = simplified(api), simplified(api)
    f3 = issue(api, type="F3", substitutes=[t1["id"], t2["id"]])
    assert [s["number"] for s in f3["substitutes"]] == [t1["number"], t2["number"]]
    _, root = latest_record(api, f3)
    assert text(root, "TipoFactura") == ["F3"]
    replaced = root.find(f".//{SF}FacturasSustituidas")
    assert replaced is not None
    assert t1["number"] in etree.tostring(replaced).decode()
    assert api.get(f"/v1/invoices/{t1['id']}").json()["substituted_by"] == f3["id"]
    again = api.post("/v1/invoices", invoice_body(issue=True, type="F3", substitutes=[t1["id"]]))
    assert again.status_code == 409
    assert again.json()["error"]["param"] == "substitutes.0"
    lonely = api.post("/v1/invoices", invoice_body(issue=True, type="F3"))
    assert lonely.status_code == 422 and lonely.json()["error"]["param"] == "substitutes"
    wrong = api.post("/v1/invoices", invoice_body(type="F3", substitutes=[f3["id"]]))
    assert wrong.status_code == 422 and wrong.json()["error"]["param"] == "substitutes.0"
    # Voiding the F3 frees its tickets.
    api.post(f"/v1/invoices/{f3['id']}/void", {"reason": "Duplicada"})
    assert api.get(f"/v1/invoices/{t1['id']}").json()["substituted_by"] is None


# --- pre-flight ---------------------------------------------------------------------------------


def test_preflight_refuses_what_aeat_would_reject_and_writes_nothing(api: Api) -> None:
    cases = [
        ({"issued_on": "2024-10-27"}, "issued_on"),
        ({"issued_on": "2025-03-01", "operation_date": "2025-03-05"}, "operation_date"),
        (
            {
                "lines": [
                    {
                        "description": f"L{i}",
                        "unit_price": "1.00",
                        "tax": {"rate": 21, "regime": f"{r:02}"},
                    }
                    for i, r in enumerate([1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 17])
                ]
            },
            "lines",
        ),
        ({"type": "F1", "client": {"name": "Sin NIF"}}, "client"),
    ]
    for overrides, param in cases:
        r = api.post("/v1/invoices", invoice_body(issue=True, **overrides))
        assert r.status_code == 422, (overrides, r.text)
        assert r.json()["error"]["param"].startswith(param), (overrides, r.json())
    assert api.get("/v1/invoices").json()["data"] == []
    assert api.get("/v1/verifactu/records").json()["data"] == []
    series = api.get("/v1/series", params={"kind": "standard"}).json()["data"][0]
    assert series["next_number"] == 1


def test_simplified_eligibility_answers_per_rd_1619_art_4(api: Api) -> None:
    def ask(**body: Any) -> dict[str, Any]:
        r = api.post("/v1/invoices/simplified-eligibility", body)
        assert r.status_code == 200, r.text
        return r.json()

    assert ask(total="400.00")["eligible"] is True
    general = ask(total="400.01")
    assert general["eligible"] is False and general["limit"] == 400
    assert general["legal_basis"] == "RD 1619/2012 art. 4.1.a"
    assert ask(total="3000.00", activity="retail")["eligible"] is True
    assert ask(total="3000.01", activity="toll_roads")["eligible"] is False
    rectifying = ask(total="10000.00", rectifies=True)
    assert rectifying["eligible"] is True and rectifying["limit"] is None
    r = api.post("/v1/invoices/simplified-eligibility", {"total": "1", "activity": "mining"})
    assert r.status_code == 422 and r.json()["error"]["param"] == "activity"

"""Numbering series: defaults, formats, the numbers invoices get, and what stays fixed."""

from typing import Any

import pytest

from talonario.runtime import Runtime
from talonario.series.service import assign_number
from tests.conftest import Api
from tests.fixtures.factories import invoice_body


def all_series(api: Api) -> list[dict[str, Any]]:
    r = api.get("/v1/series", params={"limit": 100})
    assert r.status_code == 200, r.text
    return r.json()["data"]  # type: ignore[no-any-return]


def create_series(api: Api, **fields: Any) -> dict[str, Any]:
    r = api.post("/v1/series", fields)
    assert r.status_code == 201, r.text
    return r.json()  # type: ignore[no-any-return]


def issue(api: Api, **overrides: Any) -> dict[str, Any]:
    r = api.post("/v1/invoices", invoice_body(issue=True, **overrides))
    assert r.status_code == 201, r.text
    return r.json()  # type: ignore[no-any-return]


def test_new_company_has_a_default_series_of_each_kind(api: Api) -> None:
    series = all_series(api)
    assert sorted((s["code"], s["kind"], s["default"]) for s in series) == [
        ("F", "standard", True),
        ("R", "corrective", True),
        ("S", "simplified", True),
    ]
    assert all(s["next_number"] == 1 and s["object"] == "series" for s in series)


def test_list_filters_by_kind(api: Api) -> None:
    r = api.get("/v1/series", params={"kind": "simplified"})
    assert [s["code"] for s in r.json()["data"]] == ["S"]


def test_invoice_issued_in_a_custom_series_takes_its_format_and_next_number(api: Api) -> None:
    series = create_series(api, code="WEB", format="{code}/{number:04}", next_number=7)
    assert series["kind"] == "standard" and series["default"] is False
    invoice = issue(api, series="WEB")
    assert invoice["number"] == "WEB/0007"
    assert invoice["series"] == {"id": series["id"], "code": "WEB"}
    assert issue(api, series=series["id"])["number"] == "WEB/0008"
    assert api.get(f"/v1/series/{series['id']}").json()["next_number"] == 9


def test_default_series_numbers_with_the_year(api: Api) -> None:
    first = issue(api)
    year = first["issued_on"][:4]
    assert first["number"] == f"F{year}-00001"
    assert issue(api)["number"] == f"F{year}-00002"


@pytest.mark.parametrize(
    "fmt",
    [
        "{foo}-{number}",
        "{code}-{year}",
        "{code.__class__}-{number}",
        "{code[0]}-{number}",
        "{number!r}",
        "{code}-{number:>5}",
        "{code}-{number",
    ],
    ids=[
        "unknown-field",
        "no-number",
        "attribute",
        "index",
        "conversion",
        "spec",
        "unbalanced",
    ],
)
def test_format_with_anything_but_code_year_number_is_refused(api: Api, fmt: str) -> None:
    r = api.post("/v1/series", {"code": "X", "format": fmt})
    assert r.status_code == 422, r.text
    assert r.json()["error"]["type"] == "invalid_request_error"
    assert r.json()["error"]["param"] == "format"
    assert "X" not in [s["code"] for s in all_series(api)]


def test_format_that_renders_a_character_aeat_forbids_is_refused(api: Api) -> None:
    r = api.post("/v1/series", {"code": "X", "format": "<{code}>{number}"})
    assert r.status_code == 422
    assert r.json()["error"]["param"] == "format"


def test_series_whose_numbers_would_pass_60_characters_issues_nothing(api: Api) -> None:
    # AEAT NumSerieFactura has at most 60 characters; the format alone (27) looks harmless.
    code = "ABCDEFGHIJKLMNOPQRST"
    r = api.post("/v1/series", {"code": code, "format": "{code}{code}{code}-{number}"})
    if r.status_code == 201:
        issued = api.post("/v1/invoices", invoice_body(series=code, issue=True))
        assert issued.status_code == 422, issued.text
        assert issued.json()["error"]["param"] == "series"
    else:
        assert r.status_code == 422, r.text
        assert r.json()["error"]["param"] in ("format", "code")
    assert all(len(i["number"] or "") <= 60 for i in api.get("/v1/invoices").json()["data"])


def test_yearly_reset_without_year_in_the_format_is_refused(api: Api) -> None:
    r = api.post("/v1/series", {"code": "Y", "format": "{code}-{number:05}", "reset_yearly": True})
    assert r.status_code == 422, r.text
    assert r.json()["error"]["param"] == "format"
    ok = create_series(api, code="Y", format="{code}-{number:05}")
    r = api.patch(f"/v1/series/{ok['id']}", {"reset_yearly": True})
    assert r.status_code == 422
    assert r.json()["error"]["param"] == "format"
    assert api.get(f"/v1/series/{ok['id']}").json()["reset_yearly"] is False


def test_duplicate_code_is_a_conflict(api: Api) -> None:
    r = api.post("/v1/series", {"code": "F"})
    assert r.status_code == 409
    assert r.json()["error"]["type"] == "conflict_error"
    assert r.json()["error"]["param"] == "code"


def test_unused_series_can_change_format_and_next_number(api: Api) -> None:
    series = create_series(api, code="B")
    r = api.patch(f"/v1/series/{series['id']}", {"format": "{code}-{number:03}", "next_number": 50})
    assert r.status_code == 200, r.text
    assert r.json()["format"] == "{code}-{number:03}"
    assert r.json()["next_number"] == 50
    assert issue(api, series="B")["number"] == "B-050"


def test_series_with_issued_invoices_keeps_its_next_number_and_format(api: Api) -> None:
    series = create_series(api, code="A", format="{code}-{number}")
    issue(api, series="A")
    path = f"/v1/series/{series['id']}"
    r = api.patch(path, {"next_number": 1})
    assert r.status_code == 409, r.text
    assert r.json()["error"]["type"] == "conflict_error"
    assert r.json()["error"]["param"] == "next_number"
    r = api.patch(path, {"format": "{code}/{number:05}"})
    assert r.status_code == 409
    assert r.json()["error"]["param"] == "format"
    after = api.get(path).json()
    assert (after["format"], after["next_number"]) == ("{code}-{number}", 2)
    assert issue(api, series="A")["number"] == "A-2"


def test_series_with_only_drafts_can_still_change(api: Api) -> None:
    series = create_series(api, code="D", format="{code}-{number}")
    r = api.post("/v1/invoices", invoice_body(series="D"))
    assert r.status_code == 201
    r = api.patch(f"/v1/series/{series['id']}", {"next_number": 10})
    assert r.status_code == 200, r.text


def test_making_a_series_default_moves_the_default_of_its_kind(api: Api) -> None:
    series = create_series(api, code="NEW", format="{code}-{number}")
    r = api.patch(f"/v1/series/{series['id']}", {"default": True})
    assert r.status_code == 200, r.text
    assert r.json()["default"] is True
    defaults = {(s["code"], s["kind"]) for s in all_series(api) if s["default"]}
    assert defaults == {("NEW", "standard"), ("S", "simplified"), ("R", "corrective")}
    invoice = issue(api)
    assert invoice["number"] == "NEW-1"
    assert invoice["series"]["code"] == "NEW"


def test_series_created_as_default_takes_over_its_kind(api: Api) -> None:
    create_series(api, code="T", kind="simplified", default=True, format="{code}{number}")
    defaults = {s["code"] for s in all_series(api) if s["default"]}
    assert defaults == {"F", "T", "R"}
    invoice = issue(api, type="F2", client=None)
    assert invoice["number"] == "T1"


def test_making_the_default_series_default_again_keeps_it_default(api: Api) -> None:
    f = next(s for s in all_series(api) if s["code"] == "F")
    r = api.patch(f"/v1/series/{f['id']}", {"default": True})
    assert r.status_code == 200, r.text
    assert r.json()["default"] is True
    assert api.get(f"/v1/series/{f['id']}").json()["default"] is True
    assert issue(api)["series"]["code"] == "F"


def test_default_series_cannot_be_deleted(api: Api) -> None:
    f = next(s for s in all_series(api) if s["code"] == "F")
    r = api.delete(f"/v1/series/{f['id']}")
    assert r.status_code == 409
    assert r.json()["error"]["type"] == "conflict_error"
    assert api.get(f"/v1/series/{f['id']}").status_code == 200


def test_series_used_by_an_invoice_cannot_be_deleted(api: Api) -> None:
    series = create_series(api, code="U")
    assert api.post("/v1/invoices", invoice_body(series="U")).status_code == 201
    assert api.delete(f"/v1/series/{series['id']}").status_code == 409


def test_unused_series_can_be_deleted(api: Api) -> None:
    series = create_series(api, code="Z")
    assert api.delete(f"/v1/series/{series['id']}").status_code == 204
    assert api.get(f"/v1/series/{series['id']}").status_code == 404


def test_complete_invoice_in_a_simplified_series_is_refused(api: Api) -> None:
    before = {s["code"]: s["next_number"] for s in all_series(api)}
    r = api.post("/v1/invoices", invoice_body(series="S", type="F1", issue=True))
    assert r.status_code == 422, r.text
    assert r.json()["error"]["param"] == "series"
    assert {s["code"]: s["next_number"] for s in all_series(api)} == before
    assert api.get("/v1/invoices").json()["data"] == []


def test_unknown_series_on_an_invoice_is_refused(api: Api) -> None:
    r = api.post("/v1/invoices", invoice_body(series="NOPE"))
    assert r.status_code == 422
    assert r.json()["error"]["param"] == "series"


def test_another_companys_series_is_not_found(api: Api, other_api: Api) -> None:
    series = create_series(other_api, code="OTHER")
    assert api.get(f"/v1/series/{series['id']}").status_code == 404
    assert api.patch(f"/v1/series/{series['id']}", {"next_number": 3}).status_code == 404
    assert api.delete(f"/v1/series/{series['id']}").status_code == 404
    r = api.post("/v1/invoices", invoice_body(series=series["id"]))
    assert r.status_code == 422
    assert r.json()["error"]["param"] == "series"


# --- numbering under the series row lock ------------------------------------------------------


def test_yearly_series_restarts_at_one_in_a_new_year(api: Api, runtime: Runtime) -> None:
    yearly = create_series(api, code="Y", format="{code}{year}-{number}", reset_yearly=True)
    steady = create_series(api, code="C", format="{code}{year}-{number}")
    got: list[tuple[str, int, str]] = []
    for year in (2026, 2026, 2027):
        with runtime.db.write_session() as session:
            for series in (yearly, steady):
                assigned = assign_number(session, api.company_id, series["id"], "standard", year)
                got.append((assigned.series_code, assigned.sequence, assigned.number))
            session.commit()
    assert [g for g in got if g[0] == "Y"] == [
        ("Y", 1, "Y2026-1"),
        ("Y", 2, "Y2026-2"),
        ("Y", 1, "Y2027-1"),
    ]
    assert [g for g in got if g[0] == "C"] == [
        ("C", 1, "C2026-1"),
        ("C", 2, "C2026-2"),
        ("C", 3, "C2027-3"),
    ]
    assert api.get(f"/v1/series/{yearly['id']}").json()["next_number"] == 2
    assert api.get(f"/v1/series/{steady['id']}").json()["next_number"] == 4


def test_number_taken_in_a_rolled_back_transaction_is_given_back(
    api: Api, runtime: Runtime
) -> None:
    series = create_series(api, code="G", format="{code}-{number}")
    with runtime.db.write_session() as session:
        assert assign_number(session, api.company_id, series["id"], "standard", 2026).sequence == 1
        session.rollback()
    with runtime.db.write_session() as session:
        assert assign_number(session, api.company_id, series["id"], "standard", 2026).sequence == 1
        session.commit()


def test_without_a_series_the_default_of_the_kind_is_numbered(api: Api, runtime: Runtime) -> None:
    with runtime.db.write_session() as session:
        assigned = assign_number(session, api.company_id, None, "corrective", 2026)
        session.commit()
    assert (assigned.series_code, assigned.sequence, assigned.number) == ("R", 1, "R2026-00001")


def test_one_transaction_numbers_the_series_once_whether_by_id_or_as_default(
    api: Api, runtime: Runtime
) -> None:
    # Group commit numbers many invoices in one transaction: the series row is locked and read
    # once, and every later number of the transaction continues from where the last one left.
    default = next(s for s in api.get("/v1/series").json()["data"] if s["code"] == "R")
    with runtime.db.write_session() as session:
        got = [
            assign_number(session, api.company_id, ref, "corrective", 2026).number
            for ref in (None, default["id"], None, default["id"])
        ]
        session.rollback()
    assert got == [f"R2026-0000{n}" for n in (1, 2, 3, 4)]
    assert api.get(f"/v1/series/{default['id']}").json()["next_number"] == 1
    with runtime.db.write_session() as session:
        got = [assign_number(session, api.company_id, None, "corrective", 2026).number]
        got.append(assign_number(session, api.company_id, default["id"], "corrective", 2026).number)
        session.commit()
    assert got == ["R2026-00001", "R2026-00002"]
    assert api.get(f"/v1/series/{default['id']}").json()["next_number"] == 3

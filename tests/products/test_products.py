"""Products through the HTTP API: exact prices, legal taxes, CRUD and tenancy."""

import json
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select

from talonario.models import Product
from talonario.runtime import Runtime
from tests.conftest import Api


def count_products(runtime: Runtime, company_id: str) -> int:
    with runtime.db.read_session() as s:
        return s.scalar(select(func.count()).where(Product.company_id == company_id)) or 0


def exact(response: Any) -> Any:
    """The JSON answer with numbers exactly as written (no float parsing)."""
    return json.loads(response.text, parse_float=Decimal)


def create_product(api: Api, **fields: Any) -> dict[str, Any]:
    body = {"name": "Consultoría", "unit_price": "100.00"} | fields
    r = api.post("/v1/products", body)
    assert r.status_code == 201, r.text
    return r.json()  # type: ignore[no-any-return]


def test_product_without_tax_is_iva_21(api: Api) -> None:
    product = create_product(api, name="Hora", unit="h", description="Una hora")
    assert product["object"] == "product"
    assert product["unit"] == "h"
    assert product["description"] == "Una hora"
    tax = product["tax"]
    assert tax["type"] == "IVA"
    assert tax["rate"] == 21
    assert tax["surcharge_rate"] is None
    assert tax["regime"] == "01"
    assert api.get(f"/v1/products/{product['id']}").json()["tax"] == tax


def test_legal_surcharge_pair_is_kept(api: Api) -> None:
    product = create_product(api, tax={"rate": 10, "surcharge_rate": "1.4"})
    body = exact(api.get(f"/v1/products/{product['id']}"))
    assert body["tax"]["rate"] == 10
    assert body["tax"]["surcharge_rate"] == Decimal("1.4")


def test_surcharge_that_does_not_go_with_the_rate_is_refused(api: Api, runtime: Runtime) -> None:
    r = api.post(
        "/v1/products",
        {"name": "x", "unit_price": 1, "tax": {"rate": 21, "surcharge_rate": 1.4}},
    )
    assert r.status_code == 422, r.text
    assert r.json()["error"]["type"] == "invalid_request_error"
    assert r.json()["error"]["param"] == "tax.surcharge_rate"
    assert count_products(runtime, api.company_id) == 0


def test_iva_rate_not_in_force_is_refused(api: Api, runtime: Runtime) -> None:
    r = api.post("/v1/products", {"name": "x", "unit_price": 1, "tax": {"rate": 7}})
    assert r.status_code == 422, r.text
    assert r.json()["error"]["param"] == "tax.rate"
    assert count_products(runtime, api.company_id) == 0


def test_unit_price_as_string_keeps_six_decimals(api: Api) -> None:
    product = create_product(api, unit_price="1.123456")
    assert exact(api.get(f"/v1/products/{product['id']}"))["unit_price"] == Decimal("1.123456")
    assert "1.123456" in api.get(f"/v1/products/{product['id']}").text


def test_unit_price_as_json_number_is_exact(api: Api) -> None:
    r = api.post("/v1/products", {"name": "x", "unit_price": 2.5})
    assert r.status_code == 201, r.text
    assert exact(r)["unit_price"] == Decimal("2.5")
    assert exact(api.get(f"/v1/products/{r.json()['id']}"))["unit_price"] == Decimal("2.5")


def test_unit_price_beyond_the_float_precision_is_exact(api: Api) -> None:
    # 123456789012.345678 has 18 significant digits: a float would change it. The body is
    # written by hand because json.dumps would itself round the Python float.
    r = api.post(
        "/v1/products",
        content=b'{"name": "x", "unit_price": 123456789012.345678}',
        headers={"Content-Type": "application/json"},
    )
    assert r.status_code == 201, r.text
    got = exact(api.get(f"/v1/products/{r.json()['id']}"))["unit_price"]
    assert got == Decimal("123456789012.345678")


def test_unit_price_with_seven_decimals_is_refused(api: Api, runtime: Runtime) -> None:
    r = api.post("/v1/products", {"name": "x", "unit_price": "1.1234567"})
    assert r.status_code == 422
    assert r.json()["error"]["param"] == "unit_price"
    assert count_products(runtime, api.company_id) == 0


def test_non_numeric_unit_price_is_refused(api: Api) -> None:
    r = api.post("/v1/products", {"name": "x", "unit_price": "cien"})
    assert r.status_code == 422
    assert r.json()["error"]["param"] == "unit_price"


def test_patch_changes_price_and_tax(api: Api) -> None:
    product = create_product(api, name="Libro", unit_price="20.00", unit="ud")
    r = api.patch(
        f"/v1/products/{product['id']}", {"unit_price": "18.50", "tax": {"rate": 4}, "unit": None}
    )
    assert r.status_code == 200, r.text
    body = exact(api.get(f"/v1/products/{product['id']}"))
    assert body["name"] == "Libro"
    assert body["unit_price"] == Decimal("18.50")
    assert body["tax"]["rate"] == 4
    assert body["unit"] is None


def test_patch_with_an_illegal_tax_is_refused_and_keeps_the_product(api: Api) -> None:
    product = create_product(api, tax={"rate": 10})
    r = api.patch(f"/v1/products/{product['id']}", {"tax": {"rate": 10, "surcharge_rate": 5.2}})
    assert r.status_code == 422
    assert r.json()["error"]["param"] == "tax.surcharge_rate"
    tax = api.get(f"/v1/products/{product['id']}").json()["tax"]
    assert tax["rate"] == 10 and tax["surcharge_rate"] is None


def test_unknown_field_is_refused_by_name(api: Api) -> None:
    r = api.post("/v1/products", {"name": "x", "unit_price": 1, "price": 2})
    assert r.status_code == 422
    assert r.json()["error"]["param"] == "price"


def test_deleted_product_is_gone(api: Api, runtime: Runtime) -> None:
    product = create_product(api)
    assert api.delete(f"/v1/products/{product['id']}").status_code == 204
    r = api.get(f"/v1/products/{product['id']}")
    assert r.status_code == 404
    assert r.json()["error"]["type"] == "not_found_error"
    assert count_products(runtime, api.company_id) == 0


def test_invoice_line_keeps_its_copy_after_the_product_is_deleted(api: Api) -> None:
    product = create_product(api, name="Sello", unit_price="3.33", tax={"rate": 10})
    r = api.post(
        "/v1/invoices",
        {
            "client": {"name": "X", "nif": "B65410011"},
            "lines": [{"product": product["id"], "quantity": 3}],
        },
    )
    assert r.status_code == 201, r.text
    assert api.delete(f"/v1/products/{product['id']}").status_code == 204
    line = exact(api.get(f"/v1/invoices/{r.json()['id']}"))["lines"][0]
    assert line["description"] == "Sello"
    assert line["unit_price"] == Decimal("3.33")
    assert line["tax"]["rate"] == 10


def test_list_is_newest_first_and_pages(api: Api) -> None:
    ids = [create_product(api, name=f"P{i}")["id"] for i in range(3)]
    r = api.get("/v1/products", params={"limit": 2})
    assert r.status_code == 200
    body = r.json()
    assert body["object"] == "list"
    assert [p["id"] for p in body["data"]] == ids[::-1][:2]
    assert body["has_more"] is True
    rest = api.get("/v1/products", params={"starting_after": body["data"][-1]["id"]}).json()
    assert [p["id"] for p in rest["data"]] == [ids[0]]
    assert rest["has_more"] is False


def test_another_companys_product_is_not_found(api: Api, other_api: Api) -> None:
    product = create_product(other_api)
    path = f"/v1/products/{product['id']}"
    assert api.get(path).status_code == 404
    assert api.patch(path, {"name": "mío"}).status_code == 404
    assert api.delete(path).status_code == 404
    assert api.get("/v1/products").json()["data"] == []
    assert other_api.get(path).status_code == 200

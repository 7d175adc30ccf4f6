"""The caller's external_id names a client or a product wherever its id does, as it already
names an invoice: in its own paths, as an invoice's `client`, as a line's `product`."""

from tests.conftest import Api
from tests.fixtures.factories import invoice_body


def test_a_clients_external_id_works_in_its_paths(api: Api) -> None:
    client = api.post(
        "/v1/clients", {"name": "Ferretería Sol SL", "nif": "B65410011", "external_id": "crm-7"}
    ).json()
    got = api.get("/v1/clients/crm-7")
    assert got.status_code == 200 and got.json()["id"] == client["id"]
    patched = api.patch("/v1/clients/crm-7", {"email": "sol@example.com"})
    assert patched.status_code == 200 and patched.json()["email"] == "sol@example.com"
    assert api.delete("/v1/clients/crm-7").status_code == 204
    missing = api.get("/v1/clients/crm-7")
    assert missing.status_code == 404 and missing.json()["error"]["param"] == "id"


def test_a_clients_external_id_is_an_invoices_client(api: Api) -> None:
    client = api.post(
        "/v1/clients", {"name": "Ferretería Sol SL", "nif": "B65410011", "external_id": "crm-8"}
    ).json()
    r = api.post("/v1/invoices", invoice_body(client="crm-8"))
    assert r.status_code == 201, r.text
    assert r.json()["client"]["name"] == "Ferretería Sol SL"
    assert api.delete(f"/v1/clients/{client['id']}").json()["error"]["code"] == "client_in_use"
    bad = api.post("/v1/invoices", invoice_body(client="crm-none"))
    assert bad.status_code == 404 and bad.json()["error"]["param"] == "client"


def test_another_companys_external_id_is_not_found(api: Api, other_api: Api) -> None:
    api.post("/v1/clients", {"name": "Sol SL", "nif": "B65410011", "external_id": "crm-9"})
    api.post("/v1/products", {"name": "Hora", "unit_price": 50, "external_id": "sku-9"})
    assert other_api.get("/v1/clients/crm-9").status_code == 404
    assert other_api.get("/v1/products/sku-9").status_code == 404
    line = {"product": "sku-9", "quantity": 1}
    r = other_api.post("/v1/invoices", invoice_body(lines=[line]))
    assert r.status_code == 422 and r.json()["error"]["param"] == "lines.0.product"


def test_products_carry_an_external_id_unique_per_company(api: Api, other_api: Api) -> None:
    r = api.post("/v1/products", {"name": "Hora", "unit_price": 50, "external_id": "sku-1"})
    assert r.status_code == 201, r.text
    product = r.json()
    assert product["external_id"] == "sku-1"
    again = api.post("/v1/products", {"name": "Otra", "unit_price": 1, "external_id": "sku-1"})
    assert again.status_code == 409
    assert again.json()["error"] | {"request_id": "", "message": "", "doc_url": ""} == {
        "type": "conflict_error",
        "code": "external_id_taken",
        "param": "external_id",
        "request_id": "",
        "message": "",
        "doc_url": "",
    }
    # Another company may use the same one.
    theirs = other_api.post("/v1/products", {"name": "H", "unit_price": 1, "external_id": "sku-1"})
    assert theirs.status_code == 201
    second = api.post("/v1/products", {"name": "Dos", "unit_price": 2}).json()
    assert second["external_id"] is None
    taken = api.patch(f"/v1/products/{second['id']}", {"external_id": "sku-1"})
    assert taken.status_code == 409 and taken.json()["error"]["code"] == "external_id_taken"
    # Keeping its own is no conflict; clearing it frees it.
    assert api.patch("/v1/products/sku-1", {"external_id": "sku-1"}).status_code == 200
    assert api.patch("/v1/products/sku-1", {"external_id": None}).json()["external_id"] is None
    moved = api.patch(f"/v1/products/{second['id']}", {"external_id": "sku-1"})
    assert moved.status_code == 200 and moved.json()["external_id"] == "sku-1"


def test_a_products_external_id_works_in_its_paths_and_as_a_line(api: Api) -> None:
    product = api.post(
        "/v1/products",
        {"name": "Hora de consultoría", "unit_price": "60.00", "unit": "h", "external_id": "sku-2"},
    ).json()
    got = api.get("/v1/products/sku-2")
    assert got.status_code == 200 and got.json()["id"] == product["id"]
    assert api.patch("/v1/products/sku-2", {"unit_price": 70}).json()["unit_price"] == 70
    lines = [{"product": "sku-2", "quantity": 2}, {"product": product["id"], "quantity": 1}]
    r = api.post("/v1/invoices", invoice_body(lines=lines))
    assert r.status_code == 201, r.text
    invoice = r.json()
    assert [ln["description"] for ln in invoice["lines"]] == ["Hora de consultoría"] * 2
    assert [ln["product"] for ln in invoice["lines"]] == [product["id"]] * 2
    assert invoice["subtotal"] == 210
    assert api.delete("/v1/products/sku-2").status_code == 204
    assert api.get(f"/v1/products/{product['id']}").status_code == 404


def test_external_ids_of_any_allowed_length_name_client_and_product(api: Api) -> None:
    client_ref, product_ref = "crm/" + "c" * 116, "sku/" + "p" * 116  # 120 characters
    client = api.post(
        "/v1/clients", {"name": "Sol SL", "nif": "B65410011", "external_id": client_ref}
    )
    product = api.post(
        "/v1/products", {"name": "Hora", "unit_price": 50, "external_id": product_ref}
    )
    assert client.status_code == 201 and product.status_code == 201
    line = {"product": product_ref, "quantity": 1}
    r = api.post("/v1/invoices", invoice_body(client=client_ref, lines=[line]))
    assert r.status_code == 201, r.text
    assert r.json()["client"]["name"] == "Sol SL"
    assert r.json()["lines"][0]["product"] == product.json()["id"]
    listed = api.get("/v1/invoices", params={"client": client_ref}).json()["data"]
    assert [i["id"] for i in listed] == [r.json()["id"]]

"""PUT/GET/DELETE /v1/company/logo: upload checks, what the company shows, and tenancy."""

import io
import os
import zlib
from typing import Any

import pytest
from PIL import Image
from sqlalchemy import func, select

from talonario.auth.keys import issue_key
from talonario.companies import logo
from talonario.models import Company, CompanyLogo
from talonario.runtime import Runtime
from tests.companies.helpers import image_bytes, put_logo
from tests.conftest import Api

LOGO_COLUMNS = ("logo_content_type", "logo_size", "logo_width", "logo_height", "logo_updated_at")
NO_LOGO = (0, dict.fromkeys(LOGO_COLUMNS))


def stored_logo(runtime: Runtime, company_id: str) -> tuple[int, dict[str, Any]]:
    """(rows in company_logos, the companies row's logo_* columns) as the database has them."""
    with runtime.db.read_session() as session:
        rows = session.scalar(
            select(func.count())
            .select_from(CompanyLogo)
            .where(CompanyLogo.company_id == company_id)
        )
        company = session.get(Company, company_id)
        assert company is not None
        columns = {k: v for k, v in vars(company).items() if k.startswith("logo_")}
    return rows or 0, columns


def assert_logo_error(r: Any, status: int, code: str) -> None:
    assert r.status_code == status, r.text
    error = r.json()["error"]
    assert (error["code"], error["param"]) == (code, "logo")


def test_upload_shows_on_the_company_and_round_trips(api: Api) -> None:
    png = image_bytes(120, 40)

    r = put_logo(api, png)

    assert r.status_code == 200, r.text
    shown = r.json()["logo"]
    assert shown["content_type"] == "image/png"
    assert (shown["size"], shown["width"], shown["height"]) == (len(png), 120, 40)
    assert shown["url"] == "/v1/company/logo"
    assert shown["updated_at"]
    assert api.get("/v1/company").json()["logo"] == shown
    got = api.get("/v1/company/logo")
    assert got.status_code == 200
    assert got.headers["content-type"] == "image/png"
    assert got.headers["x-content-type-options"] == "nosniff"
    assert got.content == png


def test_a_jpeg_replaces_the_png(api: Api, runtime: Runtime) -> None:
    put_logo(api, image_bytes())
    jpeg = image_bytes(300, 100, fmt="JPEG")

    r = put_logo(api, jpeg, "image/jpeg; charset=binary")  # parameters are ignored

    assert r.status_code == 200, r.text
    assert r.json()["logo"]["content_type"] == "image/jpeg"
    assert (r.json()["logo"]["width"], r.json()["logo"]["height"]) == (300, 100)
    got = api.get("/v1/company/logo")
    assert (got.headers["content-type"], got.content) == ("image/jpeg", jpeg)
    assert stored_logo(runtime, api.company_id)[0] == 1


def test_company_without_logo_shows_null_and_404(api: Api) -> None:
    assert api.get("/v1/company").json()["logo"] is None
    r = api.get("/v1/company/logo")
    assert r.status_code == 404
    assert r.json()["error"]["code"] == "logo_not_found"


@pytest.mark.parametrize("content_type", ["image/gif", "text/plain", "application/json", None])
def test_other_content_types_are_415(api: Api, runtime: Runtime, content_type: str | None) -> None:
    assert_logo_error(put_logo(api, image_bytes(), content_type), 415, "unsupported_logo_type")
    assert stored_logo(runtime, api.company_id) == NO_LOGO


def _truncated_png() -> bytes:
    buffer = io.BytesIO()
    Image.frombytes("RGB", (64, 64), os.urandom(64 * 64 * 3)).save(buffer, "PNG")
    png = buffer.getvalue()
    return png[: len(png) // 2]


def _png_with_broken_data() -> bytes:
    """A well-formed header whose IDAT holds bytes that are not a zlib stream."""
    png = image_bytes(50, 50)
    start = png.index(b"IDAT") + 4
    length = int.from_bytes(png[start - 8 : start - 4], "big")
    broken = b"\x00" * length
    crc = zlib.crc32(b"IDAT" + broken).to_bytes(4, "big")
    return png[:start] + broken + crc + png[start + length + 4 :]


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"", "image/png"),
        (b"not an image at all", "image/png"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png"),
        (_truncated_png(), "image/png"),
        (_png_with_broken_data(), "image/png"),
        (image_bytes(fmt="JPEG"), "image/png"),  # a JPEG declared as PNG
        (image_bytes(), "image/jpeg"),
        (image_bytes(fmt="GIF"), "image/png"),
        (image_bytes(logo.MAX_SIDE + 1, 10), "image/png"),  # too many pixels
    ],
    ids=["empty", "text", "png-signature-only", "truncated", "broken-data", "jpeg-as-png",
         "png-as-jpeg", "gif-as-png", "too-wide"],
)  # fmt: skip
def test_bytes_that_are_not_that_image_are_422_and_change_nothing(
    api: Api, runtime: Runtime, body: bytes, content_type: str
) -> None:
    kept = image_bytes(64, 64)
    put_logo(api, kept)
    before = stored_logo(runtime, api.company_id)

    assert_logo_error(put_logo(api, body, content_type), 422, "invalid_logo")

    assert stored_logo(runtime, api.company_id) == before
    assert api.get("/v1/company/logo").content == kept


def test_larger_than_the_limit_is_413_and_writes_nothing(api: Api, runtime: Runtime) -> None:
    too_big = image_bytes() + b"\x00" * logo.MAX_BYTES  # a valid PNG, padded past the limit

    assert_logo_error(put_logo(api, too_big), 413, "logo_too_large")

    assert stored_logo(runtime, api.company_id)[0] == 0
    assert api.get("/v1/company").json()["logo"] is None


def test_a_streamed_body_is_cut_at_the_limit(api: Api) -> None:
    """Without Content-Length (chunked), the limit still holds while reading."""

    def chunks() -> Any:
        for _ in range(logo.MAX_BYTES // 65536 + 2):
            yield b"\x00" * 65536

    r = api.client.put(
        "/v1/company/logo", content=chunks(), headers=api.headers | {"Content-Type": "image/png"}
    )

    assert_logo_error(r, 413, "logo_too_large")


def test_delete_removes_it_and_is_idempotent(api: Api, runtime: Runtime) -> None:
    put_logo(api, image_bytes())

    assert api.delete("/v1/company/logo").status_code == 204

    assert api.get("/v1/company").json()["logo"] is None
    assert api.get("/v1/company/logo").status_code == 404
    assert stored_logo(runtime, api.company_id) == NO_LOGO
    assert api.delete("/v1/company/logo").status_code == 204


def test_another_company_does_not_see_it(api: Api, other_api: Api) -> None:
    put_logo(api, image_bytes())

    assert other_api.get("/v1/company/logo").status_code == 404
    assert other_api.get("/v1/company").json()["logo"] is None
    assert other_api.delete("/v1/company/logo").status_code == 204
    assert api.get("/v1/company/logo").status_code == 200


def test_reading_needs_company_read_and_changing_company_write(api: Api, runtime: Runtime) -> None:
    put_logo(api, image_bytes())
    with runtime.db.write_session() as session:
        _, read_only = issue_key(session, api.company_id, ["company:read"], name="read-only")
        _, clients = issue_key(session, api.company_id, ["clients:read"], name="clients")
        session.commit()
    reader = Api(api.client, api.company_id, read_only)
    outsider = Api(api.client, api.company_id, clients)

    assert reader.get("/v1/company/logo").status_code == 200
    assert put_logo(reader, image_bytes(10, 10)).status_code == 403
    assert reader.delete("/v1/company/logo").status_code == 403
    assert outsider.get("/v1/company/logo").status_code == 403
    # The key is checked before the body: no key is a 401 whatever was sent.
    anonymous = api.client.put("/v1/company/logo", content=b"x", headers={"Content-Type": "x/y"})
    assert anonymous.status_code == 401
    assert api.get("/v1/company").json()["logo"]["width"] == 120


def test_openapi_declares_the_image_body_and_answers(api: Api) -> None:
    spec = api.client.get("/openapi.json").json()
    put = spec["paths"]["/v1/company/logo"]["put"]
    assert set(put["requestBody"]["content"]) == {"image/png", "image/jpeg"}
    assert {"413", "415", "422"} <= set(put["responses"])
    get = spec["paths"]["/v1/company/logo"]["get"]
    assert set(get["responses"]["200"]["content"]) == {"image/png", "image/jpeg"}
    company = spec["components"]["schemas"]["CompanyOut"]
    assert "logo" in company["required"]

"""What the logo tests share: images made on the spot and the raw-body upload."""

import io
from typing import Any

from PIL import Image

from tests.conftest import Api


def image_bytes(width: int = 120, height: int = 40, fmt: str = "PNG") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (30, 58, 95)).save(buffer, fmt)
    return buffer.getvalue()


def put_logo(api: Api, body: bytes, content_type: str | None = "image/png") -> Any:
    headers = api.headers | ({"Content-Type": content_type} if content_type else {})
    return api.client.put("/v1/company/logo", content=body, headers=headers)

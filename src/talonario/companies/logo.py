"""The company's logo: the image at the top of its invoices' PDFs.

An upload is checked here: the declared type is PNG or JPEG, the bytes are an image of that
type within MAX_BYTES and MAX_SIDE pixels a side, they decode whole, and reportlab places them
on a page as the PDF renderer does. They are kept as sent, in company_logos; the companies row
holds what the API shows (type, size, pixels, when).

An issued invoice's PDF is rendered once, on first request, and stored: it keeps the logo it
was first rendered with. Drafts' previews always show the current one.
"""

import io
from dataclasses import dataclass

from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy.orm import Session

from talonario.companies.repository import LogoRepository
from talonario.errors import AppError, InvalidRequest, NotFound
from talonario.kit.clock import utcnow
from talonario.models import Company, CompanyLogo

# Pillow's format name for each accepted Content-Type.
FORMATS = {"image/png": "PNG", "image/jpeg": "JPEG"}
MAX_BYTES = 512 * 1024
# The PDF prints the logo at most 62 x 20 mm (about 730 x 240 px at 300 dpi); a bound on the
# pixels also bounds the memory a small but highly compressed file takes to decode.
MAX_SIDE = 2048
URL = "/v1/company/logo"


class InvalidLogo(InvalidRequest):
    code = "invalid_logo"


class LogoTooLarge(AppError):
    status = 413
    code = "logo_too_large"


class UnsupportedLogoType(AppError):
    status = 415
    code = "unsupported_logo_type"


class LogoNotFound(NotFound):
    code = "logo_not_found"


@dataclass(frozen=True, slots=True)
class Upload:
    """The body as received, not yet checked."""

    data: bytes
    content_type: str


@dataclass(frozen=True, slots=True)
class Logo:
    image: bytes
    content_type: str
    width: int
    height: int


def content_type_of(header: str | None) -> str:
    """The accepted media type the Content-Type header names, parameters aside."""
    media_type = (header or "").split(";", 1)[0].strip().lower()
    if media_type not in FORMATS:
        raise UnsupportedLogoType(
            f"Send the logo as image/png or image/jpeg, not {media_type or 'no Content-Type'}.",
            param="logo",
        )
    return media_type


def too_large() -> LogoTooLarge:
    return LogoTooLarge(f"The logo is larger than {MAX_BYTES // 1024} KiB.", param="logo")


def parse(data: bytes, content_type: str) -> Logo:
    """Check an upload; every refusal names `logo`."""
    if not data:
        raise InvalidLogo("The body is empty: send the image itself.", param="logo")
    if len(data) > MAX_BYTES:
        raise too_large()
    expected = FORMATS[content_type]
    try:
        image = Image.open(io.BytesIO(data), formats=list(FORMATS.values()))
    except Image.DecompressionBombError:
        raise _too_many_pixels() from None
    except Exception:  # whatever a malformed file makes Pillow raise: never a 500
        raise InvalidLogo(f"The body is not a {expected} image.", param="logo") from None
    with image:
        if image.format != expected:
            raise InvalidLogo(
                f"The body is a {image.format} image but Content-Type says {content_type}.",
                param="logo",
            )
        width, height = image.size
        if width > MAX_SIDE or height > MAX_SIDE:
            raise _too_many_pixels(width, height)
        try:
            image.load()  # the header alone says nothing of the data after it
        except Exception:
            raise InvalidLogo(
                f"The {expected} image is damaged or truncated.", param="logo"
            ) from None
    if not _placeable(data):
        raise InvalidLogo(f"This {expected} image cannot be placed in a PDF.", param="logo")
    return Logo(data, content_type, width, height)


def _too_many_pixels(width: int | None = None, height: int | None = None) -> InvalidLogo:
    size = f" ({width} x {height})" if width and height else ""
    return InvalidLogo(
        f"The logo is too large{size}: at most {MAX_SIDE} pixels a side.", param="logo"
    )


def _placeable(data: bytes) -> bool:
    """Whether reportlab draws it as the invoice renderer does (some modes Pillow opens, such
    as 16-bit greyscale, it cannot convert): refused now rather than failing every PDF."""
    try:
        canvas = Canvas(io.BytesIO())
        canvas.drawImage(ImageReader(io.BytesIO(data)), 0, 0, 10, 10, mask="auto")
        canvas.save()
    except Exception:
        return False
    return True


def install(session: Session, company: Company, logo: Logo) -> Company:
    """Set or replace the company's logo."""
    repo = LogoRepository(session, company.id)
    stored = repo.stored()
    if stored is None:
        stored = repo.add(CompanyLogo(company_id=company.id))
    stored.image = logo.image
    company.logo_content_type = logo.content_type
    company.logo_size = len(logo.image)
    company.logo_width = logo.width
    company.logo_height = logo.height
    company.logo_updated_at = utcnow()
    session.flush()
    return company


def remove(session: Session, company: Company) -> Company:
    LogoRepository(session, company.id).remove()
    company.logo_content_type = None
    company.logo_size = None
    company.logo_width = None
    company.logo_height = None
    company.logo_updated_at = None
    session.flush()
    return company


def image_of(session: Session, company_id: str) -> tuple[bytes, str] | None:
    """(bytes, content type) of the company's logo, or None when it has none."""
    row = LogoRepository(session, company_id).image()
    if row is None:
        return None
    return row.image, row.logo_content_type

from typing import Any

from fastapi import APIRouter, Depends, Request, Response

from talonario.auth.context import Context, reader, writer
from talonario.companies import certificate, logo, service
from talonario.companies.schemas import (
    CertificateUpload,
    CompanyOut,
    CompanyUpdate,
)
from talonario.errors import ErrorOut
from talonario.kit.routing import DecimalRoute
from talonario.records import remission

router = APIRouter(prefix="/company", tags=["company"], route_class=DecimalRoute)

_IMAGE = {"schema": {"type": "string", "format": "binary"}}
_LOGO_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": f"The PNG or JPEG file itself, at most {logo.MAX_BYTES // 1024} KiB and "
        f"{logo.MAX_SIDE} pixels a side.",
        "content": {content_type: _IMAGE for content_type in logo.FORMATS},
    }
}
_LOGO_ERRORS: dict[int | str, dict[str, Any]] = {
    413: {"model": ErrorOut, "description": "The logo is larger than the limit"},
    415: {"model": ErrorOut, "description": "Content-Type is not image/png or image/jpeg"},
}
_LOGO_IMAGE: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {content_type: _IMAGE for content_type in logo.FORMATS},
        "description": "The logo as uploaded.",
    }
}


async def logo_upload(request: Request) -> logo.Upload:
    """The raw body and its type, read no further than the size limit allows."""
    content_type = logo.content_type_of(request.headers.get("content-type"))
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > logo.MAX_BYTES:
        raise logo.too_large()
    data = bytearray()
    async for chunk in request.stream():
        data += chunk
        if len(data) > logo.MAX_BYTES:
            raise logo.too_large()
    return logo.Upload(bytes(data), content_type)


@router.get("", response_model=CompanyOut)
def get_company(ctx: Context = reader("company:read")) -> Response:
    """The company the API key belongs to: the issuer of its invoices."""
    return ctx.respond(CompanyOut.of(service.get(ctx.session, ctx.company_id)))


@router.patch("", response_model=CompanyOut)
def update_company(body: CompanyUpdate, ctx: Context = writer("company:write")) -> Response:
    """Change the company's details. The NIF is fixed: the record chain belongs to it.

    Switching `verifactu.environment` to `preproduction` or `production` is allowed without a
    certificate, but nothing is remitted to AEAT until one is uploaded
    (`POST /v1/company/certificate`); the worker reports the missing certificate. Leaving the
    sandbox needs a declared SIF producer (see `GET /v1/system`): 422 otherwise."""
    return ctx.respond(
        CompanyOut.of(service.change(ctx.session, ctx.settings, ctx.company_id, body))
    )


@router.post("/certificate", response_model=CompanyOut)
def upload_certificate(body: CertificateUpload, ctx: Context = writer("company:write")) -> Response:
    """Upload the AEAT certificate (PKCS#12 in base64, and its password) for mutual TLS.

    It must open with the password, hold a key and its certificate, and be valid today. The
    file and password are stored encrypted with TALONARIO_SECRET_KEY; the answer shows the
    subject, NIF and expiry, never the key. A certificate for another NIF is accepted with a
    warning. A new upload replaces the previous certificate."""
    # Parsed before the write session opens: key derivation is slow and needs no lock.
    parsed = certificate.parse(body.pkcs12, body.password, body.kind)
    company = service.get(ctx.session, ctx.company_id)
    certificate.install(ctx.settings, company, parsed)
    ctx.session.flush()
    remission.retry_now(ctx.session, ctx.company_id)
    return ctx.respond(CompanyOut.of(company))


@router.delete("/certificate", status_code=204)
def delete_certificate(ctx: Context = writer("company:write")) -> Response:
    """Forget the certificate (file, password and details). Idempotent."""
    certificate.remove(service.get(ctx.session, ctx.company_id))
    return ctx.no_content()


@router.put("/logo", response_model=CompanyOut, openapi_extra=_LOGO_BODY, responses=_LOGO_ERRORS)
def upload_logo(
    ctx: Context = writer("company:write"), upload: logo.Upload = Depends(logo_upload)
) -> Response:
    """Set or replace the logo printed at the top of the company's invoices: the PNG or JPEG
    itself as the body, with its Content-Type.

    It must decode whole. Drafts' previews and every invoice PDF rendered from now on show it;
    a PDF already rendered keeps what it showed (an issued invoice's is rendered once)."""
    # Decoded before the write session opens: no lock is held while the image is checked.
    checked = logo.parse(upload.data, upload.content_type)
    company = logo.install(ctx.session, service.get(ctx.session, ctx.company_id), checked)
    return ctx.respond(CompanyOut.of(company))


@router.get("/logo", response_class=Response, responses=_LOGO_IMAGE)
def get_logo(ctx: Context = reader("company:read")) -> Response:
    """The logo as uploaded, with its Content-Type; 404 when the company has none."""
    with ctx.reading() as session:
        found = logo.image_of(session, ctx.company_id)
    if found is None:
        raise logo.LogoNotFound("The company has no logo.")
    image, content_type = found
    return Response(image, media_type=content_type, headers={"X-Content-Type-Options": "nosniff"})


@router.delete("/logo", status_code=204)
def delete_logo(ctx: Context = writer("company:write")) -> Response:
    """Remove the logo: PDFs rendered from now on have none. Idempotent."""
    logo.remove(ctx.session, service.get(ctx.session, ctx.company_id))
    return ctx.no_content()

from fastapi import APIRouter, Response

from talonario.auth.context import Context, reader, writer
from talonario.companies import certificate, service
from talonario.companies.schemas import (
    CertificateUpload,
    CompanyOut,
    CompanyUpdate,
    present_company,
)
from talonario.kit.routing import DecimalRoute

router = APIRouter(prefix="/company", tags=["company"], route_class=DecimalRoute)


@router.get("", response_model=CompanyOut)
def get_company(ctx: Context = reader("company:read")) -> Response:
    """The company the API key belongs to: the issuer of its invoices."""
    return ctx.respond(present_company(service.get(ctx.session, ctx.company_id)))


@router.patch("", response_model=CompanyOut)
def update_company(body: CompanyUpdate, ctx: Context = writer("company:write")) -> Response:
    """Change the company's details. The NIF is fixed: the record chain belongs to it.

    Switching `verifactu.environment` to `preproduction` or `production` is allowed without a
    certificate, but nothing is remitted to AEAT until one is uploaded
    (`POST /v1/company/certificate`); the worker reports the missing certificate."""
    return ctx.respond(present_company(service.update(ctx.session, ctx.company_id, body)))


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
    return ctx.respond(present_company(company))


@router.delete("/certificate", status_code=204)
def delete_certificate(ctx: Context = writer("company:write")) -> Response:
    """Forget the certificate (file, password and details). Idempotent."""
    certificate.remove(service.get(ctx.session, ctx.company_id))
    return ctx.no_content()

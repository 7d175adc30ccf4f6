from fastapi import APIRouter, Response

from talonario.auth.context import Context, reader, writer
from talonario.companies import service
from talonario.companies.schemas import CompanyOut, CompanyUpdate, present_company
from talonario.kit.routing import DecimalRoute

router = APIRouter(prefix="/company", tags=["company"], route_class=DecimalRoute)


@router.get("", response_model=CompanyOut)
def get_company(ctx: Context = reader("company:read")) -> Response:
    """The company the API key belongs to: the issuer of its invoices."""
    return ctx.respond(present_company(service.get(ctx.session, ctx.company_id)))


@router.patch("", response_model=CompanyOut)
def update_company(body: CompanyUpdate, ctx: Context = writer("company:write")) -> Response:
    """Change the company's details. The NIF is fixed: the record chain belongs to it."""
    return ctx.respond(present_company(service.update(ctx.session, ctx.company_id, body)))

from fastapi import APIRouter, Response

from talonario.auth.context import Context, reader, writer
from talonario.kit.clock import today_in
from talonario.kit.pagination import Limit, StartingAfter, page
from talonario.kit.routing import DecimalRoute
from talonario.kit.schema import ListOf
from talonario.products import service
from talonario.products.schemas import ProductCreate, ProductOut, ProductUpdate

router = APIRouter(prefix="/products", tags=["products"], route_class=DecimalRoute)


@router.post("", status_code=201, response_model=ProductOut)
def create_product(body: ProductCreate, ctx: Context = writer("products:write")) -> Response:
    """Create a product. Its `tax` is checked against the rates and surcharge pairs in force."""
    today = today_in(ctx.settings.timezone)
    product = service.create(ctx.session, ctx.company_id, body, today)
    return ctx.respond(ProductOut.of(product), 201)


@router.get("", response_model=ListOf[ProductOut])
def list_products(
    limit: Limit = 20, starting_after: StartingAfter = None, ctx: Context = reader("products:read")
) -> Response:
    """List products, newest first."""
    items, more = service.list_products(ctx.session, ctx.company_id, limit, starting_after)
    return ctx.respond(page(items, more, ProductOut.of))


@router.get("/{product_id}", response_model=ProductOut)
def get_product(product_id: str, ctx: Context = reader("products:read")) -> Response:
    """Retrieve a product."""
    product = service.get(ctx.session, ctx.company_id, product_id)
    return ctx.respond(ProductOut.of(product))


@router.patch("/{product_id}", response_model=ProductOut)
def update_product(
    product_id: str, body: ProductUpdate, ctx: Context = writer("products:write")
) -> Response:
    """Change a product. Invoices already drafted keep the lines they copied."""
    today = today_in(ctx.settings.timezone)
    product = service.update(ctx.session, ctx.company_id, product_id, body, today)
    return ctx.respond(ProductOut.of(product))


@router.delete("/{product_id}", status_code=204)
def delete_product(product_id: str, ctx: Context = writer("products:write")) -> Response:
    """Delete a product. Invoice lines keep their copy of its data."""
    service.delete(ctx.session, ctx.company_id, product_id)
    return ctx.no_content()

"""Products: catalogue items whose price and tax fill invoice lines."""

from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from talonario.errors import InvalidRequest, NotFound
from talonario.kit import external_ids
from talonario.kit.pagination import paginate
from talonario.models import Product
from talonario.products.schemas import ProductCreate, ProductUpdate
from talonario.taxes.tax_schema import TaxIn, line_tax
from talonario.taxes.totals import TaxRuleViolation, check_line_tax


class ProductNotFound(NotFound):
    code = "product_not_found"


def _query(company_id: str):  # type: ignore[no-untyped-def]
    return select(Product).where(Product.company_id == company_id)


def get(session: Session, company_id: str, ref: str, param: str = "id") -> Product:
    """By Talonario id or, failing that, by the caller's external_id."""
    product = session.scalars(_query(company_id).where(Product.id == ref)).first()
    if product is None:
        product = session.scalars(_query(company_id).where(Product.external_id == ref)).first()
    if product is None:
        raise ProductNotFound(f"No product '{ref}'.", param=param)
    return product


def get_many(session: Session, company_id: str, refs: Iterable[str]) -> dict[str, Product]:
    """Products by id or external_id, keyed by the reference given (an id wins a tie)."""
    wanted = set(refs)
    if not wanted:
        return {}
    rows = session.scalars(
        _query(company_id).where(or_(Product.id.in_(wanted), Product.external_id.in_(wanted)))
    ).all()
    found = {p.external_id: p for p in rows if p.external_id in wanted}
    return found | {p.id: p for p in rows if p.id in wanted}


def list_products(
    session: Session, company_id: str, limit: int, starting_after: str | None
) -> tuple[Sequence[Product], bool]:
    return paginate(session, _query(company_id), Product.id, limit, starting_after)


def _checked_tax(tax: TaxIn, today: date) -> dict[str, object]:
    data = tax.model_dump(mode="python")
    try:
        check_line_tax(line_tax(data), on=today)
    except TaxRuleViolation as exc:
        raise InvalidRequest(exc.message, param=exc.param) from None
    return data


def create(session: Session, company_id: str, body: ProductCreate, today: date) -> Product:
    external_ids.ensure_free(session, Product, company_id, body.external_id, noun="product")
    product = Product(
        company_id=company_id,
        name=body.name,
        description=body.description,
        unit_price=body.unit_price,
        unit=body.unit,
        tax=_checked_tax(body.tax, today),
        external_id=body.external_id,
    )
    session.add(product)
    external_ids.flush(session, body.external_id, noun="product")
    return product


def update(
    session: Session, company_id: str, product_id: str, body: ProductUpdate, today: date
) -> Product:
    product = get(session, company_id, product_id)
    changes = body.model_dump(exclude_unset=True)
    if "external_id" in changes:
        external_ids.ensure_free(
            session, Product, company_id, changes["external_id"], product.id, noun="product"
        )
    for field in ("name", "unit_price", "description", "unit", "external_id"):
        if field in changes:
            setattr(product, field, changes[field])
    if body.tax is not None:
        product.tax = _checked_tax(body.tax, today)
    external_ids.flush(session, changes.get("external_id"), noun="product")
    return product


def delete(session: Session, company_id: str, product_id: str) -> None:
    # Invoice lines copy the product's data, so deleting it never changes an invoice.
    session.delete(get(session, company_id, product_id))
    session.flush()

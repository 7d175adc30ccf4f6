"""Products: catalogue items whose price and tax fill invoice lines."""

from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy.orm import Session

from talonario.errors import InvalidRequest, NotFound
from talonario.kit import external_ids
from talonario.models import Product
from talonario.products.repository import ProductRepository
from talonario.products.schemas import ProductCreate, ProductUpdate
from talonario.taxes.tax_schema import TaxIn, line_tax
from talonario.taxes.totals import TaxRuleViolation, check_line_tax


class ProductNotFound(NotFound):
    code = "product_not_found"


def get(session: Session, company_id: str, ref: str, param: str = "id") -> Product:
    """By Talonario id or, failing that, by the caller's external_id."""
    return ProductRepository(session, company_id).found(
        ProductNotFound, ref, by_ref=True, param=param
    )


def get_many(session: Session, company_id: str, refs: Iterable[str]) -> dict[str, Product]:
    """Products by id or external_id, keyed by the reference given (an id wins a tie)."""
    wanted = set(refs)
    if not wanted:
        return {}
    rows = ProductRepository(session, company_id).named_by(wanted)
    found = {p.external_id: p for p in rows if p.external_id in wanted}
    return found | {p.id: p for p in rows if p.id in wanted}


def list_products(
    session: Session, company_id: str, limit: int, starting_after: str | None
) -> tuple[Sequence[Product], bool]:
    return ProductRepository(session, company_id).newest_first(limit, starting_after)


def _checked_tax(tax: TaxIn, today: date) -> dict[str, object]:
    data = tax.model_dump(mode="python")
    try:
        check_line_tax(line_tax(data), on=today)
    except TaxRuleViolation as exc:
        raise InvalidRequest(exc.message, param=exc.param) from None
    return data


def create(session: Session, company_id: str, body: ProductCreate, today: date) -> Product:
    repo = ProductRepository(session, company_id)
    repo.ensure_external_id_free(body.external_id)
    product = Product(
        company_id=company_id,
        name=body.name,
        description=body.description,
        unit_price=body.unit_price,
        unit=body.unit,
        tax=_checked_tax(body.tax, today),
        external_id=body.external_id,
    )
    repo.add(product)
    external_ids.flush(session, body.external_id, noun="product")
    return product


def update(
    session: Session, company_id: str, product_id: str, body: ProductUpdate, today: date
) -> Product:
    repo = ProductRepository(session, company_id)
    product = repo.found(ProductNotFound, product_id, by_ref=True)
    changes = body.model_dump(exclude_unset=True)
    if "external_id" in changes:
        repo.ensure_external_id_free(changes["external_id"], product.id)
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

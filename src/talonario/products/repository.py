"""The SQL of products: every statement over the products table, filtered by the company."""

from collections.abc import Collection, Sequence

from sqlalchemy import or_

from talonario.db.repository import Repository
from talonario.models import Product


class ProductRepository(Repository[Product]):
    model = Product
    noun = "product"

    def newest_first(
        self, limit: int, starting_after: str | None
    ) -> tuple[Sequence[Product], bool]:
        return self.page(self.select(), limit, starting_after)

    def named_by(self, refs: Collection[str]) -> Sequence[Product]:
        """The products any of `refs` names, by id or external_id, in one statement."""
        return self.all(
            self.select().where(or_(Product.id.in_(refs), Product.external_id.in_(refs)))
        )

"""Repositories: the one place a statement over a tenant table is built, and every one of them
starts filtered by the company.

A feature's repository (`clients/repository.py`, `invoices/repository.py`, ...) subclasses
`Repository` for its model and holds that feature's SQL; services call its methods.
`tests/test_architecture.py` fails when a tenant table is queried anywhere else, so a query
that forgets the company cannot be written by accident: `select()` here already has the filter.
"""

from collections.abc import Sequence
from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy import Delete, Select, Update, delete, inspect, or_, select, update
from sqlalchemy.orm import Session

from talonario.db import rows
from talonario.errors import NotFound
from talonario.kit import external_ids
from talonario.kit.pagination import paginate
from talonario.models import Company

M = TypeVar("M")


class Repository(Generic[M]):
    """Statements over `model`'s rows of one company."""

    model: ClassVar[type[Any]]
    # The column that names the company: `company_id` on every tenant table, `id` on companies.
    scope: ClassVar[str] = "company_id"
    noun: ClassVar[str] = "object"  # as the 409 of a taken external_id names it

    def __init__(self, session: Session, company_id: str) -> None:
        self.session = session
        self.company_id = company_id

    @property
    def _owned(self) -> Any:
        return getattr(self.model, self.scope) == self.company_id

    @property
    def _id(self) -> Any:
        return self.model.id

    def select(self, *columns: Any) -> Select[Any]:
        """`SELECT model` (or the given columns) of this company's rows only."""
        stmt = select(*columns) if columns else select(self.model)
        return stmt.where(self._owned)

    def update(self) -> Update:
        return update(self.model).where(self._owned)

    def delete(self) -> Delete:
        return delete(self.model).where(self._owned)

    def get(self, row_id: str, *, for_update: bool = False) -> M | None:
        """The company's row with this id, or None, also when the id is another company's.
        A plain read goes through the identity map (a row this transaction holds costs no
        query); a locking one names the company in its WHERE, so FOR UPDATE never touches
        another company's row."""
        if for_update:
            key = inspect(self.model).primary_key[0]
            return self.first(self.select().where(key == row_id).with_for_update())
        row = self.session.get(self.model, row_id)
        if row is None or getattr(row, self.scope) != self.company_id:
            return None
        return row  # type: ignore[no-any-return]

    def get_by_ref(self, ref: str, *, for_update: bool = False) -> M | None:
        """By Talonario id or, failing that, by the caller's external_id; the company is in
        both WHEREs."""
        columns = [self._id]
        if hasattr(self.model, "external_id"):
            columns.append(self.model.external_id)
        for column in columns:
            stmt = self.select().where(column == ref)
            found = self.first(stmt.with_for_update() if for_update else stmt)
            if found is not None:
                return found  # type: ignore[no-any-return]
        return None

    def found(
        self,
        missing: type[NotFound],
        ref: str,
        *,
        by_ref: bool = False,
        for_update: bool = False,
        param: str = "id",
    ) -> M:
        """The row (by id, or by id then external_id with `by_ref`), or the 404 `missing`
        saying "No <noun> '<ref>'." and naming `param`."""
        row = (
            self.get_by_ref(ref, for_update=for_update)
            if by_ref
            else self.get(ref, for_update=for_update)
        )
        if row is None:
            raise missing(f"No {self.noun} '{ref}'.", param=param)
        return row

    def ids_of_ref(self, ref: str) -> Select[Any]:
        """The ids `ref` names, by id or external_id: a subquery, so a filter on it stays one
        indexed statement."""
        return self.select(self._id).where(or_(self._id == ref, self.model.external_id == ref))

    def load(self, row_id: str) -> M | None:
        """A detached, fully loaded copy for reading only (db/rows.py): one plain SELECT,
        cheaper than the ORM's identity-map load on the hot paths."""
        row = rows.load(self.session, self.model, row_id)
        if row is None or getattr(row, self.scope) != self.company_id:
            return None
        return row  # type: ignore[no-any-return]

    def first(self, stmt: Select[Any]) -> Any:
        return self.session.scalars(stmt).first()

    def all(self, stmt: Select[Any]) -> Sequence[Any]:
        return self.session.scalars(stmt).all()

    def page(
        self, stmt: Select[Any], limit: int, starting_after: str | None, ascending: bool = False
    ) -> tuple[Sequence[Any], bool]:
        """One cursor page of `stmt` (built from `select()`), newest first unless `ascending`."""
        return paginate(self.session, stmt, self._id, limit, starting_after, ascending)

    def external_id_owner(self, external_id: str) -> str | None:
        """The id of the company's row holding `external_id`, if any."""
        return self.session.scalar(
            self.select(self._id).where(self.model.external_id == external_id)
        )

    def ensure_external_id_free(self, external_id: str | None, own_id: str | None = None) -> None:
        """409 `external_id_taken` if another of the company's rows has this external_id. Checked
        before the write so the answer names the field; under a race the UNIQUE constraint
        refuses the second (`kit/external_ids.flush` answers the same 409)."""
        if external_id is None:
            return
        owner = self.external_id_owner(external_id)
        if owner is not None and owner != own_id:
            raise external_ids.taken(self.noun, external_id)

    def add(self, row: M) -> M:
        """Add a new row of this company to the session (it flushes with the transaction)."""
        if getattr(row, self.scope) != self.company_id:
            raise ValueError(f"{type(row).__name__} of another company")
        self.session.add(row)
        return row


class CompanyNotFound(NotFound):
    code = "company_not_found"


class CompanyRepository(Repository[Company]):
    """The tenant itself: its one row, scoped by its id."""

    model = Company
    scope = "id"

    def company(self) -> Company | None:
        return self.get(self.company_id)

    def loaded(self) -> Company | None:
        return self.load(self.company_id)

    def existing(self, *, detached: bool = False) -> Company:
        """The company (a detached copy for reading when `detached`), or 404
        `company_not_found`: a key can outlive its company's row only in a broken database."""
        found = self.loaded() if detached else self.company()
        if found is None:
            raise CompanyNotFound(f"No company '{self.company_id}'.")
        return found
